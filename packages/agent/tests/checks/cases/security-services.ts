import type { BackupVaultListMember, RecoveryPointByBackupVault } from "@aws-sdk/client-backup";
import type { DetectorFeatureConfigurationResult, GetDetectorResponse } from "@aws-sdk/client-guardduty";
import type { AccountState, BatchGetAccountStatusResponse } from "@aws-sdk/client-inspector2";
import type { KeyMetadata } from "@aws-sdk/client-kms";
import type { Organization } from "@aws-sdk/client-organizations";
import {
  backupRecoveryPointAsset,
  backupSettingsAsset,
  backupVaultAsset,
  guardDutySettingsAsset,
  inspectorSettingsAsset,
  macieSettingsAsset,
  organizationsAccountAsset,
} from "../../../src/collectors/index.ts";
import { ACCOUNT, kmsKey, passwordPolicy, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
const DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";

// --- GuardDuty: GetDetector as AWS returns it (Features with their additional configurations) -------

const feature = (
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

const ALL_ON: GetDetectorResponse = {
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

const ALL_OFF: GetDetectorResponse = {
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
const RUNTIME_MANUAL: GetDetectorResponse = {
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
const EKS_RUNTIME_LEGACY: GetDetectorResponse = {
  ...ALL_ON,
  Features: [feature("EKS_RUNTIME_MONITORING", "ENABLED", { EKS_ADDON_MANAGEMENT: "ENABLED" })],
};

const guardDuty = (detector: GetDetectorResponse | null) =>
  guardDutySettingsAsset(
    WHERE,
    { ok: true, value: { DetectorIds: detector === null ? [] : [DETECTOR] } },
    detector === null ? undefined : { ok: true, value: detector },
  );

const PROTECTIONS = [
  "vigil.guardduty.eks-audit-logs-enabled",
  "vigil.guardduty.lambda-protection-enabled",
  "vigil.guardduty.eks-runtime-monitoring-enabled",
  "vigil.guardduty.malware-protection-ec2-enabled",
  "vigil.guardduty.rds-protection-enabled",
  "vigil.guardduty.s3-protection-enabled",
  "vigil.guardduty.runtime-monitoring-enabled",
  "vigil.guardduty.ecs-runtime-monitoring-enabled",
  "vigil.guardduty.ec2-runtime-monitoring-enabled",
];

const guardDutyCases: CheckCase[] = [
  {
    check: "vigil.guardduty.detector-enabled",
    name: "detector ENABLED",
    asset: guardDuty(ALL_ON),
    expect: "pass",
  },
  {
    check: "vigil.guardduty.detector-enabled",
    name: "no detector in the region",
    asset: guardDuty(null),
    expect: "fail",
    evidence: /no detector/,
  },
  {
    check: "vigil.guardduty.detector-enabled",
    name: "detector suspended",
    asset: guardDuty({ ...ALL_ON, Status: "DISABLED" }),
    expect: "fail",
    evidence: /suspended/,
  },
  ...PROTECTIONS.flatMap((check): CheckCase[] => [
    { check, name: "every feature ENABLED", asset: guardDuty(ALL_ON), expect: "pass" },
    { check, name: "features DISABLED", asset: guardDuty(ALL_OFF), expect: "fail" },
    { check, name: "no detector", asset: guardDuty(null), expect: "n/a" },
    { check, name: "detector suspended", asset: guardDuty({ ...ALL_ON, Status: "DISABLED" }), expect: "n/a" },
  ]),
  {
    check: "vigil.guardduty.runtime-monitoring-enabled",
    name: "Runtime Monitoring with agents managed by hand",
    asset: guardDuty(RUNTIME_MANUAL),
    expect: "pass",
  },
  ...[
    "vigil.guardduty.eks-runtime-monitoring-enabled",
    "vigil.guardduty.ecs-runtime-monitoring-enabled",
    "vigil.guardduty.ec2-runtime-monitoring-enabled",
  ].map(
    (check): CheckCase => ({
      check,
      name: "Runtime Monitoring without automated agent management",
      asset: guardDuty(RUNTIME_MANUAL),
      expect: "fail",
    }),
  ),
  {
    check: "vigil.guardduty.eks-runtime-monitoring-enabled",
    name: "EKS_RUNTIME_MONITORING with EKS_ADDON_MANAGEMENT",
    asset: guardDuty(EKS_RUNTIME_LEGACY),
    expect: "pass",
  },
];

// --- Inspector: BatchGetAccountStatus -------------------------------------------------------------

/** A `State` as AWS returns it for an account that enabled or disabled cleanly (no error). */
const state = (status: "ENABLED" | "DISABLED") => ({ status, errorCode: undefined, errorMessage: undefined });
const inspector = (account: Partial<AccountState>) => {
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
const INSPECTOR_OFF = inspector({
  state: state("DISABLED"),
  resourceState: {
    ec2: state("DISABLED"),
    ecr: state("DISABLED"),
    lambda: state("DISABLED"),
    lambdaCode: state("DISABLED"),
  },
});

const inspectorCases: CheckCase[] = [
  ["vigil.inspector2.ec2-scanning-enabled", "ec2"],
  ["vigil.inspector2.ecr-scanning-enabled", "ecr"],
  ["vigil.inspector2.lambda-standard-scanning-enabled", "lambda"],
  ["vigil.inspector2.lambda-code-scanning-enabled", "lambdaCode"],
].flatMap(([check = "", type = ""]): CheckCase[] => [
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
]);

// --- Macie: GetMacieSession (AccessDeniedException "Macie is not enabled." when off) -----------------

const NOT_ENABLED = {
  ok: false as const,
  kind: "not-configured" as const,
  code: "AccessDeniedException",
  message: "Macie is not enabled.",
  call: "macie2:GetMacieSession",
};
const macie = (status: "ENABLED" | "PAUSED" | null, discovery: "ENABLED" | "DISABLED" = "ENABLED") =>
  macieSettingsAsset(
    WHERE,
    status === null ? NOT_ENABLED : { ok: true, value: { status } },
    status === null ? undefined : { ok: true, value: { status: discovery } },
  );

const macieCases: CheckCase[] = [
  { check: "vigil.macie2.enabled", name: "status ENABLED", asset: macie("ENABLED"), expect: "pass" },
  {
    check: "vigil.macie2.enabled",
    name: "status PAUSED",
    asset: macie("PAUSED"),
    expect: "fail",
    evidence: /paused/,
  },
  { check: "vigil.macie2.enabled", name: "Macie is not enabled", asset: macie(null), expect: "fail" },
  {
    check: "vigil.macie2.automated-discovery-enabled",
    name: "automated discovery ENABLED",
    asset: macie("ENABLED"),
    expect: "pass",
  },
  {
    check: "vigil.macie2.automated-discovery-enabled",
    name: "automated discovery DISABLED",
    asset: macie("ENABLED", "DISABLED"),
    expect: "fail",
  },
  { check: "vigil.macie2.automated-discovery-enabled", name: "Macie off", asset: macie(null), expect: "n/a" },
];

// --- AWS Backup --------------------------------------------------------------------------------------

const VAULT: BackupVaultListMember = {
  BackupVaultName: "Default",
  BackupVaultArn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:Default`,
  CreationDate: new Date("2024-03-01T00:00:00Z"),
  EncryptionKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  NumberOfRecoveryPoints: 3,
  Locked: false,
};
const POINT: RecoveryPointByBackupVault = {
  RecoveryPointArn: `arn:aws:ec2:${REGION}::snapshot/snap-0a1b2c3d4e5f67890`,
  BackupVaultName: "Default",
  BackupVaultArn: VAULT.BackupVaultArn,
  ResourceArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0a1b2c3d4e5f67890`,
  ResourceType: "EBS",
  Status: "COMPLETED",
  CreationDate: new Date("2025-05-30T05:00:00Z"),
  IsEncrypted: true,
};
const counts = (plans: number, vaults: number, reports: number) =>
  backupSettingsAsset(WHERE, {
    backupPlans: { ok: true, value: { BackupPlansList: Array.from({ length: plans }, () => ({})) } },
    backupVaults: { ok: true, value: { BackupVaultList: Array.from({ length: vaults }, () => VAULT) } },
    reportPlans: { ok: true, value: { ReportPlans: Array.from({ length: reports }, () => ({})) } },
  });

const backupCases: CheckCase[] = [
  {
    check: "vigil.backup.recovery-point-encrypted",
    name: "IsEncrypted true",
    asset: backupRecoveryPointAsset(WHERE, "Default", POINT),
    expect: "pass",
  },
  {
    check: "vigil.backup.recovery-point-encrypted",
    name: "IsEncrypted false",
    asset: backupRecoveryPointAsset(WHERE, "Default", { ...POINT, IsEncrypted: false }),
    expect: "fail",
  },
  {
    check: "vigil.backup.vault-encrypted",
    name: "EncryptionKeyArn set",
    asset: backupVaultAsset(WHERE, VAULT),
    expect: "pass",
  },
  {
    check: "vigil.backup.vault-encrypted",
    name: "no EncryptionKeyArn",
    asset: backupVaultAsset(WHERE, { ...VAULT, EncryptionKeyArn: undefined }),
    expect: "fail",
  },
  { check: "vigil.backup.plan-exists", name: "a plan", asset: counts(1, 1, 0), expect: "pass" },
  { check: "vigil.backup.plan-exists", name: "vaults but no plan", asset: counts(0, 2, 0), expect: "fail" },
  { check: "vigil.backup.plan-exists", name: "Backup unused", asset: counts(0, 0, 0), expect: "n/a" },
  {
    check: "vigil.backup.report-plan-exists",
    name: "plans and a report plan",
    asset: counts(2, 1, 1),
    expect: "pass",
  },
  {
    check: "vigil.backup.report-plan-exists",
    name: "plans, no report plan",
    asset: counts(2, 1, 0),
    expect: "fail",
  },
  { check: "vigil.backup.report-plan-exists", name: "no plans", asset: counts(0, 1, 0), expect: "n/a" },
];

// --- Organizations: DescribeOrganization ---------------------------------------------------------

const ORG: Organization = {
  Id: "o-a1b2c3d4e5",
  Arn: "arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5",
  FeatureSet: "ALL",
  MasterAccountArn: "arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/111111111111",
  MasterAccountId: "111111111111",
  MasterAccountEmail: "bill@example.com",
};
const organizationCases: CheckCase[] = [
  {
    check: "vigil.organizations.account-in-organization",
    name: "organization with all features",
    asset: organizationsAccountAsset(ACCOUNT, { ok: true, value: { Organization: ORG } }),
    expect: "pass",
    evidence: /all features/,
  },
  {
    check: "vigil.organizations.account-in-organization",
    name: "consolidated billing only",
    asset: organizationsAccountAsset(ACCOUNT, {
      ok: true,
      value: { Organization: { ...ORG, FeatureSet: "CONSOLIDATED_BILLING" } },
    }),
    expect: "pass",
    evidence: /consolidated billing/,
  },
  {
    check: "vigil.organizations.account-in-organization",
    name: "AWSOrganizationsNotInUseException",
    asset: organizationsAccountAsset(ACCOUNT, {
      ok: false,
      kind: "not-configured",
      code: "AWSOrganizationsNotInUseException",
      message: "Your account is not a member of an organization.",
      call: "organizations:DescribeOrganization",
    }),
    expect: "fail",
  },
];

// --- IAM password policy and KMS keys (existing assets) ---------------------------------------------

const STRONG = {
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
const KEY: KeyMetadata = {
  KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
  Arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  KeyState: "Enabled",
  KeyManager: "CUSTOMER",
  KeySpec: "SYMMETRIC_DEFAULT",
  KeyUsage: "ENCRYPT_DECRYPT",
  Origin: "AWS_KMS",
  Enabled: true,
};

const iamKmsCases: CheckCase[] = [
  {
    check: "vigil.iam.password-policy-strong",
    name: "every requirement",
    asset: passwordPolicy(STRONG),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-strong",
    name: "no symbols",
    asset: passwordPolicy({ ...STRONG, RequireSymbols: false }),
    expect: "fail",
    evidence: /symbols/,
  },
  {
    check: "vigil.iam.password-policy-strong",
    name: "7 characters",
    asset: passwordPolicy({ ...STRONG, MinimumPasswordLength: 7 }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-strong",
    name: "no policy",
    asset: passwordPolicy(undefined),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-pci-strength",
    name: "strong policy",
    asset: passwordPolicy(STRONG),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-pci-strength",
    name: "passwords never expire",
    asset: passwordPolicy({ ...STRONG, ExpirePasswords: false, MaxPasswordAge: undefined }),
    expect: "fail",
    evidence: /90-day/,
  },
  {
    check: "vigil.iam.password-policy-pci-strength",
    name: "3 passwords remembered",
    asset: passwordPolicy({ ...STRONG, PasswordReusePrevention: 3 }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-pci-strength",
    name: "no policy",
    asset: passwordPolicy(undefined),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-expires-passwords",
    name: "90 days",
    asset: passwordPolicy(STRONG),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-expires-passwords",
    name: "180 days",
    asset: passwordPolicy({ ...STRONG, MaxPasswordAge: 180 }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-expires-passwords",
    name: "never",
    asset: passwordPolicy({ ...STRONG, ExpirePasswords: false, MaxPasswordAge: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-expires-passwords",
    name: "no policy",
    asset: passwordPolicy(undefined),
    expect: "fail",
  },
  {
    check: "vigil.kms.key-not-pending-deletion",
    name: "Enabled key",
    asset: kmsKey(KEY, { KeyRotationEnabled: true }),
    expect: "pass",
  },
  {
    check: "vigil.kms.key-not-pending-deletion",
    name: "Disabled key (not deleted)",
    asset: kmsKey({ ...KEY, KeyState: "Disabled", Enabled: false }, null),
    expect: "pass",
  },
  {
    check: "vigil.kms.key-not-pending-deletion",
    name: "PendingDeletion",
    asset: kmsKey(
      { ...KEY, KeyState: "PendingDeletion", Enabled: false, DeletionDate: new Date("2025-06-20T00:00:00Z") },
      null,
    ),
    expect: "fail",
  },
  {
    check: "vigil.kms.key-not-pending-deletion",
    name: "AWS managed key",
    asset: kmsKey({ ...KEY, KeyManager: "AWS", KeyState: "PendingDeletion" }, null),
    expect: "n/a",
  },
];

export const securityServicesCases: CheckCase[] = [
  ...guardDutyCases,
  ...inspectorCases,
  ...macieCases,
  ...backupCases,
  ...organizationCases,
  ...iamKmsCases,
];
