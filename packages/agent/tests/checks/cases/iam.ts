import type { Role } from "@aws-sdk/client-iam";
import {
  accessAnalyzer,
  credentialReportRow,
  daysBefore,
  iamAccount,
  iamPolicy,
  iamRole,
  iamRoot,
  iamUser,
  passwordPolicy,
  serverCertificate,
} from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const ago = (days: number) => daysBefore(days).toISOString().replace(".000Z", "+00:00");
const ROOT_ROW = { password_last_used: "2024-11-02T08:00:00+00:00", access_key_1_last_used_date: "N/A" };
const VIRTUAL_ROOT_MFA = "arn:aws:iam::123456789012:mfa/root-account-mfa-device";

const consoleUser = (over: Parameters<typeof credentialReportRow>[0]) =>
  iamUser(
    credentialReportRow({
      password_enabled: "true",
      password_last_used: ago(3),
      mfa_active: "true",
      ...over,
    }),
  );
const keyUser = (over: Partial<Parameters<typeof credentialReportRow>[0]>, lists = {}) =>
  iamUser(
    credentialReportRow({
      user: "ci",
      access_key_1_active: "true",
      access_key_1_last_rotated: ago(30),
      access_key_1_last_used_date: ago(1),
      ...over,
    }),
    lists,
  );

