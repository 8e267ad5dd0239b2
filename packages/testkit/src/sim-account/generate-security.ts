/**
 * GuardDuty, Inspector, Macie, AWS Backup and Organizations of a simulated account, from a stream of
 * their own (`<seed>:security`), so that adding them changes nothing else a seed made. Each setting a
 * check decides from is off at the account's rate; the first region always has GuardDuty's detector,
 * Macie and a backup plan, so that the checks that only apply where those exist decide there.
 */
import type { Random } from "./prng.ts";

type Put = (key: string, value: unknown) => void;

export interface SecurityGenerationOptions {
  readonly rng: Random;
  readonly rate: number;
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly asOf: number;
}

const DAY = 86_400_000;

const GUARDDUTY_FEATURES = [
  "S3_DATA_EVENTS",
  "EKS_AUDIT_LOGS",
  "EBS_MALWARE_PROTECTION",
  "RDS_LOGIN_EVENTS",
  "LAMBDA_NETWORK_LOGS",
];
const RUNTIME_AGENTS = ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"];

export function generateSecurityServices(put: Put, o: SecurityGenerationOptions): void {
  const { rng, accountId } = o;
  const bad = () => rng.chance(o.rate);
  const iso = (days: number) => new Date(o.asOf - days * DAY).toISOString().replace(".000Z", "Z");
  const status = (on: boolean) => (on ? "ENABLED" : "DISABLED");

  o.regions.forEach((region, index) => {
    const first = index === 0;

    // GuardDuty: no detector at `rate` (never in the first region), each protection plan off at `rate`.
    const detectorId = rng.hex(32);
    const hasDetector = first || !bad();
    put(`${region}/guardduty/list-detectors`, { DetectorIds: hasDetector ? [detectorId] : [] });
    if (hasDetector) {
      const updated = iso(rng.int(1, 90));
      const runtime = !bad();
      put(`${region}/guardduty/get-detector/${detectorId}`, {
        CreatedAt: `${iso(400).replace("Z", ".000Z")}`,
        FindingPublishingFrequency: "SIX_HOURS",
        ServiceRole: `arn:aws:iam::${accountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
        Status: "ENABLED",
        UpdatedAt: `${updated.replace("Z", ".000Z")}`,
        Tags: {},
        Features: [
          { Name: "CLOUD_TRAIL", Status: "ENABLED", UpdatedAt: updated },
          { Name: "DNS_LOGS", Status: "ENABLED", UpdatedAt: updated },
          { Name: "FLOW_LOGS", Status: "ENABLED", UpdatedAt: updated },
          ...GUARDDUTY_FEATURES.map((Name) => ({ Name, Status: status(!bad()), UpdatedAt: updated })),
          {
            Name: "RUNTIME_MONITORING",
            Status: status(runtime),
            UpdatedAt: updated,
            AdditionalConfiguration: RUNTIME_AGENTS.map((Name) => ({
              Name,
              Status: status(runtime && !bad()),
              UpdatedAt: updated,
            })),
          },
        ],
      });
    }

    // Inspector: off at `rate`; when on, each resource type off at `rate`.
    const inspectorOn = !bad();
    const state = (on: boolean) => ({ status: status(on) });
    put(`${region}/inspector2/batch-get-account-status`, {
      accounts: [
        {
          accountId,
          state: state(inspectorOn),
          resourceState: {
            ec2: state(inspectorOn && !bad()),
            ecr: state(inspectorOn && !bad()),
            lambda: state(inspectorOn && !bad()),
            lambdaCode: state(inspectorOn && !bad()),
          },
        },
      ],
      failedAccounts: [],
    });

    // Macie: not enabled at `rate` (never in the first region), automated discovery off at `rate`.
    if (!first && bad()) {
      put(`${region}/macie2/get-macie-session`, {
        Error: { Code: "AccessDeniedException", Message: "Macie is not enabled." },
      });
    } else {
      put(`${region}/macie2/get-macie-session`, {
        createdAt: iso(300),
        findingPublishingFrequency: "FIFTEEN_MINUTES",
        serviceRole: `arn:aws:iam::${accountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`,
        status: "ENABLED",
        updatedAt: iso(30),
      });
      const discovery = !bad();
      put(`${region}/macie2/get-automated-discovery-configuration`, {
        classificationScopeId: rng.hex(32),
        sensitivityInspectionTemplateId: rng.hex(32),
        status: status(discovery),
        firstEnabledAt: iso(200),
        lastUpdatedAt: iso(20),
        ...(discovery ? {} : { disabledAt: iso(20) }),
      });
    }

    // AWS Backup: the Default vault and one of the account's own, each with recovery points
    // (unencrypted at `rate`), a plan (missing at `rate`, never in the first region), a report plan.
    const vaultArn = (name: string) => `arn:aws:backup:${region}:${accountId}:backup-vault:${name}`;
    const vaults = ["Default", "sim-vault"].map((name) => ({
      BackupVaultName: name,
      BackupVaultArn: vaultArn(name),
      CreationDate: iso(500),
      EncryptionKeyArn: `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
      CreatorRequestId: rng.hex(16),
      NumberOfRecoveryPoints: 2,
      Locked: false,
    }));
    put(`${region}/backup/list-backup-vaults`, { BackupVaultList: vaults });
    const planId = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
    const planArn = `arn:aws:backup:${region}:${accountId}:backup-plan:${planId}`;
    for (const vault of vaults) {
      put(`${region}/backup/list-recovery-points-by-backup-vault/${vault.BackupVaultName}`, {
        RecoveryPoints: [1, 2].map((day) => {
          const volume = `vol-0${rng.hex(16)}`;
          const encrypted = !bad();
          return {
            RecoveryPointArn: `arn:aws:ec2:${region}::snapshot/snap-0${rng.hex(16)}`,
            BackupVaultName: vault.BackupVaultName,
            BackupVaultArn: vault.BackupVaultArn,
            ResourceArn: `arn:aws:ec2:${region}:${accountId}:volume/${volume}`,
            ResourceType: "EBS",
            CreatedBy: {
              BackupPlanId: planId,
              BackupPlanArn: planArn,
              BackupPlanVersion: rng.hex(32),
              BackupRuleId: rng.hex(32),
            },
            IamRoleArn: `arn:aws:iam::${accountId}:role/service-role/AWSBackupDefaultServiceRole`,
            Status: "COMPLETED",
            CreationDate: iso(day),
            CompletionDate: iso(day),
            BackupSizeInBytes: 8589934592,
            IsEncrypted: encrypted,
            ...(encrypted ? { EncryptionKeyArn: vault.EncryptionKeyArn } : {}),
          };
        }),
      });
    }
    const hasPlan = first || !bad();
    put(`${region}/backup/list-backup-plans`, {
      BackupPlansList: hasPlan
        ? [
            {
              BackupPlanArn: planArn,
              BackupPlanId: planId,
              CreationDate: iso(400),
              BackupPlanName: "sim-daily",
              VersionId: rng.hex(32),
              LastExecutionDate: iso(1),
            },
          ]
        : [],
    });
    put(`${region}/backup/list-report-plans`, {
      ReportPlans: bad()
        ? []
        : [
            {
              ReportPlanArn: `arn:aws:backup:${region}:${accountId}:report-plan:sim_jobs-${rng.hex(8)}`,
              ReportPlanName: "sim_jobs",
              ReportSetting: { ReportTemplate: "BACKUP_JOB_REPORT" },
              ReportDeliveryChannel: { S3BucketName: `sim-backup-reports-${accountId}`, Formats: ["CSV"] },
              DeploymentStatus: "COMPLETED",
              CreationTime: iso(300),
            },
          ],
    });
  });

  // Organizations: the account in none at `rate`.
  const management = String(rng.int(100000, 999999)) + String(rng.int(100000, 999999));
  const orgId = `o-${rng.chars("abcdefghijklmnopqrstuvwxyz0123456789", 10)}`;
  put(
    "global/organizations/describe-organization",
    bad()
      ? {
          Error: {
            Code: "AWSOrganizationsNotInUseException",
            Message: "Your account is not a member of an organization.",
          },
        }
      : {
          Organization: {
            Id: orgId,
            Arn: `arn:aws:organizations::${management}:organization/${orgId}`,
            FeatureSet: "ALL",
            MasterAccountArn: `arn:aws:organizations::${management}:account/${orgId}/${management}`,
            MasterAccountId: management,
            MasterAccountEmail: "aws-management@example.com",
            AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
          },
        },
  );
}
