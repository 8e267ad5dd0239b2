import {
  DescribeEndpointConfigCommand,
  type DescribeEndpointConfigCommandOutput,
  DescribeModelCommand,
  type DescribeModelCommandOutput,
  DescribeNotebookInstanceCommand,
  type DescribeNotebookInstanceCommandOutput,
  type EndpointConfigSummary,
  type ModelSummary,
  type NotebookInstanceSummary,
  paginateListEndpointConfigs,
  paginateListModels,
  paginateListNotebookInstances,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import type { CollectContext } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { readResource } from "./read-one.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ sagemaker: SageMakerClient });

type Notebook = AssetOf<"aws.sagemaker.notebook-instance">;
type EndpointConfig = AssetOf<"aws.sagemaker.endpoint-config">;
type Model = AssetOf<"aws.sagemaker.model">;

/** A notebook instance as listed and as `DescribeNotebookInstance` describes it; a failed read leaves its fields unread. */
export function sageMakerNotebookInstanceAsset(
  c: Where,
  listed: NotebookInstanceSummary,
  described: RawOutcome<DescribeNotebookInstanceCommandOutput>,
): Notebook {
  const name = listed.NotebookInstanceName ?? "";
  const unread = new UnreadFields();
  const config: Partial<Notebook["config"]> = { notebookInstanceName: name };
  if (!unread.failed(described, "directInternetAccess", "rootAccess", "subnetId") && described.ok) {
    const d = described.value;
    // SageMaker's defaults when the instance was created without them.
    config.directInternetAccess = d.DirectInternetAccess ?? "Enabled";
    config.rootAccess = d.RootAccess ?? "Enabled";
    config.subnetId = d.SubnetId ? d.SubnetId : null;
  }
  return regionalAsset(
    c,
    "aws.sagemaker.notebook-instance",
    {
      arn:
        listed.NotebookInstanceArn ??
        `arn:${c.partition}:sagemaker:${c.region}:${c.accountId}:notebook-instance/${name.toLowerCase()}`,
      name,
    },
    config,
    unread,
  );
}

/** An endpoint configuration as listed and as `DescribeEndpointConfig` describes it. */
export function sageMakerEndpointConfigAsset(
  c: Where,
  listed: EndpointConfigSummary,
  described: RawOutcome<DescribeEndpointConfigCommandOutput>,
): EndpointConfig {
  const name = listed.EndpointConfigName ?? "";
  const unread = new UnreadFields();
  const config: Partial<EndpointConfig["config"]> = { endpointConfigName: name };
  if (!unread.failed(described, "variantInstanceCounts") && described.ok)
    config.variantInstanceCounts = (described.value.ProductionVariants ?? []).flatMap((v) =>
      v.InitialInstanceCount === undefined ? [] : [v.InitialInstanceCount],
    );
  return regionalAsset(
    c,
    "aws.sagemaker.endpoint-config",
    {
      arn:
        listed.EndpointConfigArn ??
        `arn:${c.partition}:sagemaker:${c.region}:${c.accountId}:endpoint-config/${name.toLowerCase()}`,
      name,
    },
    config,
    unread,
  );
}

/** A model as listed and as `DescribeModel` describes it. */
export function sageMakerModelAsset(
  c: Where,
  listed: ModelSummary,
  described: RawOutcome<Pick<DescribeModelCommandOutput, "EnableNetworkIsolation">>,
): Model {
  const name = listed.ModelName ?? "";
  const unread = new UnreadFields();
  const config: Partial<Model["config"]> = { modelName: name };
  if (!unread.failed(described, "networkIsolation") && described.ok)
    config.networkIsolation = described.value.EnableNetworkIsolation === true;
  return regionalAsset(
    c,
    "aws.sagemaker.model",
    {
      arn:
        listed.ModelArn ??
        `arn:${c.partition}:sagemaker:${c.region}:${c.accountId}:model/${name.toLowerCase()}`,
      name,
    },
    config,
    unread,
  );
}

const describe = <T extends object>(
  c: CollectContext,
  command: string,
  name: string,
  send: () => Promise<T>,
) => readResource(c, "sagemaker", command, name, send);

export const sageMakerNotebookInstancesCollector = listedCollector({
  id: "sagemaker-notebook-instances",
  type: "aws.sagemaker.notebook-instance",
  service: "sagemaker",
  command: "list-notebook-instances",
  pages: (c) => paginateListNotebookInstances({ client: c.clients.sagemaker, pageSize: 100 }, {}),
  items: (listing) => listing.NotebookInstances,
  async asset(c, n) {
    const name = n.NotebookInstanceName ?? "";
    const described = await describe(c, "describe-notebook-instance", name, () =>
      c.clients.sagemaker.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name })),
    );
    return sageMakerNotebookInstanceAsset(c, n, described);
  },
});

export const sageMakerEndpointConfigsCollector = listedCollector({
  id: "sagemaker-endpoint-configs",
  type: "aws.sagemaker.endpoint-config",
  service: "sagemaker",
  command: "list-endpoint-configs",
  pages: (c) => paginateListEndpointConfigs({ client: c.clients.sagemaker, pageSize: 100 }, {}),
  items: (listing) => listing.EndpointConfigs,
  async asset(c, e) {
    const name = e.EndpointConfigName ?? "";
    const described = await describe(c, "describe-endpoint-config", name, () =>
      c.clients.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name })),
    );
    return sageMakerEndpointConfigAsset(c, e, described);
  },
});

export const sageMakerModelsCollector = listedCollector({
  id: "sagemaker-models",
  type: "aws.sagemaker.model",
  service: "sagemaker",
  command: "list-models",
  pages: (c) => paginateListModels({ client: c.clients.sagemaker, pageSize: 100 }, {}),
  items: (listing) => listing.Models,
  async asset(c, m) {
    const name = m.ModelName ?? "";
    const described = await describe(c, "describe-model", name, () =>
      c.clients.sagemaker.send(new DescribeModelCommand({ ModelName: name })),
    );
    return sageMakerModelAsset(c, m, described);
  },
});
