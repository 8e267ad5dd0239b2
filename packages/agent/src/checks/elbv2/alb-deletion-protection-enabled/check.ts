import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("deletion_protection.enabled is true");
const OFF = fail("deletion_protection.enabled is false");

export const albDeletionProtectionEnabled = defineCheck({
  id: "vigil.elbv2.alb-deletion-protection-enabled",
  title: "Application Load Balancers should have deletion protection enabled",
  severity: "medium",
  resourceType: "aws.elbv2.load-balancer",
  reads: ["loadBalancerType", "deletionProtectionEnabled"],
  rationale:
    "Deleting a load balancer takes the application it fronts offline; deletion protection stops a mistaken command or a compromised automation from doing so.",
  remediation:
    "aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=deletion_protection.enabled,Value=true (console: EC2 > Load Balancers > Attributes).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-6",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection",
  ],
  mappings: { cis: [], fsbp: ["ELB.6"] },
  evaluate: (asset) => {
    if (asset.config.loadBalancerType !== "application") return undefined;
    return asset.config.deletionProtectionEnabled ? ON : OFF;
  },
});
