import type { Instance } from "@aws-sdk/client-ec2";
import type { ResourceComplianceSummaryItem } from "@aws-sdk/client-ssm";
import {
  type SsmRegionFacts,
  ssmDocumentAsset,
  ssmDocumentSharingSettingAsset,
  ssmInstanceAsset,
} from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
export const ID = "i-0abc1234def567890";
/** `DescribeInstances` `Reservations[].Instances[]` (the fields the asset takes). */
export const INSTANCE: Instance = {
  InstanceId: ID,
  InstanceType: "t3.small",
  ImageId: "ami-0abcdef1234567890",
  State: { Code: 16, Name: "running" },
  LaunchTime: new Date("2025-04-01T00:00:00Z"),
  Tags: [{ Key: "Name", Value: "web-1" }],
};
/** `ListResourceComplianceSummaries` `ResourceComplianceSummaryItems[]` of one instance. */
export const summary = (type: "Patch" | "Association", status: "COMPLIANT" | "NON_COMPLIANT") =>
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
export const facts = (managed: string[], items: ResourceComplianceSummaryItem[]): SsmRegionFacts => ({
  managed: { ok: true, value: { ids: managed } },
  compliance: { ok: true, value: { items } },
});
export const instance = (f: SsmRegionFacts, over: Partial<Instance> = {}) =>
  ssmInstanceAsset(WHERE, { ...INSTANCE, ...over }, f);
export const MANAGED_COMPLIANT = facts(
  [ID],
  [summary("Patch", "COMPLIANT"), summary("Association", "COMPLIANT")],
);
export const MANAGED_FAILING = facts(
  [ID],
  [summary("Patch", "NON_COMPLIANT"), summary("Association", "NON_COMPLIANT")],
);
export const document = (accountIds: string[]) =>
  ssmDocumentAsset(WHERE, "deploy-app", { ok: true, value: { AccountIds: accountIds } });
export const setting = (value: string) =>
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
