/**
 * Case builders for the first services (EC2, S3, RDS, IAM, CloudTrail, KMS, Lambda, EKS, EFS,
 * Config, Security Hub, Access Analyzer, CIS monitoring): AWS's answers, typed with the SDK's own
 * output types, put through the collectors' own mappers (and the scan's `linkAssets` where an
 * asset needs several collectors' facts), never a second mapping written for the tests. Each
 * builder states which answers it stands for; an undefined optional response is AWS's "nothing
 * set" error, as the collector reads it.
 */

import type { Type } from "@aws-sdk/client-accessanalyzer";
import type { GetEventSelectorsResponse, GetTrailStatusResponse, Trail } from "@aws-sdk/client-cloudtrail";
import type { RecorderStatus } from "@aws-sdk/client-config-service";
import type {
  CreateVolumePermission,
  DescribeVpcBlockPublicAccessOptionsResult,
  FlowLog,
  Instance,
  NetworkAcl,
  SecurityGroup,
  Snapshot,
  Subnet,
  Tag,
  Volume,
  Vpc,
  VpcEndpoint,
} from "@aws-sdk/client-ec2";
import type { Cluster } from "@aws-sdk/client-eks";
import type { PasswordPolicy, Policy, Role, ServerCertificateMetadata } from "@aws-sdk/client-iam";
import type { KeyMetadata } from "@aws-sdk/client-kms";
import type { FunctionConfiguration } from "@aws-sdk/client-lambda";
import type { DBInstance, DBSnapshot, DBSnapshotAttributesResult, Parameter } from "@aws-sdk/client-rds";
import type {
  GetBucketAclOutput,
  GetBucketEncryptionOutput,
  GetBucketLifecycleConfigurationOutput,
  GetBucketLoggingOutput,
  GetBucketVersioningOutput,
  PublicAccessBlockConfiguration,
} from "@aws-sdk/client-s3";
import type { AssetOf, CisMonitoringPattern } from "../../assets/index.ts";
import {
  accessAnalyzerAsset,
  configRecordersAsset,
  efsFileSystemAsset,
  securityHubAsset,
} from "../../collectors/account-services.ts";
import type { BackupAssignment } from "../../collectors/backup-assignments.ts";
import { trailAsset } from "../../collectors/cloudtrail.ts";
import type { RegionTrails } from "../../collectors/collector.ts";
import { eksClusterAsset, lambdaFunctionAsset } from "../../collectors/compute.ts";
import { parseCredentialReport } from "../../collectors/credential-report.ts";
import {
  ebsSettingsAsset,
  instanceAsset,
  networkAclAsset,
  securityGroupAsset,
  snapshotAsset,
  subnetAsset,
  volumeAsset,
  vpcAsset,
} from "../../collectors/ec2.ts";
import {
  iamAccountAsset,
  iamPolicyAsset,
  iamRoleAsset,
  iamRootAsset,
  iamUserAsset,
  passwordPolicyAsset,
  serverCertificateAsset,
} from "../../collectors/iam.ts";
import { kmsKeyAsset, policyApplies } from "../../collectors/kms.ts";
import { linkAssets } from "../../collectors/link.ts";
import { cisMonitoringFacts } from "../../collectors/monitoring.ts";
import { rdsInstanceAsset, rdsSnapshotAsset } from "../../collectors/rds.ts";
import type { RouteTableListing } from "../../collectors/region-network.ts";
import { bucketAsset, s3AccountSettingsAsset } from "../../collectors/s3.ts";
import type { RawOutcome } from "../../discovery/reader.ts";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const NOW = "2025-06-01T00:00:00Z";

export function daysBefore(days: number, now = NOW): Date {
  return new Date(Date.parse(now) - days * 86_400_000);
}

function _tagsOf(tags: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
}

const _iso = (d: Date | undefined) => (d ? d.toISOString() : null);

// ---------- EC2 (through the EC2 collector's own mappers) ----------

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

export const ec2Instance = (i: Instance): AssetOf<"aws.ec2.instance"> => instanceAsset(WHERE, i);
export const securityGroup = (g: SecurityGroup): AssetOf<"aws.ec2.security-group"> =>
  securityGroupAsset(WHERE, g);
