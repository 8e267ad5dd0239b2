import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("automatic key rotation is enabled");
const OFF = fail("automatic key rotation is disabled");
export const keyRotationEnabled = defineCheck({
  id: "vigil.kms.key-rotation-enabled",
  title: "Rotation should be enabled for customer-managed symmetric KMS keys",
  severity: "medium",
  resourceType: "aws.kms.key",
  reads: ["keyManager", "keyRotationEnabled", "keySpec", "keyState", "origin"],
  rationale:
    "Automatic rotation limits how much data one key version protects and is what auditors expect of long-lived keys.",
  remediation: "aws kms enable-key-rotation --key-id <key-id>",
  references: [
    "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["3.6"], fsbp: [], securityHub: ["KMS.4"] },
  evaluate: (asset) => {
    const c = asset.config;
    // Rotation only exists for enabled, customer-managed, symmetric keys with AWS-generated material.
    if (c.keyManager !== "CUSTOMER" || c.keySpec !== "SYMMETRIC_DEFAULT" || c.origin !== "AWS_KMS")
      return undefined;
    if (c.keyState !== "Enabled" || c.keyRotationEnabled === null) return undefined;
    return c.keyRotationEnabled ? ON : OFF;
  },
});
