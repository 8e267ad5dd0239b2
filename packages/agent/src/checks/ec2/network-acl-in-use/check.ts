import { defineCheck, fail, pass } from "../../check.ts";

export const ec2NetworkAclInUse = defineCheck({
  id: "vigil.ec2.network-acl-in-use",
  title: "Unused Network Access Control Lists should be removed",
  severity: "low",
  resourceType: "aws.ec2.network-acl",
  reads: ["isDefault", "subnetIds"],
  rationale:
    "A network ACL no subnet uses protects nothing, yet reads as protection in reviews and audits; associated later by mistake, its forgotten rules apply at once.",
  remediation:
    "aws ec2 delete-network-acl --network-acl-id <id> (or associate it: aws ec2 replace-network-acl-association --association-id <association> --network-acl-id <id>).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-16",
    "https://docs.aws.amazon.com/vpc/latest/userguide/network-acls.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.16"] },
  evaluate: (asset) => {
    // A VPC's default network ACL cannot be deleted: FSBP does not report it.
    if (asset.config.isDefault) return undefined;
    const n = asset.config.subnetIds.length;
    return n > 0 ? pass(`associated with ${n} subnet(s)`) : fail("associated with no subnet");
  },
});
