import { scanningCheck } from "../scanning.ts";

export const ec2ScanningEnabled = scanningCheck({
  name: "ec2-scanning-enabled",
  control: 1,
  what: "EC2 scanning",
  field: "ec2Status",
  resourceType: "EC2",
  rationale:
    "Inspector scans EC2 instances for vulnerable software and network exposure; without it a vulnerable package goes unnoticed.",
});
