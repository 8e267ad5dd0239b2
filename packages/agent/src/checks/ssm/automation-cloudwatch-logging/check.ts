import { defineCheck, fail, pass } from "../../check.ts";

export const ssmAutomationCloudwatchLogging = defineCheck({
  id: "vigil.ssm.automation-cloudwatch-logging",
  title: "SSM Automation should have CloudWatch logging enabled",
  severity: "medium",
  resourceType: "aws.ssm.automation-log-setting",
  reads: ["settingValue"],
  rationale:
    "Automation runbooks run scripts with the permissions of their role; unless the region sends their output to CloudWatch Logs, what a script did (or what an attacker made it do) is not recorded anywhere durable.",
  remediation:
    "aws ssm update-service-setting --setting-id /ssm/automation/customer-script-log-destination --setting-value CloudWatch (optionally /ssm/automation/customer-script-log-group-name), in every region (console: Systems Manager > Automation > Preferences > CloudWatch logging)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-6",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-action-logging.html",
  ],
  mappings: { cis: [], fsbp: ["SSM.6"] },
  evaluate: (asset) =>
    asset.config.settingValue === "CloudWatch"
      ? pass("Automation sends script output to CloudWatch Logs")
      : fail(`Automation logs scripts to ${asset.config.settingValue} (not CloudWatch)`),
});
