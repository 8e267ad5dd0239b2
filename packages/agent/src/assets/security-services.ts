import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/**
 * The threat-detection and data-protection services FSBP asks about (GuardDuty, Inspector, Macie),
 * AWS Backup and AWS Organizations. A service's state in a region is one asset per region
 * (`<account>/<region>`), reported whether or not the service is on; the account's organization is
 * one asset (`<account>`, region `global`).
 */

/** GuardDuty in one region: `ListDetectors` (at most one detector per region), then `GetDetector`. */
export const guardDutySettingsSchema = assetSchemaOf("aws.guardduty.account-settings", () =>
  z.object({
    /** The region's detector, or `null` when `ListDetectors` names none (GuardDuty never enabled). */
    detectorId: z.string().nullable(),
    /** `GetDetector` `Status` (`ENABLED`, or `DISABLED` when suspended); `null` without a detector. */
    status: z.string().nullable(),
    /**
     * `GetDetector` `Features`: `Name` → `Status` (`EKS_AUDIT_LOGS` → `ENABLED`), and each of its
     * `AdditionalConfiguration` as `Name/AdditionalName` (`RUNTIME_MONITORING/EC2_AGENT_MANAGEMENT`).
     * Empty without a detector.
     */
    features: z.record(z.string(), z.string()),
  }),
);

/** Amazon Inspector in one region: `BatchGetAccountStatus` for the account itself. */
export const inspectorSettingsSchema = assetSchemaOf("aws.inspector2.account-settings", () =>
  z.object({
    /** `state.status`: `ENABLED`, `ENABLING`, `DISABLED`, `DISABLING`, `SUSPENDED`, `SUSPENDING`. */
    status: z.string(),
    /** `resourceState.<type>.status` for `ec2`, `ecr`, `lambda`, `lambdaCode`; `null` when not reported. */
    ec2Status: z.string().nullable(),
    ecrStatus: z.string().nullable(),
    lambdaStatus: z.string().nullable(),
    lambdaCodeStatus: z.string().nullable(),
  }),
);

/** Amazon Macie in one region: `GetMacieSession`, then `GetAutomatedDiscoveryConfiguration`. */
export const macieSettingsSchema = assetSchemaOf("aws.macie2.account-settings", () =>
  z.object({
    /** `ENABLED` or `PAUSED`; `null` when Macie is not enabled (AWS answers `Macie is not enabled`). */
    status: z.string().nullable(),
    /** Automated sensitive data discovery `status` (`ENABLED`, `DISABLED`); `null` when Macie is not enabled. */
    automatedDiscoveryStatus: z.string().nullable(),
  }),
);

/** One AWS Backup vault, as `ListBackupVaults` describes it. */
export const backupVaultSchema = assetSchemaOf("aws.backup.vault", () =>
  z.object({
    vaultName: z.string(),
    /** `EncryptionKeyArn`, or `null` when the vault names none. */
    encryptionKeyArn: z.string().nullable(),
  }),
);

/** One recovery point of a Backup vault (`ListRecoveryPointsByBackupVault`). */
export const backupRecoveryPointSchema = assetSchemaOf("aws.backup.recovery-point", () =>
  z.object({
    vaultName: z.string(),
    /** `IsEncrypted`. */
    isEncrypted: z.boolean(),
  }),
);

/** AWS Backup in one region: how many plans, vaults and report plans it has. */
export const backupSettingsSchema = assetSchemaOf("aws.backup.account-settings", () =>
  z.object({
    backupPlans: z.number().int().nonnegative(),
    backupVaults: z.number().int().nonnegative(),
    reportPlans: z.number().int().nonnegative(),
  }),
);

/** The account's AWS Organizations membership: `DescribeOrganization`. */
export const organizationsAccountSchema = assetSchemaOf("aws.organizations.account", () =>
  z.object({
    /** The organization's id, or `null` when the account is in none (`AWSOrganizationsNotInUseException`). */
    organizationId: z.string().nullable(),
    /** `FeatureSet`: `ALL` or `CONSOLIDATED_BILLING`; `null` outside an organization. */
    featureSet: z.string().nullable(),
  }),
);
