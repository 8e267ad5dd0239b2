import type { AssetOf } from "../../assets/index.ts";
import { type CheckOutcome, fail, pass } from "../check.ts";

type PasswordPolicy = AssetOf<"aws.iam.password-policy">["config"];

/** What a password policy must require (an absent setting is IAM's default: 8 characters, nothing else). */
export interface PasswordRequirements {
  readonly symbols: boolean;
  readonly minimumLength: number;
  readonly remembered?: number;
  readonly maxAgeDays?: number;
}

/** A verdict naming every requirement the account's password policy misses. */
export function passwordPolicyVerdict(
  c: PasswordPolicy,
  wanted: PasswordRequirements,
  passEvidence: string,
): CheckOutcome {
  if (!c.exists) return fail("no account password policy is set");
  const missing = [
    c.requireUppercaseCharacters !== true && "upper case",
    c.requireLowercaseCharacters !== true && "lower case",
    wanted.symbols && c.requireSymbols !== true && "symbols",
    c.requireNumbers !== true && "numbers",
    (c.minimumPasswordLength ?? 8) < wanted.minimumLength && `${wanted.minimumLength} characters`,
    wanted.remembered !== undefined &&
      (c.passwordReusePrevention ?? 0) < wanted.remembered &&
      `${wanted.remembered} remembered`,
    // Touched only where asked for: a check reads only the fields it declares.
    wanted.maxAgeDays !== undefined &&
      !((c.maxPasswordAge ?? 0) > 0 && (c.maxPasswordAge ?? 0) <= wanted.maxAgeDays) &&
      `${wanted.maxAgeDays}-day expiry`,
  ].filter((m): m is string => typeof m === "string");
  return missing.length === 0
    ? pass(passEvidence)
    : fail(`the policy does not require: ${missing.join(", ")}`);
}
