import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("ConnectionDraining.Enabled is true");
const OFF = fail("ConnectionDraining.Enabled is false");

export const classicConnectionDrainingEnabled = defineCheck({
  id: "vigil.elb.connection-draining-enabled",
  title: "Classic Load Balancers should have connection draining enabled",
  severity: "medium",
  resourceType: "aws.elb.load-balancer",
  reads: ["connectionDrainingEnabled"],
  rationale:
    "Without connection draining, requests in flight to an instance being deregistered or found unhealthy are cut off.",
  remediation:
    "aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes 'ConnectionDraining={Enabled=true,Timeout=300}'.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-7",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-conn-drain.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.7"] },
  evaluate: (asset) => (asset.config.connectionDrainingEnabled ? ON : OFF),
});
