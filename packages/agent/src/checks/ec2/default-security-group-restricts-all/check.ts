import { defineCheck, fail, pass } from "../../check.ts";

const EMPTY = pass("the default security group has no rules");

export const defaultSecurityGroupRestrictsAll = defineCheck({
  id: "vigil.ec2.default-security-group-restricts-all",
  title: "The default security group of every VPC should restrict all traffic",
  severity: "high",
  resourceType: "aws.ec2.security-group",
  reads: ["groupName", "ipPermissions", "ipPermissionsEgress"],
  rationale:
    "Resources launched without an explicit security group land in the default one; if it has rules, they get network access nobody chose.",
  remediation:
    "Remove every inbound and outbound rule from the VPC's default security group and attach purpose-built groups to resources instead.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["5.5"], fsbp: ["EC2.2"] },
  evaluate: (asset) => {
    if (asset.config.groupName !== "default") return undefined;
    const inbound = asset.config.ipPermissions.length;
    const outbound = asset.config.ipPermissionsEgress.length;
    if (inbound === 0 && outbound === 0) return EMPTY;
    return fail(`the default security group has ${inbound} inbound and ${outbound} outbound rule(s)`);
  },
});
