import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("routing.http.drop_invalid_header_fields.enabled is true");
const OFF = fail("routing.http.drop_invalid_header_fields.enabled is false");

export const albDropsInvalidHeaders = defineCheck({
  id: "vigil.elbv2.alb-drops-invalid-headers",
  title: "Application Load Balancers should be configured to drop invalid HTTP headers",
  severity: "medium",
  resourceType: "aws.elbv2.load-balancer",
  reads: ["loadBalancerType", "dropInvalidHeaderFields"],
  rationale:
    "Header fields that are not valid HTTP are forwarded to targets by default; removing them closes a path to HTTP desync (request smuggling) attacks.",
  remediation:
    "aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true (console: EC2 > Load Balancers > Attributes).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-4",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes",
  ],
  mappings: { cis: [], fsbp: ["ELB.4"] },
  evaluate: (asset) => {
    if (asset.config.loadBalancerType !== "application") return undefined;
    return asset.config.dropInvalidHeaderFields === true ? ON : OFF;
  },
});
