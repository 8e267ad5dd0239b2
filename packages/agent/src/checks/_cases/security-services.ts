import type { BackupVaultListMember, RecoveryPointByBackupVault } from "@aws-sdk/client-backup";
import type { DetectorFeatureConfigurationResult, GetDetectorResponse } from "@aws-sdk/client-guardduty";
import type { AccountState, BatchGetAccountStatusResponse, ResourceState } from "@aws-sdk/client-inspector2";
import type { KeyMetadata } from "@aws-sdk/client-kms";
import type { Organization } from "@aws-sdk/client-organizations";
import {
  backupSettingsAsset,
  guardDutySettingsAsset,
  inspectorSettingsAsset,
  macieSettingsAsset,
} from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";
import type { CheckCase } from "./case.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
export const DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";
// --- GuardDuty: GetDetector as AWS returns it (Features with their additional configurations) -------

export const feature = (
  Name: DetectorFeatureConfigurationResult["Name"],
  Status: "ENABLED" | "DISABLED",
  extra: Record<string, "ENABLED" | "DISABLED"> = {},
): DetectorFeatureConfigurationResult => ({
  Name,
  Status,
  UpdatedAt: new Date("2025-05-01T00:00:00Z"),
  ...(Object.keys(extra).length > 0
    ? {
        AdditionalConfiguration: Object.entries(extra).map(([name, status]) => ({
          Name: name as "EKS_ADDON_MANAGEMENT",
          Status: status,
          UpdatedAt: new Date("2025-05-01T00:00:00Z"),
        })),
      }
    : {}),
});
export const ALL_ON: GetDetectorResponse = {
  CreatedAt: "2024-01-10T09:00:00.000Z",
  FindingPublishingFrequency: "SIX_HOURS",
  ServiceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
  Status: "ENABLED",
  UpdatedAt: "2025-05-01T00:00:00.000Z",
  Features: [
    feature("CLOUD_TRAIL", "ENABLED"),
    feature("DNS_LOGS", "ENABLED"),
    feature("FLOW_LOGS", "ENABLED"),
    feature("S3_DATA_EVENTS", "ENABLED"),
    feature("EKS_AUDIT_LOGS", "ENABLED"),
    feature("EBS_MALWARE_PROTECTION", "ENABLED"),
    feature("RDS_LOGIN_EVENTS", "ENABLED"),
    feature("LAMBDA_NETWORK_LOGS", "ENABLED"),
    feature("RUNTIME_MONITORING", "ENABLED", {
      EKS_ADDON_MANAGEMENT: "ENABLED",
      ECS_FARGATE_AGENT_MANAGEMENT: "ENABLED",
      EC2_AGENT_MANAGEMENT: "ENABLED",
    }),
  ],
};
export const ALL_OFF: GetDetectorResponse = {
  ...ALL_ON,
  Features: [
    feature("CLOUD_TRAIL", "ENABLED"),
    feature("S3_DATA_EVENTS", "DISABLED"),
    feature("EKS_AUDIT_LOGS", "DISABLED"),
    feature("EBS_MALWARE_PROTECTION", "DISABLED"),
    feature("RDS_LOGIN_EVENTS", "DISABLED"),
    feature("LAMBDA_NETWORK_LOGS", "DISABLED"),
    feature("RUNTIME_MONITORING", "DISABLED", {
      EKS_ADDON_MANAGEMENT: "DISABLED",
      ECS_FARGATE_AGENT_MANAGEMENT: "DISABLED",
      EC2_AGENT_MANAGEMENT: "DISABLED",
    }),
  ],
};
/** Runtime Monitoring on, but GuardDuty manages no agent (agents installed by hand). */
export const RUNTIME_MANUAL: GetDetectorResponse = {
  ...ALL_ON,
  Features: [
    feature("RUNTIME_MONITORING", "ENABLED", {
      EKS_ADDON_MANAGEMENT: "DISABLED",
      ECS_FARGATE_AGENT_MANAGEMENT: "DISABLED",
      EC2_AGENT_MANAGEMENT: "DISABLED",
    }),
  ],
};
/** The older EKS Runtime Monitoring feature, with its add-on managed. */
export const EKS_RUNTIME_LEGACY: GetDetectorResponse = {
  ...ALL_ON,
  Features: [feature("EKS_RUNTIME_MONITORING", "ENABLED", { EKS_ADDON_MANAGEMENT: "ENABLED" })],
};
export const guardDuty = (detector: GetDetectorResponse | null) =>
  guardDutySettingsAsset(
    WHERE,
    { ok: true, value: { DetectorIds: detector === null ? [] : [DETECTOR] } },
    detector === null ? undefined : { ok: true, value: detector },
  );
/** A GuardDuty protection plan's cases: on with every feature, off, and not applicable without a running detector. */
export const protectionCases = (check: string): CheckCase[] => [
  { check, name: "every feature ENABLED", asset: guardDuty(ALL_ON), expect: "pass" },
  { check, name: "features DISABLED", asset: guardDuty(ALL_OFF), expect: "fail" },
  { check, name: "no detector", asset: guardDuty(null), expect: "n/a" },
  { check, name: "detector suspended", asset: guardDuty({ ...ALL_ON, Status: "DISABLED" }), expect: "n/a" },
];
/** Runtime Monitoring whose agents are managed by hand: the per-runtime automated agent checks fail. */
export const manualAgentCase = (check: string): CheckCase => ({
  check,
  name: "Runtime Monitoring without automated agent management",
  asset: guardDuty(RUNTIME_MANUAL),
  expect: "fail",
});
// --- Inspector: BatchGetAccountStatus -------------------------------------------------------------

