import { cloudTrailCollector } from "./cloudtrail.ts";
import type { Collector } from "./collector.ts";
import { eksClustersCollector, lambdaFunctionsCollector } from "./compute.ts";
import {
  ebsDefaultEncryptionCollector,
  ec2InstancesCollector,
  networkAclsCollector,
  securityGroupsCollector,
  snapshotsCollector,
  volumesCollector,
  vpcsCollector,
} from "./ec2.ts";
import {
  iamPasswordPolicyCollector,
  iamPoliciesCollector,
  iamRolesCollector,
  iamUsersCollector,
} from "./iam.ts";
import { kmsKeysCollector } from "./kms.ts";
import { cisMonitoringCollector } from "./monitoring.ts";
import { rdsInstancesCollector, rdsSnapshotsCollector } from "./rds.ts";
import { s3BucketsCollector } from "./s3.ts";

export type {
  CollectContext,
  Collector,
  CollectorOutput,
  MonitoringFacts,
  S3DataEventSelector,
  TrailFacts,
} from "./collector.ts";
export { type CredentialReportRow, parseCredentialReport } from "./credential-report.ts";
export { type LinkInput, linkAssets } from "./link.ts";
export { cisPatternsOf } from "./monitoring.ts";

/** Every collector, regional first. One per resource type (a few produce related types together). */
export const COLLECTORS: readonly Collector[] = [
  ec2InstancesCollector,
  securityGroupsCollector,
  volumesCollector,
  snapshotsCollector,
  vpcsCollector,
  networkAclsCollector,
  ebsDefaultEncryptionCollector,
  rdsInstancesCollector,
  rdsSnapshotsCollector,
  cloudTrailCollector,
  kmsKeysCollector,
  cisMonitoringCollector,
  lambdaFunctionsCollector,
  eksClustersCollector,
  s3BucketsCollector,
  iamUsersCollector,
  iamPasswordPolicyCollector,
  iamRolesCollector,
  iamPoliciesCollector,
];

export {
  cisMonitoringCollector,
  cloudTrailCollector,
  ebsDefaultEncryptionCollector,
  ec2InstancesCollector,
  eksClustersCollector,
  iamPasswordPolicyCollector,
  iamPoliciesCollector,
  iamRolesCollector,
  iamUsersCollector,
  kmsKeysCollector,
  lambdaFunctionsCollector,
  networkAclsCollector,
  rdsInstancesCollector,
  rdsSnapshotsCollector,
  s3BucketsCollector,
  securityGroupsCollector,
  snapshotsCollector,
  volumesCollector,
  vpcsCollector,
};
