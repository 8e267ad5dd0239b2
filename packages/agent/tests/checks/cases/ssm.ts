import type { Instance } from "@aws-sdk/client-ec2";
import type { ResourceComplianceSummaryItem } from "@aws-sdk/client-ssm";
import {
  type SsmRegionFacts,
  ssmDocumentAsset,
  ssmDocumentSharingSettingAsset,
  ssmInstanceAsset,
} from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
const ID = "i-0abc1234def567890";

/** `DescribeInstances` `Reservations[].Instances[]` (the fields the asset takes). */
const INSTANCE: Instance = {
  InstanceId: ID,
  InstanceType: "t3.small",
  ImageId: "ami-0abcdef1234567890",
  State: { Code: 16, Name: "running" },
  LaunchTime: new Date("2025-04-01T00:00:00Z"),
  Tags: [{ Key: "Name", Value: "web-1" }],
};

/** `ListResourceComplianceSummaries` `ResourceComplianceSummaryItems[]` of one instance. */
const summary = (type: "Patch" | "Association", status: "COMPLIANT" | "NON_COMPLIANT") =>
  ({
    ComplianceType: type,
    ResourceType: "ManagedInstance",
    ResourceId: ID,
    Status: status,
    OverallSeverity: status === "COMPLIANT" ? "UNSPECIFIED" : "CRITICAL",
    ExecutionSummary: { ExecutionTime: new Date("2025-05-30T03:00:00Z"), ExecutionType: "Command" },
    CompliantSummary: { CompliantCount: status === "COMPLIANT" ? 12 : 10 },
    NonCompliantSummary: { NonCompliantCount: status === "COMPLIANT" ? 0 : 2 },
  }) satisfies ResourceComplianceSummaryItem;

const facts = (managed: string[], items: ResourceComplianceSummaryItem[]): SsmRegionFacts => ({
  managed: { ok: true, value: { ids: managed } },
  compliance: { ok: true, value: { items } },
});
const instance = (f: SsmRegionFacts, over: Partial<Instance> = {}) =>
  ssmInstanceAsset(WHERE, { ...INSTANCE, ...over }, f);
const MANAGED_COMPLIANT = facts([ID], [summary("Patch", "COMPLIANT"), summary("Association", "COMPLIANT")]);
const MANAGED_FAILING = facts(
  [ID],
  [summary("Patch", "NON_COMPLIANT"), summary("Association", "NON_COMPLIANT")],
);

const document = (accountIds: string[]) =>
  ssmDocumentAsset(WHERE, "deploy-app", { ok: true, value: { AccountIds: accountIds } });
const setting = (value: string) =>
  ssmDocumentSharingSettingAsset(WHERE, {
    ok: true,
    value: {
      ServiceSetting: {
        SettingId: "/ssm/documents/console/public-sharing-permission",
        SettingValue: value,
        LastModifiedDate: new Date("2025-02-01T00:00:00Z"),
        LastModifiedUser: "System",
        ARN: `arn:aws:ssm:${REGION}:${ACCOUNT}:servicesetting/ssm/documents/console/public-sharing-permission`,
        Status: value === "Enable" ? "Default" : "Customized",
      },
    },
  });

export const ssmCases: CheckCase[] = [
  {
    check: "vigil.ssm.instance-managed",
    name: "running, managed",
    asset: instance(MANAGED_COMPLIANT),
    expect: "pass",
  },
  {
    check: "vigil.ssm.instance-managed",
    name: "running, not managed",
    asset: instance(facts([], [])),
    expect: "fail",
  },
  {
    check: "vigil.ssm.instance-managed",
    name: "stopped, not managed",
    asset: instance(facts([], []), { State: { Code: 80, Name: "stopped" } }),
    expect: "n/a",
  },
  {
    check: "vigil.ssm.instance-patch-compliant",
    name: "Patch COMPLIANT",
    asset: instance(MANAGED_COMPLIANT),
    expect: "pass",
  },
  {
    check: "vigil.ssm.instance-patch-compliant",
    name: "Patch NON_COMPLIANT",
    asset: instance(MANAGED_FAILING),
    expect: "fail",
  },
  {
    check: "vigil.ssm.instance-patch-compliant",
    name: "no patch summary",
    asset: instance(facts([ID], [summary("Association", "COMPLIANT")])),
    expect: "n/a",
  },
  {
    check: "vigil.ssm.instance-association-compliant",
    name: "Association COMPLIANT",
    asset: instance(MANAGED_COMPLIANT),
    expect: "pass",
  },
  {
    check: "vigil.ssm.instance-association-compliant",
    name: "Association NON_COMPLIANT",
    asset: instance(MANAGED_FAILING),
    expect: "fail",
  },
  {
    check: "vigil.ssm.instance-association-compliant",
    name: "no association",
    asset: instance(facts([ID], [summary("Patch", "COMPLIANT")])),
    expect: "n/a",
  },
  { check: "vigil.ssm.document-not-public", name: "no sharing", asset: document([]), expect: "pass" },
  {
    check: "vigil.ssm.document-not-public",
    name: "shared with one account",
    asset: document(["111122223333"]),
    expect: "pass",
  },
  {
    check: "vigil.ssm.document-not-public",
    name: "shared with all",
    asset: document(["all"]),
    expect: "fail",
  },
  {
    check: "vigil.ssm.document-public-sharing-blocked",
    name: "SettingValue Disable",
    asset: setting("Disable"),
    expect: "pass",
  },
  {
    check: "vigil.ssm.document-public-sharing-blocked",
    name: "SettingValue Enable (default)",
    asset: setting("Enable"),
    expect: "fail",
  },
];
