import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("deletion protection is enabled");
const OFF = fail("deletion protection is disabled");
export const docDbClusterDeletionProtection = defineCheck({
  id: "vigil.docdb.cluster-deletion-protection",
  title: "Amazon DocumentDB clusters should have deletion protection enabled",
  severity: "medium",
  resourceType: "aws.docdb.cluster",
  reads: ["deletionProtection"],
  rationale: "Deletion protection stops a mistaken or malicious call from deleting the cluster and its data.",
  remediation: "aws docdb modify-db-cluster --db-cluster-identifier <id> --deletion-protection",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-5",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-delete.html#db-cluster-deletion-protection",
  ],
  mappings: { cis: [], fsbp: ["DocumentDB.5"] },
  evaluate: (asset) => (asset.config.deletionProtection ? ON : OFF),
});
