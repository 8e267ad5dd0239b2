import { defineCheck, fail, pass } from "../../check.ts";

const SCOPED = pass("the trust policy names its principals");
const PUBLIC = fail("the trust policy allows any AWS principal to assume the role");
export const roleTrustNotPublic = defineCheck({
  id: "vigil.iam.role-trust-not-public",
  title: "IAM role trust policies should not allow any AWS principal",
  severity: "critical",
  resourceType: "aws.iam.role",
  reads: ["trustAllowsAnyPrincipal"],
  rationale:
    "A trust policy with Principal * and no restricting condition lets any AWS account in the world assume the role.",
  remediation:
    "Name the accounts or services that may assume the role in the trust policy, or add aws:PrincipalOrgID / sts:ExternalId conditions.",
  references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html"],
  mappings: { cis: [], fsbp: [] },
  evaluate: (asset) => (asset.config.trustAllowsAnyPrincipal ? PUBLIC : SCOPED),
});
