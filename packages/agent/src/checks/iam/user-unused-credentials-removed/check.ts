import { defineCheck } from "../../check.ts";
import { UNUSED_CREDENTIAL_READS, unusedCredentialsVerdict } from "../unused-credentials.ts";

/** AWS Config's iam-user-unused-credentials-check as the FSBP control sets it. */
const MAX_IDLE_DAYS = 90;

export const userUnusedCredentialsRemoved = defineCheck({
  id: "vigil.iam.user-unused-credentials-removed",
  title: "Unused IAM user credentials (90 days) should be removed",
  severity: "medium",
  resourceType: "aws.iam.user",
  reads: [...UNUSED_CREDENTIAL_READS],
  rationale:
    "A password or access key nobody has used for three months is a credential nobody watches; removing it takes it off the table for whoever finds it.",
  remediation:
    "aws iam delete-login-profile --user-name <user> for an unused password; aws iam update-access-key --user-name <user> --access-key-id <id> --status Inactive, then aws iam delete-access-key, for an unused key (console: IAM > Users > Security credentials).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-8",
    "https://docs.aws.amazon.com/config/latest/developerguide/iam-user-unused-credentials-check.html",
  ],
  mappings: { cis: [], fsbp: ["IAM.8"] },
  evaluate: (asset, { now }) => unusedCredentialsVerdict(asset, now, MAX_IDLE_DAYS),
});
