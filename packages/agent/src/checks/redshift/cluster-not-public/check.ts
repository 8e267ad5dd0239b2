import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the cluster is not publicly accessible");
const PUBLIC = fail("the cluster is publicly accessible (PubliclyAccessible true)");
export const redshiftClusterNotPublic = defineCheck({
  id: "vigil.redshift.cluster-not-public",
  title: "Amazon Redshift clusters should prohibit public access",
  severity: "critical",
  resourceType: "aws.redshift.cluster",
  reads: ["publiclyAccessible"],
  rationale:
    "A publicly accessible cluster has a DNS name that resolves to a public IP address: only its security groups stand between the data warehouse and the internet.",
  remediation: "aws redshift modify-cluster --cluster-identifier <id> --no-publicly-accessible",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-1",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html",
  ],
  mappings: { cis: [], fsbp: ["Redshift.1"] },
  evaluate: (asset) => (asset.config.publiclyAccessible ? PUBLIC : PRIVATE),
});
