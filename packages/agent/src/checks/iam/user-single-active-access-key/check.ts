import { defineCheck, fail, pass } from "../../check.ts";

const OK = pass("the user has at most one active access key");
export const userSingleActiveAccessKey = defineCheck({
  id: "vigil.iam.user-single-active-access-key",
  title: "IAM users should have at most one active access key",
  severity: "medium",
  resourceType: "aws.iam.user",
  reads: ["accessKeys"],
  rationale: "Two active keys usually mean a rotation that was never finished, leaving an old key alive.",
  remediation:
    "Confirm which key is in use (aws iam get-access-key-last-used) and deactivate, then delete, the other.",
  references: ["https://www.cisecurity.org/benchmark/amazon_web_services"],
  mappings: { cis: ["1.12"], fsbp: [] },
  evaluate: (asset) => {
    let active = 0;
    for (const key of asset.config.accessKeys) if (key.status === "Active") active++;
    return active <= 1 ? OK : fail(`the user has ${active} active access keys`);
  },
});
