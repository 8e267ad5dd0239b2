import type { Role } from "@aws-sdk/client-iam";
import { credentialReportRow, daysBefore, iamPolicy, iamUser } from "./aws.ts";

export const ago = (days: number) => daysBefore(days).toISOString().replace(".000Z", "+00:00");
export const ROOT_ROW = {
  password_last_used: "2024-11-02T08:00:00+00:00",
  access_key_1_last_used_date: "N/A",
};
export const VIRTUAL_ROOT_MFA = "arn:aws:iam::123456789012:mfa/root-account-mfa-device";
export const consoleUser = (over: Parameters<typeof credentialReportRow>[0]) =>
  iamUser(
    credentialReportRow({
      password_enabled: "true",
      password_last_used: ago(3),
      mfa_active: "true",
      ...over,
    }),
  );
export const keyUser = (over: Partial<Parameters<typeof credentialReportRow>[0]>, lists = {}) =>
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
export const ADMIN_DOC = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};
export const SCOPED_DOC = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::reports/*" }],
};
export const policy = (document: unknown, AttachmentCount: number) =>
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
/** An AWS managed policy (`arn:aws:iam::aws:policy/…`), attached once. */
export const awsManagedPolicy = (PolicyName: string, document: unknown) =>
  iamPolicy(
    {
      PolicyName,
      PolicyId: "ANPAAWSMANAGED",
      Arn: `arn:aws:iam::aws:policy/${PolicyName}`,
      DefaultVersionId: "v1",
      AttachmentCount: 1,
      IsAttachable: true,
    },
    document,
  );
export const role = (trust: object): Role => ({
  Path: "/",
  RoleName: "deploy",
  RoleId: "AROAEXAMPLE",
  Arn: "arn:aws:iam::123456789012:role/deploy",
  CreateDate: new Date("2024-01-01T00:00:00Z"),
  // IAM returns the trust policy URL-encoded.
  AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
});
/** A policy document of one Allow statement. */
export const allowDoc = (Action: string | string[], Resource: string | string[]) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action, Resource }],
});
