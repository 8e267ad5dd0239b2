import { defineCheck, fail, pass } from "../../check.ts";

const CUSTOM = pass("the admin user name is not the default");
const DEFAULT = fail("the admin user name is the default awsuser");
export const redshiftClusterCustomAdminUsername = defineCheck({
  id: "vigil.redshift.cluster-custom-admin-username",
  title: "Amazon Redshift clusters should not use the default Admin username",
  severity: "high",
  resourceType: "aws.redshift.cluster",
  reads: ["masterUsername"],
  rationale:
    "The default admin user name is the first one a password-guessing attack tries; a name of your own leaves the attacker both the name and the password to guess.",
  remediation:
    "Create a new cluster with --master-username <name> (from a snapshot: aws redshift restore-from-cluster-snapshot), then move clients to it; the admin user name cannot be changed in place",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-8",
    "https://docs.aws.amazon.com/redshift/latest/gsg/rs-gsg-prereq.html",
  ],
  mappings: { cis: [], fsbp: ["Redshift.8"] },
  evaluate: (asset) => (asset.config.masterUsername === "awsuser" ? DEFAULT : CUSTOM),
});
