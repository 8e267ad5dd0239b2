import { defineCheck } from "../../check.ts";
import { UNUSED_CREDENTIAL_READS, unusedCredentialsVerdict } from "../unused-credentials.ts";

const MAX_IDLE_DAYS = 45;

export const userUnusedCredentialsDisabled = defineCheck({
  id: "vigil.iam.user-unused-credentials-disabled",
  title: "IAM credentials unused for 45 days or more should be disabled",
  severity: "medium",
  resourceType: "aws.iam.user",
  reads: [...UNUSED_CREDENTIAL_READS],
  rationale:
    "Dormant passwords and keys are forgotten by their owners but not by attackers; removing them shrinks what can be stolen.",
  remediation:
    "Remove the login profile (aws iam delete-login-profile) and deactivate keys (aws iam update-access-key --status Inactive) that have not been used for 45 days.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-22",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.11"], fsbp: [], securityHub: ["IAM.22"] },
  evaluate: (asset, { now }) => unusedCredentialsVerdict(asset, now, MAX_IDLE_DAYS),
});
