import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("CrossZoneLoadBalancing.Enabled is true");
const OFF = fail("CrossZoneLoadBalancing.Enabled is false");

export const classicCrossZoneLoadBalancingEnabled = defineCheck({
  id: "vigil.elb.cross-zone-load-balancing-enabled",
  title: "Classic Load Balancers should have cross-zone load balancing enabled",
  severity: "medium",
  resourceType: "aws.elb.load-balancer",
  reads: ["crossZoneLoadBalancingEnabled"],
  rationale:
    "Without cross-zone load balancing each zone's node sends traffic only to its own zone's instances, so an uneven spread of instances overloads some and a zone's loss hits harder.",
  remediation:
    "aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes 'CrossZoneLoadBalancing={Enabled=true}'.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-9",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.9"] },
  evaluate: (asset) => (asset.config.crossZoneLoadBalancingEnabled ? ON : OFF),
});
