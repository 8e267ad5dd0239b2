import {
  CloudFrontClient,
  type DistributionSummary,
  GetDistributionConfigCommand,
  type GetDistributionConfigResult,
  type ListDistributionsResult,
  paginateListDistributions,
} from "@aws-sdk/client-cloudfront";
import { type AssetOf, GLOBAL_REGION } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type CollectContext, type Collector, mapLimit, notListed } from "./collector.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ cloudfront: CloudFrontClient });

/**
 * CloudFront distributions (global). `ListDistributions` pages nest their items and markers in
 * `DistributionList`, so the pages are merged here (as the AWS CLI prints them) rather than by
 * the reader. The mapper from AWS's answers to an asset is pure and exported for the check cases.
 */

const nonEmpty = (v: string | undefined): string | null => (v === undefined || v === "" ? null : v);

/** One distribution from its `ListDistributions` summary and its `GetDistributionConfig`. */
export function cloudFrontDistributionAsset(
  c: Pick<CollectContext, "partition" | "accountId">,
  d: DistributionSummary,
  config: RawOutcome<GetDistributionConfigResult>,
): AssetOf<"aws.cloudfront.distribution"> {
  const id = d.Id ?? "";
  const unread = new UnreadFields();
  const cert = d.ViewerCertificate;
  const defaultCertificate =
    cert?.CloudFrontDefaultCertificate === true ||
    (cert?.ACMCertificateArn === undefined && cert?.IAMCertificateId === undefined);
  const out: Partial<AssetOf<"aws.cloudfront.distribution">["config"]> = {
    distributionId: id,
    enabled: d.Enabled === true,
    origins: (d.Origins?.Items ?? []).map((o) => ({
      id: o.Id ?? "",
      domainName: o.DomainName ?? "",
      s3: o.S3OriginConfig !== undefined,
      originAccessControlId: nonEmpty(o.OriginAccessControlId),
      custom: o.CustomOriginConfig
        ? {
            originProtocolPolicy: String(o.CustomOriginConfig.OriginProtocolPolicy ?? ""),
            originSslProtocols: (o.CustomOriginConfig.OriginSslProtocols?.Items ?? []).map(String),
          }
        : null,
    })),
    originGroupSizes: (d.OriginGroups?.Items ?? []).map((g) => g.Members?.Items?.length ?? 0),
    viewerProtocolPolicies: [
      String(d.DefaultCacheBehavior?.ViewerProtocolPolicy ?? ""),
      ...(d.CacheBehaviors?.Items ?? []).map((b) => String(b.ViewerProtocolPolicy ?? "")),
    ],
    viewerCertificate: {
      cloudFrontDefaultCertificate: defaultCertificate,
      sslSupportMethod: defaultCertificate ? null : (cert?.SSLSupportMethod ?? null),
      minimumProtocolVersion: cert?.MinimumProtocolVersion ?? null,
    },
    webAclId: nonEmpty(d.WebACLId),
  };
  if (!unread.failed(config, "defaultRootObject", "loggingEnabled") && config.ok) {
    out.defaultRootObject = nonEmpty(config.value.DistributionConfig?.DefaultRootObject);
    out.loggingEnabled = config.value.DistributionConfig?.Logging?.Enabled === true;
  }
  return unread.attach({
    arn: d.ARN ?? `arn:${c.partition}:cloudfront::${c.accountId}:distribution/${id}`,
    type: "aws.cloudfront.distribution",
    region: GLOBAL_REGION,
    accountId: c.accountId,
    name: d.DomainName ?? id,
    tags: {},
    config: out as AssetOf<"aws.cloudfront.distribution">["config"],
  });
}

/** `ListDistributions` pages merged inside `DistributionList`, as the AWS CLI prints them (its `Marker` kept: required). */
export function mergeDistributionPages(pages: readonly ListDistributionsResult[]): ListDistributionsResult {
  const first = pages[0];
  const items = pages.flatMap((p) => p.DistributionList?.Items ?? []);
  return {
    ...first,
    DistributionList: {
      Marker: "",
      MaxItems: first?.DistributionList?.MaxItems ?? 100,
      IsTruncated: false,
      Quantity: items.length,
      Items: items,
    },
  };
}

export const cloudFrontDistributionsCollector: Collector = {
  id: "cloudfront-distributions",
  scope: "global",
  resourceTypes: ["aws.cloudfront.distribution"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: GLOBAL_REGION, service: "cloudfront", command: "list-distributions" },
      () => paginateListDistributions({ client: c.clients.cloudfront, pageSize: 100 }, {}),
      mergeDistributionPages,
    );
    if (!out.ok) return notListed(c, cloudFrontDistributionsCollector);
    const assets = await mapLimit(out.value.DistributionList?.Items ?? [], 4, async (d) => {
      const Id = d.Id ?? "";
      const config = await c.read.one(
        { scope: GLOBAL_REGION, service: "cloudfront", command: "get-distribution-config", resource: Id },
        () => c.clients.cloudfront.send(new GetDistributionConfigCommand({ Id })),
      );
      return cloudFrontDistributionAsset(c, d, config);
    });
    return { assets };
  },
};
