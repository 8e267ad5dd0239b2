import {
  DescribeClustersCommand,
  type DescribeClustersResponse,
  DescribeServicesCommand,
  type DescribeServicesResponse,
  DescribeTaskDefinitionCommand,
  type DescribeTaskDefinitionResponse,
  ECSClient,
  paginateListClusters,
  paginateListServices,
  paginateListTaskDefinitionFamilies,
} from "@aws-sdk/client-ecs";
import type { Asset, AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type CollectContext, type Collector, mapLimit, notListed } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ ecs: ECSClient });

type TaskDefinition = AssetOf<"aws.ecs.task-definition">;
type Cluster = AssetOf<"aws.ecs.cluster">;
type Service = AssetOf<"aws.ecs.service">;

/**
 * A task definition family as the latest ACTIVE revision `DescribeTaskDefinition` returns: per
 * container what the checks need (environment variable names, never values).
 */
export function ecsTaskDefinitionAsset(
  c: Where,
  family: string,
  described: RawOutcome<Pick<DescribeTaskDefinitionResponse, "taskDefinition">>,
): TaskDefinition {
  const unread = new UnreadFields();
  const config: Partial<TaskDefinition["config"]> = { family };
  if (!unread.failed(described, "revision", "networkMode", "pidMode", "containers") && described.ok) {
    const t = described.value.taskDefinition;
    config.revision = t?.revision ?? 1;
    config.networkMode = t?.networkMode ?? "bridge";
    config.pidMode = t?.pidMode ?? null;
    config.containers = (t?.containerDefinitions ?? []).map((d) => ({
      name: d.name ?? "",
      privileged: d.privileged === true,
      user: d.user ? d.user : null,
      readonlyRootFilesystem: d.readonlyRootFilesystem === true,
      logging: Boolean(d.logConfiguration?.logDriver),
      environmentNames: (d.environment ?? []).flatMap((e) => (e.name ? [e.name] : [])),
    }));
  }
  const arn = `arn:${c.partition}:ecs:${c.region}:${c.accountId}:task-definition/${family}`;
  return regionalAsset(c, "aws.ecs.task-definition", { arn, name: family }, config, unread);
}

/** A cluster as `DescribeClusters` (with `SETTINGS`) describes it; a cluster it does not return is unread. */
export function ecsClusterAsset(
  c: Where,
  arn: string,
  described: RawOutcome<Pick<DescribeClustersResponse, "clusters" | "failures">>,
): Cluster {
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  const unread = new UnreadFields();
  const config: Partial<Cluster["config"]> = { clusterName: name };
  if (!unread.failed(described, "containerInsights") && described.ok) {
    const cluster = described.value.clusters?.find((k) => k.clusterArn === arn);
    if (cluster) {
      const setting = cluster.settings?.find((s) => s.name === "containerInsights");
      config.containerInsights = setting?.value ?? "disabled";
    } else {
      const failure = described.value.failures?.find((f) => f.arn === arn);
      unread.markAs(
        {
          call: "ecs:DescribeClusters",
          kind: "failed",
          code: failure?.reason ?? "MISSING",
          message: failure?.detail ?? "the cluster was not in the answer",
        },
        "containerInsights",
      );
    }
  }
  return regionalAsset(c, "aws.ecs.cluster", { arn, name }, config, unread);
}

export const ecsTaskDefinitionsCollector = listedCollector({
  id: "ecs-task-definitions",
  type: "aws.ecs.task-definition",
  service: "ecs",
  command: "list-task-definition-families",
  pages: (c) =>
    paginateListTaskDefinitionFamilies({ client: c.clients.ecs, pageSize: 100 }, { status: "ACTIVE" }),
  items: (listing) => listing.families,
  async asset(c, family) {
    const described = await c.read.one(
      { scope: c.region, service: "ecs", command: "describe-task-definition", resource: family },
      () => c.clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family })),
    );
    return ecsTaskDefinitionAsset(c, family, described);
  },
});

/**
 * A service `ListServices` named, as `DescribeServices` describes it; one the answer does not hold
 * (its `failures`, or missing) keeps its name with its fields unread.
 */