export const networkAcl = (a: NetworkAcl): AssetOf<"aws.ec2.network-acl"> => networkAclAsset(WHERE, a);
export const subnet = (n: Subnet): AssetOf<"aws.ec2.subnet"> => subnetAsset(WHERE, n);
/** A VPC with the region's flow logs (`DescribeFlowLogs` answered). */
export const vpc = (v: Vpc, flowLogs: FlowLog[], endpoints: VpcEndpoint[] = []): AssetOf<"aws.ec2.vpc"> =>
  vpcAsset(
    WHERE,
    v,
    { ok: true, value: { FlowLogs: flowLogs } },
    { ok: true, value: { VpcEndpoints: endpoints } },
  );
export const volume = (v: Volume): AssetOf<"aws.ec2.volume"> => volumeAsset(WHERE, v);
/** A snapshot with its `createVolumePermission` attribute. */
export const snapshot = (s: Snapshot, permissions: CreateVolumePermission[]): AssetOf<"aws.ec2.snapshot"> =>
  snapshotAsset(WHERE, s, { ok: true, value: { CreateVolumePermissions: permissions } });
/** `GetEbsEncryptionByDefault` and `DescribeVpcBlockPublicAccessOptions` outputs (by default: BPA blocks both ways). */
export const ec2Settings = (
  out: { EbsEncryptionByDefault?: boolean },
  blockPublicAccess: DescribeVpcBlockPublicAccessOptionsResult = {
    VpcBlockPublicAccessOptions: {
      AwsAccountId: ACCOUNT,
      AwsRegion: REGION,
      State: "update-complete",
      InternetGatewayBlockMode: "block-bidirectional",
      LastUpdateTimestamp: new Date("2025-11-20T10:00:00Z"),
      ManagedBy: "account",
      ExclusionsAllowed: "allowed",
    },
  },
): AssetOf<"aws.ec2.account-settings"> =>
  ebsSettingsAsset(WHERE, { ok: true, value: out }, { ok: true, value: blockPublicAccess });

// ---------- S3 ----------

export interface BucketResponses {
  name: string;
  encryption?: GetBucketEncryptionOutput;
  publicAccessBlock?: PublicAccessBlockConfiguration;
  accountPublicAccessBlock?: PublicAccessBlockConfiguration;
  versioning?: GetBucketVersioningOutput;
  /** `GetBucketPolicy` `Policy`: the JSON string. */
  policy?: string;
  acl?: GetBucketAclOutput;
  logging?: GetBucketLoggingOutput;
  /** `GetBucketLifecycleConfiguration` output; undefined: `NoSuchLifecycleConfiguration`. */
  lifecycle?: GetBucketLifecycleConfigurationOutput;
  objectLevelLogging?: { read: boolean; write: boolean } | null;
}

/** A read S3 answered: its value, or the "nothing set" error AWS gives when `value` is undefined. */
function answered<T>(value: T | undefined, notConfiguredCode: string, call: string): RawOutcome<T> {
  return value !== undefined
    ? { ok: true, value }
    : { ok: false, kind: "not-configured", code: notConfiguredCode, message: "not configured", call };
}

