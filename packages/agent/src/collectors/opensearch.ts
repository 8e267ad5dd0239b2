import {
  DescribeDomainCommand,
  type DescribeDomainCommandOutput,
  type DomainInfo,
  ListDomainNamesCommand,
  OpenSearchClient,
} from "@aws-sdk/client-opensearch";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ opensearch: OpenSearchClient });

type Domain = AssetOf<"aws.opensearch.domain">;

const FIELDS = [
  "encryptionAtRest",
  "inVpc",
  "nodeToNodeEncryption",
  "errorLogsToCloudWatch",
  "auditLogs",
  "instanceCount",
  "zoneAwareness",
  "dedicatedMasterCount",
  "fineGrainedAccessControl",
  "enforceHttps",
  "tlsSecurityPolicy",
  "softwareUpdateAvailable",
] as const;

/** A domain as `DescribeDomain` describes it; when that read failed, its fields are unread. */
export function openSearchDomainAsset(
  c: Where,
  name: string,
  described: RawOutcome<Pick<DescribeDomainCommandOutput, "DomainStatus">>,
): Domain {
  const unread = new UnreadFields();
  const config: Partial<Domain["config"]> = { domainName: name };
  let arn = `arn:${c.partition}:es:${c.region}:${c.accountId}:domain/${name}`;
  if (!unread.failed(described, ...FIELDS) && described.ok) {
    const d = described.value.DomainStatus;
    arn = d?.ARN ?? arn;
    const logs = d?.LogPublishingOptions ?? {};
    const errors = logs.ES_APPLICATION_LOGS;
    const cluster = d?.ClusterConfig;
    config.encryptionAtRest = d?.EncryptionAtRestOptions?.Enabled === true;
    config.inVpc = Boolean(d?.VPCOptions?.VPCId);
    config.nodeToNodeEncryption = d?.NodeToNodeEncryptionOptions?.Enabled === true;
    config.errorLogsToCloudWatch = errors?.Enabled === true && Boolean(errors.CloudWatchLogsLogGroupArn);
    config.auditLogs = logs.AUDIT_LOGS?.Enabled === true;
    config.instanceCount = cluster?.InstanceCount ?? 0;
    config.zoneAwareness = cluster?.ZoneAwarenessEnabled === true;
    config.dedicatedMasterCount =
      cluster?.DedicatedMasterEnabled === true ? (cluster.DedicatedMasterCount ?? 0) : 0;
    config.fineGrainedAccessControl = d?.AdvancedSecurityOptions?.Enabled === true;
    config.enforceHttps = d?.DomainEndpointOptions?.EnforceHTTPS === true;
    config.tlsSecurityPolicy = d?.DomainEndpointOptions?.TLSSecurityPolicy ?? "";
    config.softwareUpdateAvailable = d?.ServiceSoftwareOptions?.UpdateAvailable === true;
  }
  return regionalAsset(c, "aws.opensearch.domain", { arn, name }, config, unread);
}

export const openSearchDomainsCollector = listedCollector({
  id: "opensearch-domains",
  type: "aws.opensearch.domain",
  service: "opensearch",
  command: "list-domain-names",
  // ListDomainNames answers every domain at once (no pagination).
  page: (c) => c.clients.opensearch.send(new ListDomainNamesCommand({})),
  items: (listing) => listing.DomainNames?.flatMap((d: DomainInfo) => (d.DomainName ? [d.DomainName] : [])),
  async asset(c, name) {
    const described = await c.read.one(
      { scope: c.region, service: "opensearch", command: "describe-domain", resource: name },
      () => c.clients.opensearch.send(new DescribeDomainCommand({ DomainName: name })),
    );
    return openSearchDomainAsset(c, name, described);
  },
});
