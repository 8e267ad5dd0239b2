import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

const complianceSchema = lazySchema(() => z.enum(["COMPLIANT", "NON_COMPLIANT"]).nullable());

/**
 * One EC2 instance as Systems Manager sees it: `ec2 DescribeInstances` names it,
 * `DescribeInstanceInformation` says whether SSM manages it, `ListResourceComplianceSummaries` its
 * patch and association compliance. Named by the instance's managed-instance-inventory ARN.
 */
export const ssmInstanceSchema = assetSchemaOf("aws.ssm.instance", () =>
  z.object({
    instanceId: z.string(),
    /** `State.Name` of the instance (`running`, `stopped`, …). */
    instanceState: z.string(),
    /** The instance is one of `DescribeInstanceInformation`'s managed nodes. */
    managed: z.boolean(),
    /** `Status` of its `Patch` compliance summary; `null` when Patch Manager reported none. */
    patchCompliance: complianceSchema,
    /** `Status` of its `Association` compliance summary; `null` when no association reported. */
    associationCompliance: complianceSchema,
  }),
);

/** One SSM document the account owns: `ListDocuments` (Owner Self) + `DescribeDocumentPermission`. */
export const ssmDocumentSchema = assetSchemaOf("aws.ssm.document", () =>
  z.object({
    documentName: z.string(),
    /** `AccountIds` of its `Share` permission holds `all`. */
    sharedPublicly: z.boolean(),
  }),
);

/** The region's `/ssm/documents/console/public-sharing-permission` service setting: `GetServiceSetting`. */
export const ssmDocumentSharingSettingSchema = assetSchemaOf("aws.ssm.document-sharing-setting", () =>
  z.object({
    /** `SettingValue`: `Enable` (documents may be shared publicly) or `Disable` (blocked). */
    settingValue: z.string(),
  }),
);

/** The region's `/ssm/automation/customer-script-log-destination` service setting: `GetServiceSetting`. */
export const ssmAutomationLogSettingSchema = assetSchemaOf("aws.ssm.automation-log-setting", () =>
  z.object({
    /** `SettingValue`: `CloudWatch` (Automation scripts' output to CloudWatch Logs) or `None` (the default). */
    settingValue: z.string(),
  }),
);
