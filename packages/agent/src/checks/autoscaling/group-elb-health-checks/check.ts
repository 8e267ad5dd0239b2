import { defineCheck, fail, pass } from "../../check.ts";

const ELB = pass("the group attached to a load balancer uses its health checks");
const EC2_ONLY = fail(
  "the group is attached to a load balancer but checks instance health with EC2 status checks only",
);

export const groupElbHealthChecks = defineCheck({
  id: "vigil.autoscaling.group-elb-health-checks",
  title: "Auto Scaling groups associated with a load balancer should use load balancer health checks",
  severity: "low",
  resourceType: "aws.autoscaling.group",
  reads: ["loadBalancerAttached", "healthCheckType"],
  rationale:
    "EC2 status checks only see the instance; the load balancer's health checks see the application, so a group that ignores them keeps serving from instances whose application is down.",
  remediation:
    "aws autoscaling update-auto-scaling-group --auto-scaling-group-name <name> --health-check-type ELB --health-check-grace-period 300",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-1",
    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html",
  ],
  mappings: { cis: [], fsbp: ["AutoScaling.1"] },
  evaluate: (asset) => {
    if (!asset.config.loadBalancerAttached) return undefined;
    return asset.config.healthCheckType.split(",").includes("ELB") ? ELB : EC2_ONLY;
  },
});
