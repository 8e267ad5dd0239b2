import { defineCheck, fail, pass } from "../../check.ts";

const NONE = pass("the root user has no access keys");
const SOME = fail("the root user has at least one access key");
export const rootNoAccessKeys = defineCheck({
  id: "vigil.iam.root-no-access-keys",
  title: "The root user should have no access keys",
  severity: "critical",
  resourceType: "aws.iam.root",
  reads: ["accessKeysPresent"],
  rationale:
    "Root access keys carry unrestricted power over the account and cannot be limited by any policy; leaked, they are a total compromise.",
  remediation:
    "Sign in as root, open Security credentials and delete every access key; use IAM roles for automation.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-4",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.3"], fsbp: ["IAM.4"] },
  evaluate: (asset) => (asset.config.accessKeysPresent ? SOME : NONE),
});
