import type { BackupSelection } from "@aws-sdk/client-backup";
import { efsFileSystem } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { fs } from "../../_cases/compute.ts";

const check = "vigil.efs.file-system-in-backup-plan";
const ARN = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0";
const ROLE = "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole";
const plan = (selection: Omit<BackupSelection, "SelectionName" | "IamRoleArn">) => [
  { planName: "nightly", selection: { SelectionName: "nightly-efs", IamRoleArn: ROLE, ...selection } },
];
const tagged = (Tags: { Key: string; Value: string }[], assignments: ReturnType<typeof plan>) =>
  efsFileSystem(
    { FileSystemId: "fs-0123456789abcdef0", FileSystemArn: ARN, Encrypted: true, Tags },
    "DISABLED",
    "subnet-0a1b",
    assignments,
  );

/** Compliant and non-compliant cases of `vigil.efs.file-system-in-backup-plan`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "every file system of the account (ARN pattern)",
    asset: fs(true, "DISABLED"),
    expect: "pass",
    evidence: /daily/,
  },
  {
    check,
    name: "by its tag (ListOfTags)",
    asset: tagged(
      [{ Key: "backup", Value: "nightly" }],
      plan({
        ListOfTags: [{ ConditionType: "STRINGEQUALS", ConditionKey: "backup", ConditionValue: "nightly" }],
      }),
    ),
    expect: "pass",
    evidence: /nightly/,
  },
  {
    check,
    name: "no plan, automatic backups on",
    asset: fs(true, "ENABLED", "subnet-0a1b", []),
    expect: "pass",
    evidence: /automatic-backup-plan/,
  },
  {
    check,
    name: "file systems whose tag is not the plan's (Conditions)",
    asset: tagged(
      [{ Key: "backup", Value: "none" }],
      plan({
        Resources: ["arn:aws:elasticfilesystem:*:*:file-system/*"],
        Conditions: { StringEquals: [{ ConditionKey: "aws:ResourceTag/backup", ConditionValue: "nightly" }] },
      }),
    ),
    expect: "fail",
    evidence: /no backup plan/,
  },
  {
    check,
    name: "every file system but this one (NotResources)",
    asset: tagged(
      [],
      plan({ Resources: ["arn:aws:elasticfilesystem:*:*:file-system/*"], NotResources: [ARN] }),
    ),
    expect: "fail",
  },
  {
    check,
    name: "no plan, automatic backups off",
    asset: fs(true, null, "subnet-0a1b", []),
    expect: "fail",
  },
];
