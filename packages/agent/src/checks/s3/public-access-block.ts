import type { PublicAccessBlock } from "../../assets/index.ts";
import { type CheckOutcome, fail, pass } from "../check.ts";

export function blocksAll(block: PublicAccessBlock | null): boolean {
  return (
    block?.blockPublicAcls === true &&
    block.ignorePublicAcls &&
    block.blockPublicPolicy &&
    block.restrictPublicBuckets
  );
}

/** The verdict on one resource's own Block Public Access (`what`: "the access point"): all four on, or which are off. */
export function ownBlockVerdict(block: PublicAccessBlock | null, what: string): CheckOutcome {
  if (blocksAll(block)) return pass(`all four of ${what}'s Block Public Access settings are on`);
  if (block === null) return fail(`${what} has no Block Public Access configuration`);
  const off = Object.entries(block)
    .filter(([, on]) => !on)
    .map(([name]) => name);
  return fail(`Block Public Access settings off on ${what}: ${off.join(", ")}`);
}