const ADMIN_DOC = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const SCOPED_DOC = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::reports/*" }],
};
const policy = (document: unknown, AttachmentCount: number) =>
  iamPolicy(
    {
      PolicyName: "ops",
      PolicyId: "ANPAEXAMPLE",
      Arn: "arn:aws:iam::123456789012:policy/ops",
      DefaultVersionId: "v3",
      AttachmentCount,
      IsAttachable: true,
    },
    document,
  );

const role = (trust: object): Role => ({
  Path: "/",
  RoleName: "deploy",
  RoleId: "AROAEXAMPLE",
  Arn: "arn:aws:iam::123456789012:role/deploy",
  CreateDate: new Date("2024-01-01T00:00:00Z"),
  // IAM returns the trust policy URL-encoded.
  AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
});

export const iamCases: CheckCase[] = [
  {
    check: "vigil.iam.root-no-access-keys",
    name: "AccountAccessKeysPresent 0",
    asset: iamRoot({ AccountAccessKeysPresent: 0, AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "pass",
  },
  {
    check: "vigil.iam.root-no-access-keys",
    name: "AccountAccessKeysPresent 1",
    asset: iamRoot({ AccountAccessKeysPresent: 1, AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "fail",
  },
  {
    check: "vigil.iam.root-mfa-enabled",
    name: "AccountMFAEnabled 1",
    asset: iamRoot({ AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "pass",
  },
  {
    check: "vigil.iam.root-mfa-enabled",
    name: "AccountMFAEnabled 0",
    asset: iamRoot({ AccountMFAEnabled: 0 }, ROOT_ROW, []),
    expect: "fail",
  },
  {
    check: "vigil.iam.root-hardware-mfa-enabled",
    name: "MFA without a root virtual device",
    asset: iamRoot({ AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "pass",
  },
  {
    check: "vigil.iam.root-hardware-mfa-enabled",
    name: "root virtual MFA device",
    asset: iamRoot({ AccountMFAEnabled: 1 }, ROOT_ROW, [VIRTUAL_ROOT_MFA]),
    expect: "fail",
    evidence: /virtual/,
  },
  {
    check: "vigil.iam.root-not-used-recently",
    name: "last used months ago",
    asset: iamRoot({ AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "pass",
  },
  {
    check: "vigil.iam.root-not-used-recently",
    name: "used two days ago",
    asset: iamRoot(
      { AccountMFAEnabled: 1 },
      { password_last_used: ago(2), access_key_1_last_used_date: "N/A" },
      [],
    ),
    expect: "fail",
    evidence: /2 day/,
  },
  {
    check: "vigil.iam.password-policy-min-length",
    name: "length 14",
    asset: passwordPolicy({ MinimumPasswordLength: 14, PasswordReusePrevention: 24, ExpirePasswords: false }),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-min-length",
    name: "length 8",
    asset: passwordPolicy({ MinimumPasswordLength: 8 }),
    expect: "fail",
    evidence: /8/,
  },
  {
    check: "vigil.iam.password-policy-min-length",
    name: "NoSuchEntity",
    asset: passwordPolicy(undefined),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-prevents-reuse",
    name: "24 remembered",
    asset: passwordPolicy({ MinimumPasswordLength: 14, PasswordReusePrevention: 24 }),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-prevents-reuse",
    name: "5 remembered",
    asset: passwordPolicy({ MinimumPasswordLength: 14, PasswordReusePrevention: 5 }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-prevents-reuse",
    name: "not set",
    asset: passwordPolicy({ MinimumPasswordLength: 14 }),
    expect: "fail",
  },
  {
    check: "vigil.iam.user-mfa-enabled-for-console",
    name: "console with MFA",
    asset: consoleUser({ user: "alice" }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-mfa-enabled-for-console",
    name: "console without MFA",
    asset: consoleUser({ user: "bob", mfa_active: "false" }),
    expect: "fail",
  },
  {
    check: "vigil.iam.user-mfa-enabled-for-console",
    name: "programmatic user",
    asset: keyUser({}),
    expect: "n/a",
  },
  {
    check: "vigil.iam.user-unused-credentials-disabled",
    name: "password and key used recently",
    asset: consoleUser({
      user: "alice",
      access_key_1_active: "true",
      access_key_1_last_rotated: ago(10),
      access_key_1_last_used_date: ago(2),
    }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-unused-credentials-disabled",
    name: "password last used 60 days ago",
    asset: consoleUser({ user: "carol", password_last_used: ago(60) }),
    expect: "fail",
    evidence: /60 days/,
  },
  {
    check: "vigil.iam.user-unused-credentials-disabled",
    name: "key created 50 days ago and never used",
    asset: keyUser({ access_key_1_last_rotated: ago(50), access_key_1_last_used_date: "N/A" }),
    expect: "fail",
    evidence: /key 1/,
  },
  {
    check: "vigil.iam.user-unused-credentials-disabled",
    name: "stale key already inactive",
    asset: keyUser({ access_key_1_active: "false", access_key_1_last_used_date: ago(300) }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-single-active-access-key",
    name: "one active, one inactive",
    asset: keyUser({ access_key_2_active: "false", access_key_2_last_rotated: ago(200) }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-single-active-access-key",
    name: "two active",
    asset: keyUser({
      access_key_2_active: "true",
      access_key_2_last_rotated: ago(200),
      access_key_2_last_used_date: ago(100),
    }),
    expect: "fail",
    evidence: /2 active/,
  },
  { check: "vigil.iam.user-access-keys-rotated", name: "30-day-old key", asset: keyUser({}), expect: "pass" },
  {
    check: "vigil.iam.user-access-keys-rotated",
    name: "120-day-old key",
    asset: keyUser({ access_key_1_last_rotated: ago(120) }),
    expect: "fail",
    evidence: /120 days/,
  },
  {
    check: "vigil.iam.user-access-keys-rotated",
    name: "no active keys",
    asset: consoleUser({ user: "alice" }),
    expect: "n/a",
  },
  {
    check: "vigil.iam.user-permissions-through-groups",
    name: "groups only",
    asset: keyUser({}, { groupNames: ["deployers"] }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-permissions-through-groups",
    name: "attached and inline policies",
    asset: keyUser(
      {},
      { attachedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"], inlinePolicyNames: ["extra"] },
    ),
    expect: "fail",
    evidence: /1 attached and 1 inline/,
  },
  {
    check: "vigil.iam.policy-no-full-admin-attached",
    name: "scoped policy",
    asset: policy(SCOPED_DOC, 3),
    expect: "pass",
  },
  {
    check: "vigil.iam.policy-no-full-admin-attached",
    name: "admin but unattached",
    asset: policy(ADMIN_DOC, 0),
    expect: "pass",
  },
  {
    check: "vigil.iam.policy-no-full-admin-attached",
    name: "*:* attached to 2",
    asset: policy(ADMIN_DOC, 2),
    expect: "fail",
    evidence: /2 principal/,
  },
  {
    check: "vigil.iam.support-role-exists",
    name: "AWSSupportAccess on a role",
    asset: iamAccount({ PolicyRoles: [{ RoleName: "support" }] }),
    expect: "pass",
  },
  {
    check: "vigil.iam.support-role-exists",
    name: "no role",
    asset: iamAccount({ PolicyRoles: [] }),
    expect: "fail",
  },
  {
    check: "vigil.iam.server-certificate-not-expired",
    name: "valid",
    asset: serverCertificate({
      Path: "/",
      ServerCertificateName: "www",
      ServerCertificateId: "ASCAEXAMPLE",
      Arn: "arn:aws:iam::123456789012:server-certificate/www",
      Expiration: new Date("2026-01-01T00:00:00Z"),
    }),
    expect: "pass",
  },
  {
    check: "vigil.iam.server-certificate-not-expired",
    name: "expired",
    asset: serverCertificate({
      Path: "/",
      ServerCertificateName: "old",
      ServerCertificateId: "ASCAEXAMPLE2",
      Arn: "arn:aws:iam::123456789012:server-certificate/old",
      Expiration: new Date("2025-05-22T00:00:00Z"),
    }),
    expect: "fail",
    evidence: /10 day/,
  },
  {
    check: "vigil.iam.role-trust-not-public",
    name: "trusts one account with ExternalId",
    asset: iamRole(
      role({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::210987654321:root" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": "x" } },
          },
        ],
      }),
    ),
    expect: "pass",
  },
  {
    check: "vigil.iam.role-trust-not-public",
    name: "Principal AWS *",
    asset: iamRole(
      role({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }],
      }),
    ),
    expect: "fail",
  },
  {
    check: "vigil.accessanalyzer.analyzer-enabled",
    name: "active account analyzer",
    asset: accessAnalyzer({
      analyzers: [
        {
          arn: "arn:aws:access-analyzer:us-east-1:123456789012:analyzer/ext",
          name: "ext",
          type: "ACCOUNT",
          status: "ACTIVE",
        },
      ],
    }),
    expect: "pass",
  },
  {
    check: "vigil.accessanalyzer.analyzer-enabled",
    name: "only an unused-access analyzer",
    asset: accessAnalyzer({
      analyzers: [
        {
          arn: "arn:aws:access-analyzer:us-east-1:123456789012:analyzer/unused",
          name: "unused",
          type: "ACCOUNT_UNUSED_ACCESS",
          status: "ACTIVE",
        },
      ],
    }),
    expect: "fail",
  },
];
