import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("automatic minor version upgrade is enabled");
const OFF = fail("automatic minor version upgrade is disabled");
export const replicationInstanceAutoMinorVersionUpgrade = defineCheck({
  id: "vigil.dms.replication-instance-auto-minor-version-upgrade",
  title: "DMS replication instances should have automatic minor version upgrade enabled",
  severity: "medium",
  resourceType: "aws.dms.replication-instance",
  reads: ["autoMinorVersionUpgrade"],
  rationale:
    "Minor engine versions carry security fixes; applying them automatically in the maintenance window keeps the replication engine patched.",
  remediation:
    "aws dms modify-replication-instance --replication-instance-arn <arn> --auto-minor-version-upgrade --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-6",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.Modifying.html",
  ],
  mappings: { cis: [], fsbp: ["DMS.6"] },
  evaluate: (asset) => (asset.config.autoMinorVersionUpgrade ? ON : OFF),
});
