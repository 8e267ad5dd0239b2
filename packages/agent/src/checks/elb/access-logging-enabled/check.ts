import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("AccessLog.Enabled is true");
const OFF = fail("AccessLog.Enabled is false");

export const classicAccessLoggingEnabled = defineCheck({
  id: "vigil.elb.access-logging-enabled",
  title: "Classic Load Balancers should have access logging enabled",
  severity: "medium",
  resourceType: "aws.elb.load-balancer",
  reads: ["accessLogEnabled"],
  rationale:
    "Access logs record every request the load balancer received: without them an attack or an outage cannot be reconstructed.",
  remediation:
    "aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes 'AccessLog={Enabled=true,S3BucketName=<bucket>,EmitInterval=60}'.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-5",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.5"] },
  evaluate: (asset) => (asset.config.accessLogEnabled ? ON : OFF),
});
