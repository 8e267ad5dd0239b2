import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("enhanced VPC routing is enabled");
const OFF = fail("enhanced VPC routing is disabled: COPY and UNLOAD traffic bypasses the VPC");
export const redshiftClusterEnhancedVpcRouting = defineCheck({
  id: "vigil.redshift.cluster-enhanced-vpc-routing",
  title: "Amazon Redshift clusters should use enhanced VPC routing",
  severity: "high",
  resourceType: "aws.redshift.cluster",
  reads: ["enhancedVpcRouting"],
  rationale:
    "With enhanced VPC routing, COPY and UNLOAD traffic goes through the VPC, where security groups, endpoint policies, network ACLs and flow logs apply to it.",
  remediation: "aws redshift modify-cluster --cluster-identifier <id> --enhanced-vpc-routing",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-7",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html",
  ],
  mappings: { cis: [], fsbp: ["Redshift.7"] },
  evaluate: (asset) => (asset.config.enhancedVpcRouting ? ON : OFF),
});
