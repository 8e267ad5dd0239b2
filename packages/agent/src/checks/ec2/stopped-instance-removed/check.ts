import { daysSince, defineCheck, fail, pass } from "../../check.ts";

/** AWS Config's ec2-stopped-instance as FSBP EC2.4 sets it. */
const ALLOWED_DAYS = 30;

export const stoppedInstanceRemoved = defineCheck({
  id: "vigil.ec2.stopped-instance-removed",
  title: "Stopped EC2 instances should be removed after a specified time period (30 days)",
  severity: "medium",
  resourceType: "aws.ec2.instance",
  reads: ["state", "stoppedAt"],
  rationale:
    "An instance stopped for weeks keeps its disks, roles and network interfaces, misses every patch, and runs unpatched again the day someone starts it.",
  remediation:
    "Snapshot what must be kept (aws ec2 create-snapshot), then aws ec2 terminate-instances --instance-ids <id> (console: EC2 > Instances > Instance state > Terminate).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-4",
    "https://docs.aws.amazon.com/config/latest/developerguide/ec2-stopped-instance.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.4"] },
  evaluate: (asset, { now }) => {
    const { state, stoppedAt } = asset.config;
    if (state !== "stopped") return pass(`the instance is ${state}`);
    // Stopped, but AWS's reason names no time: how long is not known.
    if (stoppedAt === undefined) return undefined;
    const days = daysSince(stoppedAt, now);
    return days > ALLOWED_DAYS
      ? fail(`the instance has been stopped for ${days} days`)
      : pass(`the instance stopped ${days} days ago`);
  },
});