/** A `State` as AWS returns it for an account that enabled or disabled cleanly (no error). */
export const state = (status: "ENABLED" | "DISABLED") => ({
  status,
  errorCode: undefined,
  errorMessage: undefined,
});
export const inspector = (account: Partial<AccountState>) => {
  const answer: BatchGetAccountStatusResponse = {
    accounts: [
      {
        accountId: ACCOUNT,
        state: state("ENABLED"),
        resourceState: {
          ec2: state("ENABLED"),
          ecr: state("ENABLED"),
          lambda: state("ENABLED"),
          lambdaCode: state("ENABLED"),
        },
        ...account,
      } as AccountState,
    ],
    failedAccounts: [],
  };
  return inspectorSettingsAsset(WHERE, { ok: true, value: answer });
};
export const INSPECTOR_OFF = inspector({
  state: state("DISABLED"),
  resourceState: {
    ec2: state("DISABLED"),
    ecr: state("DISABLED"),
    lambda: state("DISABLED"),
    lambdaCode: state("DISABLED"),
  },
});
/** Inspector's cases for the resource type `type` (`ec2`, `ecr`, `lambda`, `lambdaCode`) its check reads. */
export const inspectorCases = (check: string, type: keyof ResourceState): CheckCase[] => [
  { check, name: "every resource type ENABLED", asset: inspector({}), expect: "pass" },
  { check, name: "Inspector DISABLED", asset: INSPECTOR_OFF, expect: "fail" },
  {
    check,
    name: `only ${type} DISABLED`,
    asset: inspector({
      resourceState: {
        ec2: state("ENABLED"),
        ecr: state("ENABLED"),
        lambda: state("ENABLED"),
        lambdaCode: state("ENABLED"),
        [type]: state("DISABLED"),
      },
    }),
    expect: "fail",
  },
];
// --- Macie: GetMacieSession (AccessDeniedException "Macie is not enabled." when off) -----------------

export const NOT_ENABLED = {
  ok: false as const,
  kind: "not-configured" as const,
  code: "AccessDeniedException",
  message: "Macie is not enabled.",
  call: "macie2:GetMacieSession",
};
export const macie = (status: "ENABLED" | "PAUSED" | null, discovery: "ENABLED" | "DISABLED" = "ENABLED") =>
  macieSettingsAsset(
    WHERE,
    status === null ? NOT_ENABLED : { ok: true, value: { status } },
    status === null ? undefined : { ok: true, value: { status: discovery } },
  );
// --- AWS Backup --------------------------------------------------------------------------------------

export const VAULT: BackupVaultListMember = {
  BackupVaultName: "Default",
  BackupVaultArn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:Default`,
  CreationDate: new Date("2024-03-01T00:00:00Z"),
  EncryptionKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  NumberOfRecoveryPoints: 3,
  Locked: false,
};
export const POINT: RecoveryPointByBackupVault = {
  RecoveryPointArn: `arn:aws:ec2:${REGION}::snapshot/snap-0a1b2c3d4e5f67890`,
  BackupVaultName: "Default",
  BackupVaultArn: VAULT.BackupVaultArn,
  ResourceArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0a1b2c3d4e5f67890`,
  ResourceType: "EBS",
  Status: "COMPLETED",
  CreationDate: new Date("2025-05-30T05:00:00Z"),
  IsEncrypted: true,
};
export const counts = (plans: number, vaults: number, reports: number) =>
  backupSettingsAsset(WHERE, {
    backupPlans: { ok: true, value: { BackupPlansList: Array.from({ length: plans }, () => ({})) } },
    backupVaults: { ok: true, value: { BackupVaultList: Array.from({ length: vaults }, () => VAULT) } },
    reportPlans: { ok: true, value: { ReportPlans: Array.from({ length: reports }, () => ({})) } },
  });
// --- Organizations: DescribeOrganization ---------------------------------------------------------

export const ORG: Organization = {
  Id: "o-a1b2c3d4e5",
  Arn: "arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5",
  FeatureSet: "ALL",
  MasterAccountArn: "arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/111111111111",
  MasterAccountId: "111111111111",
  MasterAccountEmail: "bill@example.com",
};
// --- IAM password policy and KMS keys (existing assets) ---------------------------------------------

export const STRONG = {
  MinimumPasswordLength: 14,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
  ExpirePasswords: true,
  MaxPasswordAge: 90,
  PasswordReusePrevention: 24,
};
export const KEY: KeyMetadata = {
  KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
  Arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  KeyState: "Enabled",
  KeyManager: "CUSTOMER",
  KeySpec: "SYMMETRIC_DEFAULT",
  KeyUsage: "ENCRYPT_DECRYPT",
  Origin: "AWS_KMS",
  Enabled: true,
};
