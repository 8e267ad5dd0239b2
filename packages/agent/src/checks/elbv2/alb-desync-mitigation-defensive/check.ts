import { defineCheck, fail, pass } from "../../check.ts";

const SAFE = pass("the desync mitigation mode is defensive or strictest");
const MONITOR = fail("the desync mitigation mode is monitor: ambiguous requests reach the targets");

export const albDesyncMitigationDefensive = defineCheck({
  id: "vigil.elbv2.alb-desync-mitigation-defensive",
  title: "Application Load Balancers should use the defensive or strictest desync mitigation mode",
  severity: "medium",
  resourceType: "aws.elbv2.load-balancer",
  reads: ["loadBalancerType", "desyncMitigationMode"],
  rationale:
    "In monitor mode the load balancer forwards requests that front end and back end may parse differently, which lets an attacker smuggle requests past it (HTTP desync).",
  remediation:
    "aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=routing.http.desync_mitigation_mode,Value=defensive (console: EC2 > Load Balancers > Attributes).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-12",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode",
  ],
  mappings: { cis: [], fsbp: ["ELB.12"] },
  evaluate: (asset) => {
    if (asset.config.loadBalancerType !== "application") return undefined;
    const mode = asset.config.desyncMitigationMode;
    return mode === "defensive" || mode === "strictest" ? SAFE : MONITOR;
  },
});
