import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("IAM database authentication is enabled");
const OFF = fail("IAM database authentication is disabled");
export const neptuneClusterIamAuthentication = defineCheck({
  id: "vigil.neptune.cluster-iam-authentication",
  title: "Neptune DB clusters should have IAM database authentication enabled",
  severity: "medium",
  resourceType: "aws.neptune.cluster",
  reads: ["iamDatabaseAuthentication"],
  rationale:
    "Without IAM database authentication, anyone who reaches the cluster's endpoint on the network can query the graph: no credential is checked.",
  remediation:
    "aws neptune modify-db-cluster --db-cluster-identifier <id> --enable-iam-database-authentication --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-7",
    "https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html",
  ],
  mappings: { cis: [], fsbp: ["Neptune.7"] },
  evaluate: (asset) => (asset.config.iamDatabaseAuthentication ? ON : OFF),
});
