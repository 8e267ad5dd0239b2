import { type CheckOutcome, fail, pass } from "../check.ts";

/** The verdict on a bucket's enabled lifecycle rules (`what`: "the bucket", "the directory bucket"). */
export function lifecycleVerdict(enabledRules: number, what: string): CheckOutcome {
  return enabledRules > 0
    ? pass(`${enabledRules} lifecycle rule${enabledRules === 1 ? " is" : "s are"} enabled`)
    : fail(`${what} has no enabled lifecycle rule`);
}
