import {
  type AccessPoint,
  GetAccessPointCommand,
  type GetAccessPointResult,
  type MultiRegionAccessPointReport,
  paginateListAccessPoints,
  paginateListMultiRegionAccessPoints,
  S3ControlClient,
} from "@aws-sdk/client-s3-control";
import { type AssetOf, GLOBAL_REGION } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type Collector, notListed, publicAccessBlockOf } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ s3control: S3ControlClient });

/**
 * S3 access points (a region's, `ListAccessPoints` then `GetAccessPoint` each, for its Block Public
 * Access) and Multi-Region Access Points (the account's, `ListMultiRegionAccessPoints`, which AWS
 * answers only in us-west-2). Their own module: the shards that scan them load S3 Control only.
 */

/** An access point as `ListAccessPoints` lists it and `GetAccessPoint` describes it. */
export function s3AccessPointAsset(
  c: Where,
  point: AccessPoint,
  described: RawOutcome<Pick<GetAccessPointResult, "PublicAccessBlockConfiguration">>,
): AssetOf<"aws.s3.access-point"> {
  const name = point.Name ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.s3.access-point">["config"]> = {
    accessPointName: name,
    bucket: point.Bucket ?? "",
    networkOrigin: point.NetworkOrigin ?? "Internet",
  };
  if (!unread.failed(described, "publicAccessBlock"))
    config.publicAccessBlock = publicAccessBlockOf(
      described.ok ? described.value.PublicAccessBlockConfiguration : undefined,
    );
  const arn = point.AccessPointArn ?? `arn:${c.partition}:s3:${c.region}:${c.accountId}:accesspoint/${name}`;
  return regionalAsset(c, "aws.s3.access-point", { arn, name }, config, unread);
}

export const s3AccessPointsCollector = listedCollector({
  id: "s3-access-points",
  type: "aws.s3.access-point",
  service: "s3control",
  command: "list-access-points",
  pages: (c) =>
    paginateListAccessPoints({ client: c.clients.s3control, pageSize: 1000 }, { AccountId: c.accountId }),
  items: (listing) => listing.AccessPointList,
  asset: async (c, point) => {
    const described = await c.read.one(
      { scope: c.region, service: "s3control", command: "get-access-point", resource: point.Name ?? "" },
      () => c.clients.s3control.send(new GetAccessPointCommand({ AccountId: c.accountId, Name: point.Name })),
    );
    return s3AccessPointAsset(c, point, described);
  },
});

/** The Region whose S3 Control endpoint answers for Multi-Region Access Points. */
export const MULTI_REGION_ACCESS_POINTS_REGION = "us-west-2";

/** A Multi-Region Access Point as `ListMultiRegionAccessPoints` reports it. */
export function s3MultiRegionAccessPointAsset(
  c: Where,
  report: MultiRegionAccessPointReport,
): AssetOf<"aws.s3.multi-region-access-point"> {
  const alias = report.Alias ?? "";
  return {
    arn: `arn:${c.partition}:s3::${c.accountId}:accesspoint/${alias}`,
    type: "aws.s3.multi-region-access-point",
    region: GLOBAL_REGION,
    accountId: c.accountId,
    name: report.Name ?? alias,
    tags: {},
    config: {
      accessPointName: report.Name ?? "",
      alias,
      publicAccessBlock: publicAccessBlockOf(report.PublicAccessBlock),
    },
  };
}

export const s3MultiRegionAccessPointsCollector: Collector = {
  id: "s3-multi-region-access-points",
  scope: "global",
  resourceTypes: ["aws.s3.multi-region-access-point"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: "global", service: "s3control", command: "list-multi-region-access-points" },
      () =>
        paginateListMultiRegionAccessPoints(
          { client: c.clientsFor(MULTI_REGION_ACCESS_POINTS_REGION).s3control, pageSize: 100 },
          { AccountId: c.accountId },
        ),
    );
    if (!out.ok) return notListed(c, s3MultiRegionAccessPointsCollector);
    return { assets: (out.value.AccessPoints ?? []).map((r) => s3MultiRegionAccessPointAsset(c, r)) };
  },
};
