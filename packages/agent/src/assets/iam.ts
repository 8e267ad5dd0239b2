import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { assetSchemaOf, isoDate } from "./base.ts";

/** One access key of a user, from the credential report (`access_key_N_*`) and `ListAccessKeys`. Key ids stay in the account. */
export const accessKeySchema = lazySchema(() =>
  z.object({
    status: z.enum(["Active", "Inactive"]),
    /** `access_key_N_last_rotated` (the key's creation date). */
    lastRotated: isoDate,
    /** `access_key_N_last_used_date`; `null` when never used. */
    lastUsedDate: isoDate.nullable(),
  }),
);
export type AccessKey = z.infer<typeof accessKeySchema>;

export const iamUserSchema = assetSchemaOf("aws.iam.user", () =>
  z.object({
    userName: z.string(),
    createDate: isoDate,
    /** Credential report `password_enabled` (a login profile exists). */
    passwordEnabled: z.boolean(),
    /** `password_last_used`; `null` when never used. */
    passwordLastUsed: isoDate.nullable(),
    /** Credential report `mfa_active`. */
    mfaActive: z.boolean(),
    /** `ListMFADevices` count. */
    mfaDeviceCount: z.number().int().nonnegative(),
    accessKeys: z.array(accessKeySchema),
    attachedPolicyArns: z.array(z.string()),
    inlinePolicyNames: z.array(z.string()),
    /** The inline policies (`GetUserPolicy`) that allow kms:Decrypt or kms:ReEncryptFrom on every key. */
    inlinePoliciesDecryptingAllKeys: z.array(z.string()),
    groupNames: z.array(z.string()),
  }),
);

/** The root user; `arn` is `arn:aws:iam::<account>:root`, region `global`. */
export const iamRootSchema = assetSchemaOf("aws.iam.root", () =>
  z.object({
    /** `GetAccountSummary` `AccountAccessKeysPresent` (or the report's `access_key_N_active`). */
    accessKeysPresent: z.boolean(),
    /** `GetAccountSummary` `AccountMFAEnabled`. */
    mfaActive: z.boolean(),
    /** True when MFA is active and no virtual MFA device is assigned to root (`ListVirtualMFADevices`). */
    hardwareMfaActive: z.boolean(),
    /** Latest of `password_last_used` and `access_key_N_last_used_date`; `null` when never used. */
    lastUsedDate: isoDate.nullable(),
  }),
);

/** `GetAccountPasswordPolicy`; `exists: false` for `NoSuchEntity`. `arn` is the account id. */
export const iamPasswordPolicySchema = assetSchemaOf("aws.iam.password-policy", () =>
  z.object({
    exists: z.boolean(),
    minimumPasswordLength: z.number().int().optional(),
    requireSymbols: z.boolean().optional(),
    requireNumbers: z.boolean().optional(),
    requireUppercaseCharacters: z.boolean().optional(),
    requireLowercaseCharacters: z.boolean().optional(),
    maxPasswordAge: z.number().int().optional(),
    passwordReusePrevention: z.number().int().optional(),
  }),
);

export const iamRoleSchema = assetSchemaOf("aws.iam.role", () =>
  z.object({
    roleName: z.string(),
    path: z.string(),
    /** Read from `AssumeRolePolicyDocument` by `trustAllowsAnyPrincipal`. */
    trustAllowsAnyPrincipal: z.boolean(),
    attachedPolicyArns: z.array(z.string()),
    /** The inline policies (`ListRolePolicies`, `GetRolePolicy`) that allow kms:Decrypt or kms:ReEncryptFrom on every key. */
    inlinePoliciesDecryptingAllKeys: z.array(z.string()),
    /** `RoleLastUsed.LastUsedDate`; `null` when never used (or not tracked yet). */
    roleLastUsedDate: isoDate.nullable(),
  }),
);

/** A managed policy attached to something (`ListPolicies --only-attached`), with its default version read. */
export const iamPolicySchema = assetSchemaOf("aws.iam.policy", () =>
  z.object({
    policyName: z.string(),
    /** True for `arn:aws:iam::aws:policy/...`. */
    awsManaged: z.boolean(),
    attachmentCount: z.number().int().nonnegative(),
    /** Read from the default version's document by `policyAllowsFullAdmin`. */
    allowsFullAdmin: z.boolean(),
    /** Services whose every action an Allow grants (`"s3:*"`), from the default version (`policyServiceWildcards`). */
    serviceWildcards: z.array(z.string()),
    /** An Allow of kms:Decrypt or kms:ReEncryptFrom on every key (`policyAllowsKmsDecryptOnAllKeys`). */
    allowsKmsDecryptOnAllKeys: z.boolean(),
  }),
);

/** Account-wide IAM facts; `arn` is the account id. */
export const iamAccountSchema = assetSchemaOf("aws.iam.account", () =>
  z.object({
    /** `ListEntitiesForPolicy(AWSSupportAccess)` returned at least one role. */
    supportRoleExists: z.boolean(),
  }),
);

/** `ListServerCertificates` entry. */
export const iamServerCertificateSchema = assetSchemaOf("aws.iam.server-certificate", () =>
  z.object({
    serverCertificateName: z.string(),
    expiration: isoDate,
  }),
);

/** Per-region Access Analyzer state (`ListAnalyzers`); `arn` is `<account>/<region>`. */
export const accessAnalyzerSettingsSchema = assetSchemaOf("aws.accessanalyzer.account-settings", () =>
  z.object({
    analyzers: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        status: z.enum(["ACTIVE", "CREATING", "DISABLED", "FAILED"]),
      }),
    ),
  }),
);
