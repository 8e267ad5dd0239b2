import {
  GetLoggingConfigurationCommand,
  type GetLoggingConfigurationResponse,
  GetWebACLCommand,
  type GetWebACLResponse,
  ListWebACLsCommand,
  type ListWebACLsResponse,
  type Scope,
  WAFV2Client,
  type WebACLSummary,
} from "@aws-sdk/client-wafv2";
import { type AssetOf, GLOBAL_REGION } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type CollectContext, type Collector, followPages, mapLimit, notListed } from "./collector.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ wafv2: WAFV2Client });

/**
 * AWS WAF (v2) web ACLs: `REGIONAL` ones in each region; `CLOUDFRONT` ones, which live in
 * us-east-1 whatever the scan's home region, once (region `global`). The mapper is pure and exported.
 */

/** One web ACL from its `ListWebACLs` summary, `GetWebACL` and `GetLoggingConfiguration`. */
export function webAclAsset(
  c: Pick<CollectContext, "region" | "accountId">,
  scope: Scope,
  summary: WebACLSummary,
  described: RawOutcome<GetWebACLResponse>,
  logging: RawOutcome<GetLoggingConfigurationResponse>,
): AssetOf<"aws.wafv2.web-acl"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.wafv2.web-acl">["config"]> = { webAclId: summary.Id ?? "", scope };
  if (!unread.failed(described, "rules", "cloudWatchMetricsEnabled") && described.ok) {
    const acl = described.value.WebACL;
    config.rules = (acl?.Rules ?? []).map((r) => ({
      name: r.Name ?? "",
      cloudWatchMetricsEnabled: r.VisibilityConfig?.CloudWatchMetricsEnabled === true,
    }));
    config.cloudWatchMetricsEnabled = acl?.VisibilityConfig?.CloudWatchMetricsEnabled === true;
  }
  // WAFNonexistentItemException (no logging configuration) arrives as not-configured: logging off.
  if (!unread.failed(logging, "loggingEnabled"))
    config.loggingEnabled =
      logging.ok && (logging.value.LoggingConfiguration?.LogDestinationConfigs ?? []).length > 0;
  return unread.attach({
    arn: summary.ARN ?? "",
    type: "aws.wafv2.web-acl",
    region: scope === "CLOUDFRONT" ? GLOBAL_REGION : c.region,
    accountId: c.accountId,
    name: summary.Name ?? "",
    tags: {},
    config: config as AssetOf<"aws.wafv2.web-acl">["config"],
  });
}

async function collectWebAcls(c: CollectContext, scope: Scope, collector: Collector) {
  const where = scope === "CLOUDFRONT" ? GLOBAL_REGION : c.region;
  // CloudFront web ACLs are managed through us-east-1 only.
  const client = (scope === "CLOUDFRONT" ? c.clientsFor("us-east-1") : c.clients).wafv2;
  const out = await c.read.pages({ scope: where, service: "wafv2", command: "list-web-acls" }, () =>
    followPages<ListWebACLsResponse>(
      (NextMarker) => client.send(new ListWebACLsCommand({ Scope: scope, NextMarker, Limit: 100 })),
      (page) => page.NextMarker,
    ),
  );
  // Not listed: only this scope's web ACLs (this region's, or the global CloudFront ones) are unseen.
  if (!out.ok) return notListed({ region: where }, { ...collector, scope: "regional" });
  const assets = await mapLimit(out.value.WebACLs ?? [], 4, async (summary) => {
    const resource = summary.Id ?? "";
    const [described, logging] = await Promise.all([
      c.read.one({ scope: where, service: "wafv2", command: "get-web-acl", resource }, () =>
        client.send(new GetWebACLCommand({ Name: summary.Name, Scope: scope, Id: summary.Id })),
      ),
      c.read.one({ scope: where, service: "wafv2", command: "get-logging-configuration", resource }, () =>
        client.send(new GetLoggingConfigurationCommand({ ResourceArn: summary.ARN })),
      ),
    ]);
    return webAclAsset(c, scope, summary, described, logging);
  });
  return { assets };
}

export const regionalWebAclsCollector: Collector = {
  id: "wafv2-regional-web-acls",
  scope: "regional",
  resourceTypes: ["aws.wafv2.web-acl"],
  collect: (c) => collectWebAcls(c, "REGIONAL", regionalWebAclsCollector),
};

export const cloudFrontWebAclsCollector: Collector = {
  id: "wafv2-cloudfront-web-acls",
  scope: "global",
  resourceTypes: ["aws.wafv2.web-acl"],
  collect: (c) => collectWebAcls(c, "CLOUDFRONT", cloudFrontWebAclsCollector),
};
