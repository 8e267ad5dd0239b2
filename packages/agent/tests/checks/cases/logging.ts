import type { Trail } from "@aws-sdk/client-cloudtrail";
import type { KeyMetadata } from "@aws-sdk/client-kms";
import { CIS_MONITORING_PATTERNS } from "../../../src/assets/index.ts";
import { cisMonitoring, configSettings, kmsKey, securityHub, trail } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const TRAIL: Trail = {
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
const t = (over: Partial<Trail> = {}, IsLogging = true) => trail({ ...TRAIL, ...over }, { IsLogging });

const KEY: KeyMetadata = {
  KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
  Arn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  KeyState: "Enabled",
  KeyManager: "CUSTOMER",
  KeySpec: "SYMMETRIC_DEFAULT",
  KeyUsage: "ENCRYPT_DECRYPT",
  Origin: "AWS_KMS",
  Enabled: true,
};

const monitoringCases: CheckCase[] = CIS_MONITORING_PATTERNS.flatMap((pattern) => [
  {
    check: `vigil.logs.metric-filter-${pattern}`,
    name: "filter and alarm present",
    asset: cisMonitoring([pattern], CIS_MONITORING_PATTERNS),
    expect: "pass" as const,
  },
  {
    check: `vigil.logs.metric-filter-${pattern}`,
    name: "every other pattern present but this one",
    asset: cisMonitoring(
      CIS_MONITORING_PATTERNS.filter((p) => p !== pattern),
      CIS_MONITORING_PATTERNS,
    ),
    expect: "fail" as const,
  },
]);

export const loggingCases: CheckCase[] = [
  { check: "vigil.cloudtrail.trail-log-file-validation-enabled", name: "on", asset: t(), expect: "pass" },
  {
    check: "vigil.cloudtrail.trail-log-file-validation-enabled",
    name: "off",
    asset: t({ LogFileValidationEnabled: false }),
    expect: "fail",
  },
  { check: "vigil.cloudtrail.trail-kms-encrypted", name: "KmsKeyId", asset: t(), expect: "pass" },
  {
    check: "vigil.cloudtrail.trail-kms-encrypted",
    name: "SSE-S3 only",
    asset: t({ KmsKeyId: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.cloudtrail.trail-cloudwatch-logs-integrated",
    name: "log group",
    asset: t(),
    expect: "pass",
  },
  {
    check: "vigil.cloudtrail.trail-cloudwatch-logs-integrated",
    name: "no log group",
    asset: t({ CloudWatchLogsLogGroupArn: undefined, CloudWatchLogsRoleArn: undefined }),
    expect: "fail",
  },
  { check: "vigil.cloudtrail.trail-logging", name: "IsLogging", asset: t(), expect: "pass" },
  { check: "vigil.cloudtrail.trail-logging", name: "stopped", asset: t({}, false), expect: "fail" },
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "rotation on",
    asset: kmsKey(KEY, { KeyRotationEnabled: true }),
    expect: "pass",
  },
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "rotation off",
    asset: kmsKey(KEY, { KeyRotationEnabled: false }),
    expect: "fail",
  },
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "AWS managed key",
    asset: kmsKey({ ...KEY, KeyManager: "AWS" }, { KeyRotationEnabled: true }),
    expect: "n/a",
  },
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "asymmetric key",
    asset: kmsKey({ ...KEY, KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" }, null),
    expect: "n/a",
  },
  {
    check: "vigil.kms.key-rotation-enabled",
    name: "key pending deletion",
    asset: kmsKey({ ...KEY, KeyState: "PendingDeletion" }, { KeyRotationEnabled: false }),
    expect: "n/a",
  },
  ...monitoringCases,
  {
    check: "vigil.config.recorder-enabled",
    name: "recording all supported",
    asset: configSettings(
      { ConfigurationRecorders: [{ name: "default", recordingGroup: { allSupported: true } }] },
      { ConfigurationRecordersStatus: [{ name: "default", recording: true, lastStatus: "SUCCESS" }] },
    ),
    expect: "pass",
  },
  {
    check: "vigil.config.recorder-enabled",
    name: "recorder stopped",
    asset: configSettings(
      { ConfigurationRecorders: [{ name: "default", recordingGroup: { allSupported: true } }] },
      { ConfigurationRecordersStatus: [{ name: "default", recording: false, lastStatus: "SUCCESS" }] },
    ),
    expect: "fail",
  },
  {
    check: "vigil.config.recorder-enabled",
    name: "no recorder",
    asset: configSettings({ ConfigurationRecorders: [] }, { ConfigurationRecordersStatus: [] }),
    expect: "fail",
    evidence: /no configuration recorder/,
  },
  {
    check: "vigil.securityhub.hub-enabled",
    name: "describe-hub succeeded",
    asset: securityHub({
      HubArn: "arn:aws:securityhub:us-east-1:123456789012:hub/default",
      SubscribedAt: "2024-02-01T10:00:00.000Z",
    }),
    expect: "pass",
  },
  {
    check: "vigil.securityhub.hub-enabled",
    name: "InvalidAccessException",
    asset: securityHub(undefined),
    expect: "fail",
  },
];
