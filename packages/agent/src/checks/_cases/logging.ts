import type { Trail } from "@aws-sdk/client-cloudtrail";
import type { KeyMetadata } from "@aws-sdk/client-kms";
import { CIS_MONITORING_PATTERNS, type CisMonitoringPattern } from "../../assets/index.ts";
import { cisMonitoring, trail } from "./aws.ts";
import type { CheckCase } from "./case.ts";

export const TRAIL: Trail = {
  Name: "org-trail",
  S3BucketName: "cloudtrail-logs",
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  HomeRegion: "us-east-1",
  TrailARN: "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail",
  LogFileValidationEnabled: true,
  CloudWatchLogsLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:cloudtrail:*",
  CloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/cloudtrail-to-cwl",
  KmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/2222",
  HasCustomEventSelectors: false,
  IsOrganizationTrail: false,
};
export const t = (over: Partial<Trail> = {}, IsLogging = true) => trail({ ...TRAIL, ...over }, { IsLogging });
export const KEY: KeyMetadata = {
  KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
  Arn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  KeyState: "Enabled",
  KeyManager: "CUSTOMER",
  KeySpec: "SYMMETRIC_DEFAULT",
  KeyUsage: "ENCRYPT_DECRYPT",
  Origin: "AWS_KMS",
  Enabled: true,
};
/** A CIS metric filter check's cases: its pattern's filter and alarm present, and every pattern but its own. */
export const monitoringCases = (pattern: CisMonitoringPattern): CheckCase[] => [
  {
    check: `vigil.logs.metric-filter-${pattern}`,
    name: "the benchmark's filter on the trail's log group, with an alarm notifying SNS",
    asset: cisMonitoring([pattern]),
    expect: "pass" as const,
  },
  {
    check: `vigil.logs.metric-filter-${pattern}`,
    name: "every other pattern present but this one",
    asset: cisMonitoring(CIS_MONITORING_PATTERNS.filter((p) => p !== pattern)),
    expect: "fail" as const,
  },
];
