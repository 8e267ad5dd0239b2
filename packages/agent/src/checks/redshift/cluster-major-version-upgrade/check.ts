import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("major version upgrades are applied in the maintenance window");
const OFF = fail("major version upgrades are not allowed (AllowVersionUpgrade false)");
export const redshiftClusterMajorVersionUpgrade = defineCheck({
  id: "vigil.redshift.cluster-major-version-upgrade",
  title: "Amazon Redshift should have automatic upgrades to major versions enabled",
  severity: "medium",
  resourceType: "aws.redshift.cluster",
  reads: ["allowVersionUpgrade"],
  rationale:
    "A cluster that never takes major version upgrades keeps running engine versions whose security fixes it does not receive.",
  remediation: "aws redshift modify-cluster --cluster-identifier <id> --allow-version-upgrade",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-6",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-mgmt-maintenance-tracks",
  ],
  mappings: { cis: [], fsbp: ["Redshift.6"] },
  evaluate: (asset) => (asset.config.allowVersionUpgrade ? ON : OFF),
});
