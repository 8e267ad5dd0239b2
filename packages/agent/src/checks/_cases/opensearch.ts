import type { DomainStatus } from "@aws-sdk/client-opensearch";
import { openSearchDomainAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** `DescribeDomain` `DomainStatus` of a domain as a careful owner configures it. */
export const DOMAIN: DomainStatus = {
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
export const domain = (over: Partial<DomainStatus> = {}) =>
  openSearchDomainAsset(WHERE, "logs", { ok: true, value: { DomainStatus: { ...DOMAIN, ...over } } });
export const cluster = DOMAIN.ClusterConfig;
