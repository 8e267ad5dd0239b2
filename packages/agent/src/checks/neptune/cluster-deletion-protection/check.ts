import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("deletion protection is enabled");
const OFF = fail("deletion protection is disabled");
export const neptuneClusterDeletionProtection = defineCheck({
  id: "vigil.neptune.cluster-deletion-protection",
  title: "Neptune DB clusters should have deletion protection enabled",
  severity: "low",
  resourceType: "aws.neptune.cluster",
  reads: ["deletionProtection"],
  rationale:
    "Deletion protection stops a mistaken or malicious call from deleting the cluster and its graph.",
  remediation:
    "aws neptune modify-db-cluster --db-cluster-identifier <id> --deletion-protection --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-4",
    "https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html",
  ],
  mappings: { cis: [], fsbp: ["Neptune.4"] },
  evaluate: (asset) => (asset.config.deletionProtection ? ON : OFF),
});
