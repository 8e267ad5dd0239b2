import { defineCheck, fail, pass } from "../../check.ts";

const CUSTOM = pass("the database name is not the default");
const DEFAULT = fail("the database name is the default dev");
export const redshiftClusterCustomDatabaseName = defineCheck({
  id: "vigil.redshift.cluster-custom-database-name",
  title: "Redshift clusters should not use the default database name",
  severity: "medium",
  resourceType: "aws.redshift.cluster",
  reads: ["dbName"],
  rationale:
    "The default database name is public knowledge: one of your own is one more thing an attacker who reaches the endpoint has to guess.",
  remediation:
    "Create a new cluster with --db-name <name> and move the data and clients to it; the first database of a cluster cannot be renamed",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-9",
    "https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["Redshift.9"] },
  evaluate: (asset) => (asset.config.dbName === "dev" ? DEFAULT : CUSTOM),
});