/** The trails of the region as `objectLevelLogging` says: logging reads/writes of every bucket, or selectors not captured. */
function trailsFor(logging: { read: boolean; write: boolean } | null): RegionTrails[] {
  const trail = {
    arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`,
    homeRegion: REGION,
    isMultiRegionTrail: true,
    isLogging: true,
    cloudWatchLogsLogGroupArn: null,
  };
  return [
    {
      region: REGION,
      trails: [
        logging === null
          ? {
              ...trail,
              s3DataEvents: null,
              managementEvents: null,
              selectorsUnread: {
                call: "cloudtrail:GetEventSelectors",
                kind: "denied",
                code: "AccessDenied",
                message: "not captured",
              },
            }
          : {
              ...trail,
              s3DataEvents: [{ arnPrefixes: ["arn:aws:s3"], ...logging }],
              managementEvents: { read: true, write: true },
            },
      ],
    },
  ];
}

/**
 * A bucket through the S3 collector's mapper and the scan's linking (`linkAssets`, with the
 * account's block from its own mapper and the trails `objectLevelLogging` describes: default, both
 * logged; `null`, the trail's selectors not captured). An undefined response is AWS's "nothing set".
 */
export function bucket(r: BucketResponses): AssetOf<"aws.s3.bucket"> {
  const asset = bucketAsset(WHERE, r.name, REGION, {
    encryption: answered(
      r.encryption,
      "ServerSideEncryptionConfigurationNotFoundError",
      "s3:GetBucketEncryption",
    ),
    block: answered(
      r.publicAccessBlock === undefined ? undefined : { PublicAccessBlockConfiguration: r.publicAccessBlock },
      "NoSuchPublicAccessBlockConfiguration",
      "s3:GetPublicAccessBlock",
    ),
    versioning: { ok: true, value: r.versioning ?? {} },
    policy: answered(
      r.policy === undefined ? undefined : { Policy: r.policy },
      "NoSuchBucketPolicy",
      "s3:GetBucketPolicy",
    ),
    acl: { ok: true, value: r.acl ?? { Grants: [] } },
    logging: { ok: true, value: r.logging ?? {} },
    lifecycle: answered(r.lifecycle, "NoSuchLifecycleConfiguration", "s3:GetBucketLifecycleConfiguration"),
    tagging: {
      ok: false,
      kind: "not-configured",
      code: "NoSuchTagSet",
      message: "not configured",
      call: "s3:GetBucketTagging",
    },
  });
  const linked = linkAssets({
    accountId: ACCOUNT,
    regions: [REGION],
    assets: [asset, s3Settings(r.accountPublicAccessBlock)],
    trails: trailsFor(
      r.objectLevelLogging === undefined ? { read: true, write: true } : r.objectLevelLogging,
    ),
    monitoring: [],
  });
  return linked.find((a) => a.type === "aws.s3.bucket") as AssetOf<"aws.s3.bucket">;
}

/** The account's S3 Block Public Access (`undefined`: none configured). */
export const s3Settings = (
  c: PublicAccessBlockConfiguration | undefined,
): AssetOf<"aws.s3.account-settings"> =>
  s3AccountSettingsAsset(
    WHERE,
    answered(
      c === undefined ? undefined : { PublicAccessBlockConfiguration: c },
      "NoSuchPublicAccessBlockConfiguration",
      "s3control:GetPublicAccessBlock",
    ),
  );

// ---------- RDS ----------

/**
 * A DB instance, its parameter group's `DescribeDBParameters` answered with `parameters` and the
 * region's `DescribeRouteTables` with `routeTables` (or its failed read).
 */
export const dbInstance = (
  d: DBInstance,
  parameters: Parameter[] = [],
  routeTables: RouteTableListing | RawOutcome<RouteTableListing> = {},
): AssetOf<"aws.rds.instance"> =>
  rdsInstanceAsset(
    WHERE,
    d,
    parametersRead(parameters),
    "ok" in routeTables ? routeTables : { ok: true, value: routeTables },
  );
/** A parameter group's `DescribeDBParameters` / `DescribeDBClusterParameters` answer (pages merged). */
export const parametersRead = (parameters: Parameter[]) => ({
  ok: true as const,
  value: { Parameters: parameters },
});
/** One entry of a parameter group's listing, as AWS gives it. */
export const parameter = (name: string, value: string | undefined, source = "user"): Parameter => ({
  ParameterName: name,
  ...(value === undefined ? {} : { ParameterValue: value }),
  Source: source,
  ApplyType: "dynamic",
  DataType: "string",
  IsModifiable: true,
  ApplyMethod: "pending-reboot",
});
/** A DB snapshot with its attributes (`DescribeDBSnapshotAttributes` answered). */
export const dbSnapshot = (s: DBSnapshot, attrs: DBSnapshotAttributesResult): AssetOf<"aws.rds.snapshot"> =>
  rdsSnapshotAsset(WHERE, s, { ok: true, value: { DBSnapshotAttributesResult: attrs } });

// ---------- IAM ----------

/** One row of the credential report CSV (AWS's column names; `N/A`, `no_information`, `not_supported` as AWS prints them). */
export interface CredentialReportRow {
  user: string;
  arn: string;
  user_creation_time: string;
  password_enabled: string;
  password_last_used: string;
  mfa_active: string;
  access_key_1_active: string;
  access_key_1_last_rotated: string;
  access_key_1_last_used_date: string;
  access_key_2_active: string;
  access_key_2_last_rotated: string;
  access_key_2_last_used_date: string;
}

export function credentialReportRow(
  partial: Partial<CredentialReportRow> & Pick<CredentialReportRow, "user">,
): CredentialReportRow {
  return {
    arn: `arn:aws:iam::${ACCOUNT}:user/${partial.user}`,
    user_creation_time: "2023-01-10T10:00:00+00:00",
    password_enabled: "false",
    password_last_used: "N/A",
    mfa_active: "false",
    access_key_1_active: "false",
    access_key_1_last_rotated: "N/A",
    access_key_1_last_used_date: "N/A",
    access_key_2_active: "false",
    access_key_2_last_rotated: "N/A",
    access_key_2_last_used_date: "N/A",
    ...partial,
  };
}

const REPORT_COLUMNS = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
] as const;

/** The row as the collector reads it: AWS's CSV through the collector's own parser. */
function parsedRow(row: CredentialReportRow) {
  const csv = `${REPORT_COLUMNS.join(",")}\n${REPORT_COLUMNS.map((c) => row[c]).join(",")}\n`;
  return parseCredentialReport(csv).get(row.user);
}

const ok = <T>(value: T) => ({ ok: true as const, value });
const noSuchEntity = (call: string) => ({
  ok: false as const,
  kind: "not-configured" as const,
  code: "NoSuchEntity",
  message: "not configured",
  call,
});

/**
 * A user through the IAM collector's mapper: its report row (AWS's CSV, parsed by the collector),
 * and what `ListAccessKeys`, `ListMFADevices`, `GetLoginProfile` and the policy and group lists
 * answer for such a row.
 */
export function iamUser(
  row: CredentialReportRow,
  lists: {
    attachedPolicyArns?: string[];
    inlinePolicyNames?: string[];
    /** Inline policies by name (`GetUserPolicy`), listed after `inlinePolicyNames`. */
    inlinePolicies?: Record<string, unknown>;
    groupNames?: string[];
  } = {},
): AssetOf<"aws.iam.user"> {
  const inlineNames = [...(lists.inlinePolicyNames ?? []), ...Object.keys(lists.inlinePolicies ?? {})];
  const keys = ([1, 2] as const).flatMap((n) => {
    const rotated = row[`access_key_${n}_last_rotated`];
    if (rotated === "N/A") return [];
    return [
      {
        AccessKeyId: `AKIAIOSFODNN7EXAMPL${n}`,
        UserName: row.user,
        Status: row[`access_key_${n}_active`] === "true" ? ("Active" as const) : ("Inactive" as const),
        CreateDate: new Date(rotated),
      },
    ];
  });
  return iamUserAsset(
    WHERE,
    {
      UserName: row.user,
      Arn: row.arn,
      Path: "/",
      UserId: "AIDA0000000000EXAMPLE",
      CreateDate: new Date(row.user_creation_time),
    },
    parsedRow(row),
    {
      keys: ok({ AccessKeyMetadata: keys }),
      mfa: ok({
        MFADevices:
          row.mfa_active === "true"
            ? [
                {
                  UserName: row.user,
                  SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${row.user}`,
                  EnableDate: new Date(0),
                },
              ]
            : [],
      }),
      login:
        row.password_enabled === "true"
          ? ok({ LoginProfile: { UserName: row.user, CreateDate: new Date(0) } })
          : noSuchEntity("iam:GetLoginProfile"),
      attached: ok({
        AttachedPolicies: (lists.attachedPolicyArns ?? []).map((PolicyArn) => ({ PolicyArn })),
      }),
      inline: ok({ PolicyNames: inlineNames }),
      inlineDocuments: ok(
        inlineNames.map((name) => inlinePolicy(name, lists.inlinePolicies?.[name] ?? SCOPED_INLINE)),
      ),
      groups: ok({
        Groups: (lists.groupNames ?? []).map((GroupName) => ({
          GroupName,
          Path: "/",
          GroupId: "AGPA0000000000EXAMPLE",
          Arn: `arn:aws:iam::${ACCOUNT}:group/${GroupName}`,
          CreateDate: new Date(0),
        })),
      }),
      keyLastUsed: new Map(),
    },
  );
}

