import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("access_logs.s3.enabled is true");
const OFF = fail("access_logs.s3.enabled is false");

export const albAccessLoggingEnabled = defineCheck({
  id: "vigil.elbv2.alb-access-logging-enabled",
  title: "Application Load Balancers should have access logging enabled",
  severity: "medium",
  resourceType: "aws.elbv2.load-balancer",
  reads: ["loadBalancerType", "accessLogsEnabled"],
  rationale:
    "Access logs record every request the load balancer received (client, path, latency, response): without them an attack or an outage cannot be reconstructed.",
  remediation:
    "aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket> (console: EC2 > Load Balancers > Attributes > Monitoring).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-5",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.5"] },
  evaluate: (asset) => {
    if (asset.config.loadBalancerType !== "application") return undefined;
    return asset.config.accessLogsEnabled ? ON : OFF;
  },
});
