import {
  DescribeClusterCommand,
  type DescribeClusterResponse,
  EKSClient,
  paginateListClusters,
} from "@aws-sdk/client-eks";
import {
  type FunctionConfiguration,
  GetPolicyCommand,
  type GetPolicyResponse,
  LambdaClient,
  paginateListFunctions,
} from "@aws-sdk/client-lambda";
import { type AssetOf, policyAllowsPublicAccess } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type Collector, mapLimit, notListed } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { lazySubnets, type SubnetListing } from "./region-network.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ eks: EKSClient, lambda: LambdaClient });

/**
 * A function as `ListFunctions` lists it, with its resource-based policy (`GetPolicy`; none: the
 * not-configured answer, a failed read leaves `policyPublic` unread) and, attached to a VPC, the
 * zones of its subnets from the region's subnets (a failed listing leaves `vpcAvailabilityZones` unread).
 */
export function lambdaFunctionAsset(
  c: Where,
  f: FunctionConfiguration,
  policy: RawOutcome<Pick<GetPolicyResponse, "Policy">>,
  subnets: RawOutcome<SubnetListing>,
): AssetOf<"aws.lambda.function"> {
  const unread = new UnreadFields();
  const vpcId = f.VpcConfig?.VpcId ? f.VpcConfig.VpcId : null;
  const config: Partial<AssetOf<"aws.lambda.function">["config"]> = {
    functionName: f.FunctionName ?? "",
    packageType: f.PackageType === "Image" ? "Image" : "Zip",
    vpcId,
  };
  if (vpcId === null) config.vpcAvailabilityZones = null;
  else if (!unread.failed(subnets, "vpcAvailabilityZones") && subnets.ok) {
    const mine = new Set(f.VpcConfig?.SubnetIds ?? []);
    const zones = (subnets.value.Subnets ?? []).flatMap((s) =>
      s.SubnetId !== undefined && mine.has(s.SubnetId) && s.AvailabilityZone ? [s.AvailabilityZone] : [],
    );
    config.vpcAvailabilityZones = [...new Set(zones)].sort();
  }
  if (f.Runtime) config.runtime = f.Runtime;
  if (!unread.failed(policy, "policyPublic"))
    config.policyPublic = policy.ok && policyAllowsPublicAccess(policy.value.Policy ?? "");
  // ListFunctions carries no tags; ListTags is not among the calls Vigil makes.
  return regionalAsset(
    c,
    "aws.lambda.function",
    {
      arn: f.FunctionArn ?? `arn:${c.partition}:lambda:${c.region}:${c.accountId}:function:${f.FunctionName}`,
      name: f.FunctionName ?? "",
    },
    config,
    unread,
  );
}

export const lambdaFunctionsCollector = listedCollector({
  id: "lambda-functions",
  type: "aws.lambda.function",
  service: "lambda",
  command: "list-functions",
  pages: (c) => paginateListFunctions({ client: c.clients.lambda, pageSize: 50 }, {}),
  items: (listing) => listing.Functions,
  // The region's subnets, read once and only when some function is attached to a VPC.
  shared: async (c) => lazySubnets(c),
  async asset(c, f, subnets) {
    const name = f.FunctionName ?? "";
    const [policy, listing] = await Promise.all([
      c.read.one({ scope: c.region, service: "lambda", command: "get-policy", resource: name }, () =>
        c.clients.lambda.send(new GetPolicyCommand({ FunctionName: name })),
      ),
      f.VpcConfig?.VpcId ? subnets() : Promise.resolve({ ok: true as const, value: {} }),
    ]);
    return lambdaFunctionAsset(c, f, policy, listing);
  },
});

/** A cluster `ListClusters` named, as `DescribeCluster` describes it (its fields unread when that failed). */
export function eksClusterAsset(
  c: Where,
  name: string,
  described: RawOutcome<Pick<DescribeClusterResponse, "cluster">>,
): AssetOf<"aws.eks.cluster"> {
  const cluster = described.ok ? described.value.cluster : undefined;
  if (cluster === undefined) {
    // The cluster exists (ListClusters named it); its configuration could not be read.
    const unread = new UnreadFields();
    const fields = [
      "version",
      "endpointPublicAccess",
      "publicAccessCidrs",
      "secretsEncrypted",
      "enabledLogTypes",
    ];
    if (!unread.failed(described, ...fields))
      unread.markAs(
        {
          call: "eks:DescribeCluster",
          kind: "failed",
          code: "NoCluster",
          message: "no cluster in the answer",
        },
        ...fields,
      );
    return unread.attach({
      arn: `arn:${c.partition}:eks:${c.region}:${c.accountId}:cluster/${name}`,
      type: "aws.eks.cluster",
      region: c.region,
      accountId: c.accountId,
      name,
      tags: {},
      config: {} as AssetOf<"aws.eks.cluster">["config"],
    });
  }
  return {
    arn: cluster.arn ?? `arn:${c.partition}:eks:${c.region}:${c.accountId}:cluster/${name}`,
    type: "aws.eks.cluster",
    region: c.region,
    accountId: c.accountId,
    name,
    tags: { ...(cluster.tags ?? {}) },
    config: {
      version: cluster.version ?? "",
      endpointPublicAccess: cluster.resourcesVpcConfig?.endpointPublicAccess === true,
      publicAccessCidrs: cluster.resourcesVpcConfig?.publicAccessCidrs ?? [],
      secretsEncrypted: (cluster.encryptionConfig ?? []).some((e) => (e.resources ?? []).includes("secrets")),
      enabledLogTypes: (cluster.logging?.clusterLogging ?? [])
        .filter((l) => l.enabled === true)
        .flatMap((l) => l.types ?? []),
    },
  };
}

export const eksClustersCollector: Collector = {
  id: "eks-clusters",
  scope: "regional",
  resourceTypes: ["aws.eks.cluster"],
  async collect(c) {
    const out = await c.read.pages({ scope: c.region, service: "eks", command: "list-clusters" }, () =>
      paginateListClusters({ client: c.clients.eks, pageSize: 100 }, {}),
    );
    if (!out.ok) return notListed(c, eksClustersCollector);
    const assets = await mapLimit(
      out.value.clusters ?? [],
      4,
      async (name): Promise<AssetOf<"aws.eks.cluster">> => {
        const described = await c.read.one(
          { scope: c.region, service: "eks", command: "describe-cluster", resource: name },
          () => c.clients.eks.send(new DescribeClusterCommand({ name })),
        );
        return eksClusterAsset(c, name, described);
      },
    );
    return { assets };
  },
};
