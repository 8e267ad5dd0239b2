import { defineCheck, fail, pass } from "../../check.ts";

export const redshiftClusterPortRestricted = defineCheck({
  id: "vigil.redshift.cluster-port-restricted",
  title: "Redshift security groups should allow ingress on the cluster port only from restricted origins",
  severity: "high",
  resourceType: "aws.redshift.cluster",
  reads: ["securityGroupsOpenOnPort"],
  rationale:
    "A security group that admits the cluster port from 0.0.0.0/0 or ::/0 leaves only the database's own login between the internet and the warehouse (once the cluster or its network path is reachable).",
  remediation:
    "aws ec2 revoke-security-group-ingress --group-id <group> --protocol tcp --port <cluster port> --cidr 0.0.0.0/0 (and ::/0 with --ip-permissions), then allow only the clients' CIDRs or security groups (console: EC2 > Security Groups > Inbound rules)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-15",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/rs-security-group-public-private.html",
  ],
  mappings: { cis: [], fsbp: ["Redshift.15"] },
  evaluate: (asset) => {
    const open = asset.config.securityGroupsOpenOnPort;
    return open.length === 0
      ? pass("no security group of the cluster admits its port from anywhere")
      : fail(`security groups admit the cluster port from anywhere: ${open.join(", ")}`);
  },
});
