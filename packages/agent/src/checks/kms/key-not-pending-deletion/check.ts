import { defineCheck, fail, pass } from "../../check.ts";

const PENDING = new Set(["PendingDeletion", "PendingReplicaDeletion"]);
const OK = pass("the key is not scheduled for deletion");
const SCHEDULED = fail("the key is scheduled for deletion");
export const keyNotPendingDeletion = defineCheck({
  id: "vigil.kms.key-not-pending-deletion",
  title: "Customer managed KMS keys should not be scheduled for deletion",
  severity: "critical",
  resourceType: "aws.kms.key",
  reads: ["keyManager", "keyState"],
  rationale:
    "Deleting a KMS key makes everything encrypted under it unrecoverable; a key scheduled for deletion by mistake must be cancelled before its waiting period ends.",
  remediation: "aws kms cancel-key-deletion --key-id <key-id> (then aws kms enable-key --key-id <key-id>)",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-3"],
  mappings: { cis: [], fsbp: ["KMS.3"] },
  // AWS managed keys are never deleted by customers.
  evaluate: ({ config: c }) =>
    c.keyManager !== "CUSTOMER" ? undefined : PENDING.has(c.keyState) ? SCHEDULED : OK,
});
