import { protectionCheck } from "../protection.ts";

export const rdsProtectionEnabled = protectionCheck({
  name: "rds-protection-enabled",
  control: 9,
  plan: "RDS Protection",
  ways: [["RDS_LOGIN_EVENTS"]],
  features: "Name=RDS_LOGIN_EVENTS,Status=ENABLED",
  rationale:
    "It profiles logins to Aurora and RDS databases to detect brute force and logins from unusual places.",
});
