import type { AnyCheck } from "../check.ts";
import { ACCOUNT_CHECKS } from "./accounts.ts";
import { FILE_CHECKS } from "./files.ts";
import { KERNEL_CHECKS } from "./kernel.ts";
import { SSH_CHECKS } from "./ssh.ts";
import { SYSTEM_CHECKS } from "./system.ts";

/** The operating-system checks the EBS scanner's facts are evaluated against (`aws.ec2.instance-os`). */
export const OS_CHECKS: readonly AnyCheck[] = Object.freeze([
  ...SSH_CHECKS,
  ...ACCOUNT_CHECKS,
  ...FILE_CHECKS,
  ...KERNEL_CHECKS,
  ...SYSTEM_CHECKS,
]);
