import { defineCheck, fail, pass } from "../../check.ts";

const HARDWARE = pass("root uses a hardware MFA device");
const VIRTUAL = fail("root MFA is a virtual device");
const NONE = fail("root MFA is not enabled");
export const rootHardwareMfaEnabled = defineCheck({
  id: "vigil.iam.root-hardware-mfa-enabled",
  title: "Hardware MFA should be enabled for the root user",
  severity: "high",
  resourceType: "aws.iam.root",
  reads: ["hardwareMfaActive", "mfaActive"],
  rationale:
    "A virtual MFA lives on a phone that can be cloned, backed up or lost; a hardware key cannot be copied.",
  remediation:
    "Assign a FIDO security key or hardware TOTP token to the root user and remove the virtual MFA device.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-6",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.5"], fsbp: ["IAM.6"] },
  evaluate: (asset) => {
    if (!asset.config.mfaActive) return NONE;
    return asset.config.hardwareMfaActive ? HARDWARE : VIRTUAL;
  },
});
