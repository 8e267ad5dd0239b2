import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("automated sensitive data discovery is enabled");
const OFF = fail("automated sensitive data discovery is disabled");
export const automatedDiscoveryEnabled = defineCheck({
  id: "vigil.macie2.automated-discovery-enabled",
  title: "Macie automated sensitive data discovery should be enabled",
  severity: "high",
  resourceType: "aws.macie2.account-settings",
  reads: ["status", "automatedDiscoveryStatus"],
  rationale:
    "Automated discovery samples objects across every bucket continuously, so sensitive data that lands in an unexpected bucket is found without anyone running a job.",
  remediation: "aws macie2 update-automated-discovery-configuration --status ENABLED --region <region>",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/macie-controls.html#macie-2"],
  mappings: { cis: [], fsbp: ["Macie.2"] },
  // Where Macie is off there is no discovery to configure: vigil.macie2.enabled reports that.
  evaluate: (asset) =>
    asset.config.status !== "ENABLED"
      ? undefined
      : asset.config.automatedDiscoveryStatus === "ENABLED"
        ? ON
        : OFF,
});
