import type { AssetOf } from "../../assets/index.ts";
import { daysSince, fail, pass } from "../check.ts";

/** A credential never used counts from its creation, as CIS 1.11 and AWS Config's rule do. */
function idleDays(lastUsed: string | null, created: string, now: number): number {
  return daysSince(lastUsed ?? created, now);
}

const NO_CREDENTIALS = pass("the user has no console password and no active access keys");

/**
 * The user's console password and active access keys, each used within `maxIdleDays` (CIS 1.11:
 * 45 days, IAM.22; AWS Config's iam-user-unused-credentials-check as FSBP IAM.8 sets it: 90 days).
 */
export function unusedCredentialsVerdict(asset: AssetOf<"aws.iam.user">, now: number, maxIdleDays: number) {
  const c = asset.config;
  let active = false;
  if (c.passwordEnabled) {
    active = true;
    const idle = idleDays(c.passwordLastUsed, c.createDate, now);
    if (idle >= maxIdleDays) return fail(`the console password has been unused for ${idle} days`);
  }
  for (let i = 0; i < c.accessKeys.length; i++) {
    const key = c.accessKeys[i];
    if (key === undefined || key.status !== "Active") continue;
    active = true;
    const idle = idleDays(key.lastUsedDate, key.lastRotated, now);
    if (idle >= maxIdleDays) return fail(`active access key ${i + 1} has been unused for ${idle} days`);
  }
  return active ? pass(`every active credential was used within ${maxIdleDays} days`) : NO_CREDENTIALS;
}

export const UNUSED_CREDENTIAL_READS = [
  "accessKeys",
  "createDate",
  "passwordEnabled",
  "passwordLastUsed",
] as const;
