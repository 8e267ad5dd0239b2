import { defineCheck, fail, pass } from "../../check.ts";

export const daxClusterEncryptedAtRest = defineCheck({
  id: "vigil.dax.cluster-encrypted-at-rest",
  title: "DynamoDB Accelerator (DAX) clusters should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.dax.cluster",
  reads: ["encryptedAtRest"],
  rationale:
    "A DAX cluster caches the table's items on its nodes' disks; without server-side encryption that copy of the data, and its logs, sit unencrypted outside DynamoDB's own encryption.",
  remediation:
    "Encryption at rest is chosen at creation: create a new cluster with aws dax create-cluster --sse-specification Enabled=true …, move clients to it, and delete the old one (console: DynamoDB > DAX > Clusters > Create cluster > Encryption)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-3",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html",
  ],
  mappings: { cis: [], fsbp: ["DynamoDB.3"] },
  evaluate: (asset) =>
    asset.config.encryptedAtRest
      ? pass("server-side encryption is enabled")
      : fail("server-side encryption is not enabled (SSEDescription.Status is not ENABLED)"),
});