/** `GetAccountSummary` `SummaryMap`, the root row of the credential report and `ListVirtualMFADevices`. */
export function iamRoot(
  summary: Record<string, number>,
  rootRow: Pick<CredentialReportRow, "password_last_used" | "access_key_1_last_used_date">,
  virtualMfaSerials: string[],
): AssetOf<"aws.iam.root"> {
  const keyUsed = rootRow.access_key_1_last_used_date !== "N/A";
  const row = parsedRow(
    credentialReportRow({
      user: "<root_account>",
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      password_last_used: rootRow.password_last_used,
      // A root key used on that date exists (AWS reports its rotation date with it).
      ...(keyUsed
        ? {
            access_key_1_active: "true",
            access_key_1_last_rotated: "2022-01-01T00:00:00+00:00",
            access_key_1_last_used_date: rootRow.access_key_1_last_used_date,
          }
        : {}),
    }),
  );
  return iamRootAsset(
    WHERE,
    ok({ SummaryMap: summary }),
    ok({ VirtualMFADevices: virtualMfaSerials.map((SerialNumber) => ({ SerialNumber })) }),
    row,
    undefined,
  );
}

/** `GetAccountPasswordPolicy`: `undefined` stands for the `NoSuchEntity` error. */
export const passwordPolicy = (p: PasswordPolicy | undefined): AssetOf<"aws.iam.password-policy"> =>
  passwordPolicyAsset(WHERE, p ? ok({ PasswordPolicy: p }) : noSuchEntity("iam:GetAccountPasswordPolicy"));

