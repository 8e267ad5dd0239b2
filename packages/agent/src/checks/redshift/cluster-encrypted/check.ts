import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the cluster is encrypted at rest");
const OFF = fail("the cluster is not encrypted at rest");
export const redshiftClusterEncrypted = defineCheck({
  id: "vigil.redshift.cluster-encrypted",
  title: "Redshift clusters should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.redshift.cluster",
  reads: ["encrypted"],
  rationale:
    "Encryption at rest protects the data blocks, backups and snapshots of the warehouse from anyone who reaches the storage without going through Redshift and KMS.",
  remediation: "aws redshift modify-cluster --cluster-identifier <id> --encrypted --kms-key-id <key>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-10",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html",
  ],
  mappings: { cis: [], fsbp: ["Redshift.10"] },
  evaluate: (asset) => (asset.config.encrypted ? ON : OFF),
});
