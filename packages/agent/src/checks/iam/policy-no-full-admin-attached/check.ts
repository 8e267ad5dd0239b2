import { defineCheck, fail, pass } from "../../check.ts";

const SCOPED = pass("the policy does not allow Action * on Resource *");
const DETACHED = pass("the policy allows *:* but is not attached");
export const policyNoFullAdmin = defineCheck({
  id: "vigil.iam.policy-no-full-admin-attached",
  title: "IAM policies that allow full *:* administrative privileges should not be attached",
  severity: "high",
  resourceType: "aws.iam.policy",
  reads: ["allowsFullAdmin", "attachmentCount"],
  rationale:
    "A policy allowing every action on every resource defeats least privilege: any principal holding it can do anything, including disabling logging.",
  remediation:
    "Replace the policy with one scoped to the actions and resources the principals need, then detach it (aws iam detach-*-policy).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.15"], fsbp: ["IAM.1"] },
  evaluate: (asset) => {
    const { allowsFullAdmin, attachmentCount } = asset.config;
    if (!allowsFullAdmin) return SCOPED;
    return attachmentCount === 0
      ? DETACHED
      : fail(`the policy allows *:* and is attached to ${attachmentCount} principal(s)`);
  },
});