/** A policy that reads one bucket: what an inline policy holds when a case does not say. */
const SCOPED_INLINE = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" }],
};

/** An inline policy as `GetUserPolicy` / `GetRolePolicy` return it: the document URL-encoded. */
const inlinePolicy = (name: string, document: unknown) => ({
  name,
  document: encodeURIComponent(typeof document === "string" ? document : JSON.stringify(document)),
});

/**
 * `Role` with `AssumeRolePolicyDocument` URL-encoded as IAM returns it, its attached policies and
 * its inline policies by name (`ListRolePolicies`, `GetRolePolicy`).
 */
export const iamRole = (
  r: Role,
  attachedPolicyArns: string[] = [],
  inlinePolicies: Record<string, unknown> = {},
): AssetOf<"aws.iam.role"> =>
  iamRoleAsset(
    WHERE,
    r,
    ok({ AttachedPolicies: attachedPolicyArns.map((PolicyArn) => ({ PolicyArn })) }),
    ok(Object.entries(inlinePolicies).map(([name, document]) => inlinePolicy(name, document))),
  );

/** `ListPolicies` entry plus its default version's document (`GetPolicyVersion`, URL-encoded as IAM returns it). */
export const iamPolicy = (p: Policy, document: unknown): AssetOf<"aws.iam.policy"> =>
  iamPolicyAsset(
    WHERE,
    p,
    ok({
      PolicyVersion: {
        Document: encodeURIComponent(typeof document === "string" ? document : JSON.stringify(document)),
        VersionId: p.DefaultVersionId ?? "v1",
        IsDefaultVersion: true,
      },
    }),
  );

/** `ListEntitiesForPolicy(AWSSupportAccess)` output. */
export const iamAccount = (entities: { PolicyRoles?: { RoleName?: string }[] }): AssetOf<"aws.iam.account"> =>
  iamAccountAsset(WHERE, ok(entities));

export const serverCertificate = (m: ServerCertificateMetadata): AssetOf<"aws.iam.server-certificate"> =>
  serverCertificateAsset(WHERE, m)[0] as AssetOf<"aws.iam.server-certificate">;

