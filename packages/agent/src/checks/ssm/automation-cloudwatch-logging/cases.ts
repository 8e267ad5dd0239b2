import { ssmServiceSettingAsset } from "../../../collectors/ssm.ts";
import { ACCOUNT, REGION } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

const check = "vigil.ssm.automation-cloudwatch-logging";
const ID = "/ssm/automation/customer-script-log-destination";
/** The region's setting as `GetServiceSetting` answers it. */
const setting = (value: string, status: "Default" | "Customized") =>
  ssmServiceSettingAsset(
    { accountId: ACCOUNT, region: REGION, partition: "aws" },
    "aws.ssm.automation-log-setting",
    {
      ok: true,
      value: {
        ServiceSetting: {
          SettingId: ID,
          SettingValue: value,
          LastModifiedDate: new Date("2025-02-01T00:00:00Z"),
          LastModifiedUser: "System",
          ARN: `arn:aws:ssm:${REGION}:${ACCOUNT}:servicesetting${ID}`,
          Status: status,
        },
      },
    },
  );

/** Compliant and non-compliant cases of `vigil.ssm.automation-cloudwatch-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "CloudWatch", asset: setting("CloudWatch", "Customized"), expect: "pass" },
  {
    check,
    name: "None (never changed)",
    asset: setting("None", "Default"),
    expect: "fail",
    evidence: /None/,
  },
];