export function ecsServiceAsset(
  c: Where,
  clusterName: string,
  arn: string,
  described: RawOutcome<Pick<DescribeServicesResponse, "services" | "failures">>,
): Service {
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  const unread = new UnreadFields();
  const config: Partial<Service["config"]> = { serviceName: name, clusterName };
  const fields = ["fargate", "platformVersion", "platformFamily", "assignPublicIp", "taskSets"];
  if (!unread.failed(described, ...fields) && described.ok) {
    const s = described.value.services?.find((x) => x.serviceArn === arn);
    if (s) {
      const fargate =
        s.launchType === "FARGATE" ||
        (s.capacityProviderStrategy ?? []).some((p) => p.capacityProvider?.startsWith("FARGATE") === true);
      config.fargate = fargate;
      config.platformVersion = fargate ? (s.platformVersion ?? null) : null;
      config.platformFamily = s.platformFamily ?? null;
      config.assignPublicIp = s.networkConfiguration?.awsvpcConfiguration?.assignPublicIp === "ENABLED";
      config.taskSets = (s.taskSets ?? []).map((t) => ({
        id: t.id ?? t.taskSetArn ?? "",
        assignPublicIp: t.networkConfiguration?.awsvpcConfiguration?.assignPublicIp === "ENABLED",
      }));
    } else {
      const failure = described.value.failures?.find((f) => f.arn === arn);
      unread.markAs(
        {
          call: "ecs:DescribeServices",
          kind: "failed",
          code: failure?.reason ?? "MISSING",
          message: failure?.detail ?? "the service was not in the answer",
        },
        ...fields,
      );
    }
  }
  return regionalAsset(c, "aws.ecs.service", { arn, name }, config, unread);
}

/** `DescribeServices` takes at most 10 services a call. */
const SERVICES_PER_CALL = 10;

/** A cluster's services (`ListServices`, then `DescribeServices` 10 at a time); undefined when they could not be listed. */
async function clusterServices(c: CollectContext, clusterArn: string): Promise<Service[] | undefined> {
  const name = clusterArn.slice(clusterArn.lastIndexOf("/") + 1);
  const ref = (command: string) => ({ scope: c.region, service: "ecs", command, resource: name });
  const listed = await c.read.pages(ref("list-services"), () =>
    paginateListServices({ client: c.clients.ecs, pageSize: 100 }, { cluster: clusterArn }),
  );
  if (!listed.ok) return undefined;
  const arns = listed.value.serviceArns ?? [];
  if (arns.length === 0) return [];
  const described = await c.read.pages(ref("describe-services"), async function* () {
    for (let i = 0; i < arns.length; i += SERVICES_PER_CALL)
      yield await c.clients.ecs.send(
        new DescribeServicesCommand({ cluster: clusterArn, services: arns.slice(i, i + SERVICES_PER_CALL) }),
      );
  });
  return arns.map((arn) => ecsServiceAsset(c, name, arn, described));
}

/**
 * Clusters (`DescribeClusters` with `SETTINGS`, one a call) and their services. A cluster whose
 * services could not be listed leaves the region's services uncovered: none is taken for gone.
 */
export const ecsClustersCollector: Collector = {
  id: "ecs-clusters",
  scope: "regional",
  resourceTypes: ["aws.ecs.cluster", "aws.ecs.service"],
  async collect(c) {
    const list = await c.read.pages({ scope: c.region, service: "ecs", command: "list-clusters" }, () =>
      paginateListClusters({ client: c.clients.ecs, pageSize: 100 }, {}),
    );
    if (!list.ok) return notListed(c, ecsClustersCollector);
    let servicesUnlisted = false;
    const perCluster = await mapLimit(list.value.clusterArns ?? [], 4, async (arn) => {
      const resource = arn.slice(arn.lastIndexOf("/") + 1);
      const [described, services] = await Promise.all([
        c.read.one({ scope: c.region, service: "ecs", command: "describe-clusters", resource }, () =>
          c.clients.ecs.send(new DescribeClustersCommand({ clusters: [arn], include: ["SETTINGS"] })),
        ),
        clusterServices(c, arn),
      ]);
      if (services === undefined) servicesUnlisted = true;
      return [ecsClusterAsset(c, arn, described), ...(services ?? [])];
    });
    const assets: Asset[] = perCluster.flat();
    if (!servicesUnlisted) return { assets };
    return { assets, uncovered: [{ region: c.region, assetType: "aws.ecs.service" }] };
  },
};
