import { protectionCheck } from "../protection.ts";

export const s3ProtectionEnabled = protectionCheck({
  name: "s3-protection-enabled",
  control: 10,
  plan: "S3 Protection",
  ways: [["S3_DATA_EVENTS"]],
  features: "Name=S3_DATA_EVENTS,Status=ENABLED",
  rationale:
    "It analyses S3 data events (object reads, writes, deletes) to detect exfiltration and destruction of bucket data.",
});
