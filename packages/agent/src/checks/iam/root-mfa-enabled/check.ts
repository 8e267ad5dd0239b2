import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("root MFA is enabled");
const OFF = fail("root MFA is not enabled");
export const rootMfaEnabled = defineCheck({
  id: "vigil.iam.root-mfa-enabled",
  title: "MFA should be enabled for the root user",
  severity: "critical",
  resourceType: "aws.iam.root",
  reads: ["mfaActive"],
  rationale:
    "Without MFA, the root password alone (phished, reused or reset through a compromised mailbox) gives full control of the account.",
  remediation:
    "Sign in as root, open Security credentials and assign an MFA device (preferably a hardware key).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-9",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.4"], fsbp: [], securityHub: ["IAM.9"] },
  evaluate: (asset) => (asset.config.mfaActive ? ON : OFF),
});
