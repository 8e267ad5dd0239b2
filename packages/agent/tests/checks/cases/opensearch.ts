import type { DomainStatus } from "@aws-sdk/client-opensearch";
import { openSearchDomainAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";
import { both } from "./verdicts.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** `DescribeDomain` `DomainStatus` of a domain as a careful owner configures it. */
const DOMAIN: DomainStatus = {
  DomainId: `${ACCOUNT}/logs`,
  DomainName: "logs",
  ARN: `arn:aws:es:${REGION}:${ACCOUNT}:domain/logs`,
  Created: true,
  Deleted: false,
  Endpoints: { vpc: `vpc-logs-abcdefghijklmnopqrstuvwxyz.${REGION}.es.amazonaws.com` },
  EngineVersion: "OpenSearch_2.11",
  ClusterConfig: {
    InstanceType: "r6g.large.search",
    InstanceCount: 3,
    DedicatedMasterEnabled: true,
    DedicatedMasterType: "m6g.large.search",
    DedicatedMasterCount: 3,
    ZoneAwarenessEnabled: true,
    ZoneAwarenessConfig: { AvailabilityZoneCount: 3 },
  },
  VPCOptions: {
    VPCId: "vpc-0123456789abcdef0",
    SubnetIds: ["subnet-0123456789abcdef0"],
    SecurityGroupIds: ["sg-0123456789abcdef0"],
  },
  EncryptionAtRestOptions: { Enabled: true, KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd` },
  NodeToNodeEncryptionOptions: { Enabled: true },
  LogPublishingOptions: {
    ES_APPLICATION_LOGS: {
      Enabled: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/OpenSearchService/domains/logs/application`,
    },
    AUDIT_LOGS: {
      Enabled: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/OpenSearchService/domains/logs/audit`,
    },
  },
  ServiceSoftwareOptions: {
    CurrentVersion: "OpenSearch_2_11_R20241003",
    UpdateAvailable: false,
    UpdateStatus: "COMPLETED",
  },
  DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" },
  AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false, AnonymousAuthEnabled: false },
};

/** The asset the OpenSearch collector builds from `DescribeDomain`. */
const domain = (over: Partial<DomainStatus> = {}) =>
  openSearchDomainAsset(WHERE, "logs", { ok: true, value: { DomainStatus: { ...DOMAIN, ...over } } });

const cluster = DOMAIN.ClusterConfig;

export const openSearchCases: CheckCase[] = [
  ...both(
    "vigil.opensearch.domain-encrypted-at-rest",
    ["EncryptionAtRestOptions.Enabled true", domain()],
    ["EncryptionAtRestOptions.Enabled false", domain({ EncryptionAtRestOptions: { Enabled: false } })],
  ),
  ...both(
    "vigil.opensearch.domain-in-vpc",
    ["VPCOptions with a VPC", domain()],
    [
      "public endpoint, no VPCOptions",
      domain({
        VPCOptions: undefined,
        Endpoints: undefined,
        Endpoint: `search-logs-abc.${REGION}.es.amazonaws.com`,
      }),
    ],
  ),
  ...both(
    "vigil.opensearch.domain-node-to-node-encryption",
    ["NodeToNodeEncryptionOptions.Enabled true", domain()],
    [
      "NodeToNodeEncryptionOptions.Enabled false",
      domain({ NodeToNodeEncryptionOptions: { Enabled: false } }),
    ],
  ),
  ...both(
    "vigil.opensearch.domain-error-logging",
    ["ES_APPLICATION_LOGS to a log group", domain()],
    ["no ES_APPLICATION_LOGS", domain({ LogPublishingOptions: { AUDIT_LOGS: { Enabled: true } } })],
  ),
  {
    check: "vigil.opensearch.domain-error-logging",
    name: "ES_APPLICATION_LOGS disabled",
    asset: domain({ LogPublishingOptions: { ES_APPLICATION_LOGS: { Enabled: false } } }),
    expect: "fail",
  },
  ...both(
    "vigil.opensearch.domain-audit-logging",
    ["AUDIT_LOGS enabled", domain()],
    ["no LogPublishingOptions", domain({ LogPublishingOptions: undefined })],
  ),
  ...both(
    "vigil.opensearch.domain-three-data-nodes",
    ["3 data nodes, zone awareness", domain()],
    [
      "1 data node",
      domain({
        ClusterConfig: {
          ...cluster,
          InstanceCount: 1,
          ZoneAwarenessEnabled: false,
          ZoneAwarenessConfig: undefined,
        },
      }),
    ],
  ),
  {
    check: "vigil.opensearch.domain-three-data-nodes",
    name: "3 data nodes without zone awareness",
    asset: domain({ ClusterConfig: { ...cluster, ZoneAwarenessEnabled: false } }),
    expect: "fail",
    evidence: /zone awareness/,
  },
  ...both(
    "vigil.opensearch.domain-fine-grained-access-control",
    ["AdvancedSecurityOptions.Enabled true", domain()],
    ["AdvancedSecurityOptions.Enabled false", domain({ AdvancedSecurityOptions: { Enabled: false } })],
  ),
  ...both(
    "vigil.opensearch.domain-tls-1-2-policy",
    ["HTTPS enforced, Policy-Min-TLS-1-2-PFS-2023-10", domain()],
    [
      "Policy-Min-TLS-1-0-2019-07",
      domain({
        DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
      }),
    ],
  ),
  {
    check: "vigil.opensearch.domain-tls-1-2-policy",
    name: "EnforceHTTPS false",
    asset: domain({
      DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" },
    }),
    expect: "fail",
    evidence: /HTTP/,
  },
  ...both(
    "vigil.opensearch.domain-software-updated",
    ["UpdateAvailable false", domain()],
    [
      "UpdateAvailable true",
      domain({
        ServiceSoftwareOptions: { CurrentVersion: "OpenSearch_2_11_R20240502", UpdateAvailable: true },
      }),
    ],
  ),
  ...both(
    "vigil.opensearch.domain-three-dedicated-master-nodes",
    ["3 dedicated primary nodes", domain()],
    [
      "no dedicated primary nodes",
      domain({
        ClusterConfig: { ...cluster, DedicatedMasterEnabled: false, DedicatedMasterCount: undefined },
      }),
    ],
  ),
];