/** `aws accessanalyzer list-analyzers` output. */
export const accessAnalyzer = (out: {
  analyzers: {
    arn: string;
    name: string;
    type: string;
    status: "ACTIVE" | "CREATING" | "DISABLED" | "FAILED";
  }[];
}): AssetOf<"aws.accessanalyzer.account-settings"> =>
  accessAnalyzerAsset(
    WHERE,
    ok({
      analyzers: out.analyzers.map((a) => ({
        ...a,
        type: a.type as Type,
        createdAt: new Date("2024-01-01T00:00:00Z"),
      })),
    }),
  );

// ---------- logging & monitoring ----------

/** A trail in its home region, with `GetTrailStatus` answered and no data event selectors. */
export const trail = (t: Trail, status: GetTrailStatusResponse): AssetOf<"aws.cloudtrail.trail"> =>
  trailAsset(
    { ...WHERE, region: t.HomeRegion ?? REGION },
    t,
    { ok: true, value: status },
    { ok: true, value: { EventSelectors: [] } },
  ).asset;

/** The default key policy KMS writes for a key: the account's IAM policies decide. */
export const DEFAULT_KEY_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Id: "key-default-1",
  Statement: [
    {
      Sid: "Enable IAM User Permissions",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: "kms:*",
      Resource: "*",
    },
  ],
});

/**
 * A key as `DescribeKey` answered, with `GetKeyRotationStatus` where rotation applies (`null`: not
 * read, not applicable) and `GetKeyPolicy` (`Policy`, the JSON string; default: KMS's default policy)
 * where the policy is the customer's.
 */
export const kmsKey = (
  k: KeyMetadata,
  rotation: { KeyRotationEnabled?: boolean } | null,
  policy: string = DEFAULT_KEY_POLICY,
): AssetOf<"aws.kms.key"> =>
  kmsKeyAsset(
    WHERE,
    { KeyId: k.KeyId, KeyArn: k.Arn },
    { ok: true, value: { KeyMetadata: k } },
    rotation === null ? undefined : { ok: true, value: rotation },
    policyApplies(k) ? { ok: true, value: { Policy: policy } } : undefined,
  );

/** The CIS AWS Foundations v5.0 section 4 metric filter patterns, as the benchmark gives them. */
export const CIS_FILTER_PATTERNS: Record<CisMonitoringPattern, string> = {
  "unauthorized-api-calls": '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  "console-signin-without-mfa":
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  "root-account-usage":
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  "iam-policy-changes":
    "{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }",
  "cloudtrail-configuration-changes":
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  "console-authentication-failures":
    '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  "cmk-disable-or-scheduled-deletion":
    "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }",
  "s3-bucket-policy-changes":
    "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }",
  "aws-config-changes":
    "{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }",
  "security-group-changes":
    "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }",
  "nacl-changes":
    "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
  "network-gateway-changes":
    "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
  "route-table-changes":
    "{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }",
  "vpc-changes":
    "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }",
  "organizations-changes":
    "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = AcceptHandshake) || ($.eventName = AttachPolicy) || ($.eventName = CreateAccount) || ($.eventName = CreateOrganizationalUnit) || ($.eventName = CreatePolicy) || ($.eventName = DeclineHandshake) || ($.eventName = DeleteOrganization) || ($.eventName = DeleteOrganizationalUnit) || ($.eventName = DeletePolicy) || ($.eventName = DetachPolicy) || ($.eventName = DisablePolicyType) || ($.eventName = EnablePolicyType) || ($.eventName = InviteAccountToOrganization) || ($.eventName = LeaveOrganization) || ($.eventName = MoveAccount) || ($.eventName = RemoveAccountFromOrganization) || ($.eventName = UpdatePolicy) || ($.eventName = UpdateOrganizationalUnit)) }",
};

/**
 * The region's CIS monitoring through the collector's mapper and the scan's linking: a logging
 * multi-region trail sends to a log group holding the benchmark's filter of each `present` pattern,
 * whose metric has an alarm notifying SNS.
 */
