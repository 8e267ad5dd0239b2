import { defineCheck, fail, pass } from "../../check.ts";

const SAFE = pass("the desync mitigation mode is defensive or strictest");
const MONITOR = fail("the desync mitigation mode is monitor: ambiguous requests reach the instances");

export const classicDesyncMitigationDefensive = defineCheck({
  id: "vigil.elb.desync-mitigation-defensive",
  title: "Classic Load Balancers should use the defensive or strictest desync mitigation mode",
  severity: "medium",
  resourceType: "aws.elb.load-balancer",
  reads: ["desyncMitigationMode"],
  rationale:
    "In monitor mode the load balancer forwards requests that it and the instances may parse differently, which lets an attacker smuggle requests past it (HTTP desync).",
  remediation:
    "aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes 'AdditionalAttributes=[{Key=elb.http.desyncmitigationmode,Value=defensive}]'.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-14",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-desync-mitigation-mode.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.14"] },
  evaluate: (asset) => {
    const mode = asset.config.desyncMitigationMode;
    return mode === "defensive" || mode === "strictest" ? SAFE : MONITOR;
  },
});
