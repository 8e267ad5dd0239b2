import { defineCheck, fail, pass } from "../../check.ts";

const OK = pass("no policies are attached directly to the user");
export const userNoDirectPolicies = defineCheck({
  id: "vigil.iam.user-permissions-through-groups",
  title: "IAM users should receive permissions only through groups",
  severity: "low",
  resourceType: "aws.iam.user",
  reads: ["attachedPolicyArns", "inlinePolicyNames"],
  rationale:
    "Policies attached to individual users are hard to review and tend to outlive the job they were granted for.",
  remediation:
    "Move the user's attached and inline policies to a group (or role), add the user to it, then detach and delete the user policies.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.14"], fsbp: ["IAM.2"] },
  evaluate: (asset) => {
    const attached = asset.config.attachedPolicyArns.length;
    const inline = asset.config.inlinePolicyNames.length;
    if (attached === 0 && inline === 0) return OK;
    return fail(`the user has ${attached} attached and ${inline} inline policies`);
  },
});