export function cisMonitoring(present: readonly CisMonitoringPattern[]) {
  const logGroupName = "aws-cloudtrail-logs";
  const facts = cisMonitoringFacts(
    REGION,
    ok({
      metricFilters: present.map((p) => ({
        filterName: p,
        filterPattern: CIS_FILTER_PATTERNS[p],
        logGroupName,
        metricTransformations: [
          { metricName: `cis-${p}`, metricNamespace: "CISBenchmark", metricValue: "1" },
        ],
      })),
    }),
    ok({
      MetricAlarms: present.map((p) => ({
        AlarmName: `cis-${p}`,
        MetricName: `cis-${p}`,
        Namespace: "CISBenchmark",
        AlarmActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:security-alarms`],
      })),
    }),
  );
  const trail = {
    arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`,
    homeRegion: REGION,
    isMultiRegionTrail: true,
    isLogging: true,
    cloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${logGroupName}:*`,
    s3DataEvents: [],
    managementEvents: { read: true, write: true },
  };
  const linked = linkAssets({
    accountId: ACCOUNT,
    regions: [REGION],
    assets: [],
    trails: [{ region: REGION, trails: [trail] }],
    monitoring: [facts],
  });
  return linked.find((a) => a.type === "aws.logs.cis-monitoring") as AssetOf<"aws.logs.cis-monitoring">;
}

/** `aws configservice describe-configuration-recorders` + `describe-configuration-recorder-status`. */
export const configSettings = (
  recorders: { ConfigurationRecorders: { name: string; recordingGroup?: { allSupported?: boolean } }[] },
  status: { ConfigurationRecordersStatus: { name: string; recording: boolean; lastStatus?: string }[] },
): AssetOf<"aws.config.account-settings"> =>
  configRecordersAsset(
    WHERE,
    ok(recorders),
    ok({
      ConfigurationRecordersStatus: status.ConfigurationRecordersStatus.map((x) => ({
        ...x,
        lastStatus: x.lastStatus as RecorderStatus | undefined,
      })),
    }),
  );

/** `aws securityhub describe-hub` output, or `undefined` for `InvalidAccessException` (not subscribed). */
export const securityHub = (out: { HubArn: string; SubscribedAt: string } | undefined) =>
  securityHubAsset(
    WHERE,
    out
      ? ok(out)
      : {
          ok: false,
          kind: "not-configured",
          code: "InvalidAccessException",
          message: "Account is not subscribed to AWS Security Hub",
          call: "securityhub:DescribeHub",
        },
  );

// ---------- compute & storage ----------

/** A function as `ListFunctions` lists it, with `GetPolicy`'s `Policy` (the JSON string; undefined: no policy). */
/** The region's subnets a case's VPC function may use: `subnet-0a1b` in zone a, `subnet-0c2d` in zone b. */
export const CASE_SUBNETS = [
  {
    SubnetId: "subnet-0a1b",
    AvailabilityZone: "us-east-1a",
    VpcId: "vpc-0a1b2c3d",
    State: "available" as const,
  },
  {
    SubnetId: "subnet-0c2d",
    AvailabilityZone: "us-east-1b",
    VpcId: "vpc-0a1b2c3d",
    State: "available" as const,
  },
];
export const lambdaFunction = (f: FunctionConfiguration, policy?: string): AssetOf<"aws.lambda.function"> =>
  lambdaFunctionAsset(
    WHERE,
    f,
    policy === undefined
      ? {
          ok: false,
          kind: "not-configured",
          code: "ResourceNotFoundException",
          message: "The resource you requested does not exist.",
          call: "lambda:GetPolicy",
        }
      : { ok: true, value: { Policy: policy } },
    { ok: true, value: { Subnets: CASE_SUBNETS } },
  );

/** A cluster as `DescribeCluster` answered. */
export const eksCluster = (c: Cluster): AssetOf<"aws.eks.cluster"> =>
  eksClusterAsset(WHERE, c.name ?? "", { ok: true, value: { cluster: c } });

/**
 * One entry of `aws efs describe-file-systems` `FileSystems`, with `DescribeBackupPolicy`'s
 * `BackupPolicy.Status` (default `ENABLED`; `null`: no policy, AWS's `PolicyNotFound`).
 */
export const efsFileSystem = (
  fs: {
    FileSystemId: string;
    FileSystemArn: string;
    Encrypted: boolean;
    Name?: string;
    Tags?: { Key: string; Value: string }[];
  },
  backup: "ENABLED" | "ENABLING" | "DISABLED" | "DISABLING" | null = "ENABLED",
  /** The subnet of its one mount target: `subnet-0a1b` (private) or `subnet-0c2d` (public IPs on launch). */
  mountTargetSubnet = "subnet-0a1b",
  /** The region's backup plans' resource assignments (`GetBackupSelection`): by default one of every file system. */
  assignments: readonly BackupAssignment[] = [EVERY_FILE_SYSTEM],
) =>
  efsFileSystemAsset(
    WHERE,
    {
      OwnerId: ACCOUNT,
      CreationToken: fs.FileSystemId,
      CreationTime: new Date("2024-01-01T00:00:00Z"),
      LifeCycleState: "available",
      NumberOfMountTargets: 1,
      SizeInBytes: { Value: 6144 },
      PerformanceMode: "generalPurpose",
      Tags: fs.Name ? [{ Key: "Name", Value: fs.Name }] : [],
      ...fs,
    },
    backup === null
      ? {
          ok: false,
          kind: "not-configured",
          code: "PolicyNotFound",
          message: "No backup policy is set.",
          call: "efs:DescribeBackupPolicy",
        }
      : { ok: true, value: { BackupPolicy: { Status: backup } } },
    {
      ok: true,
      value: {
        MountTargets: [
          {
            MountTargetId: "fsmt-0a1b2c3d4e5f60001",
            FileSystemId: fs.FileSystemId,
            SubnetId: mountTargetSubnet,
            LifeCycleState: "available",
            IpAddress: "10.0.1.25",
            AvailabilityZoneName: "us-east-1a",
            VpcId: "vpc-0a1b2c3d",
          },
        ],
      },
    },
    {
      ok: true,
      value: {
        Subnets: CASE_SUBNETS.map((s) => ({ ...s, MapPublicIpOnLaunch: s.SubnetId === "subnet-0c2d" })),
      },
    },
    { ok: true, value: assignments },
  );

/** A backup plan's assignment of every EFS file system, as the AWS Backup console writes it. */
const EVERY_FILE_SYSTEM: BackupAssignment = {
  planName: "daily",
  selection: {
    SelectionName: "file-systems",
    IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AWSBackupDefaultServiceRole`,
    Resources: ["arn:aws:elasticfilesystem:*:*:file-system/*"],
    ListOfTags: [],
    NotResources: [],
    Conditions: { StringEquals: [], StringNotEquals: [], StringLike: [], StringNotLike: [] },
  },
};

/**
 * The account's CloudTrail coverage (`aws.cloudtrail.account-settings`) as the scan links it from
 * trails put through the collector's mapper: each `[trail, IsLogging, GetEventSelectors answer]`
 * (`null`: the selectors could not be read).
 */
export function cloudTrailAccount(
  trails: readonly [Trail, boolean, GetEventSelectorsResponse | null][],
): AssetOf<"aws.cloudtrail.account-settings"> {
  const facts = trails.map(
    ([t, IsLogging, selectors]) =>
      trailAsset(
        { ...WHERE, region: t.HomeRegion ?? REGION },
        t,
        { ok: true, value: { IsLogging } },
        selectors === null
          ? {
              ok: false,
              kind: "denied",
              code: "AccessDeniedException",
              message: "not authorized to perform: cloudtrail:GetEventSelectors",
              call: "cloudtrail:GetEventSelectors",
            }
          : { ok: true, value: selectors },
      ).facts,
  );
  const linked = linkAssets({
    accountId: ACCOUNT,
    regions: [REGION],
    assets: [],
    trails: [{ region: REGION, trails: facts }],
    monitoring: [],
  });
  return linked.find(
    (a) => a.type === "aws.cloudtrail.account-settings",
  ) as AssetOf<"aws.cloudtrail.account-settings">;
}
