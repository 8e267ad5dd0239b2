import { lazySchema } from "@vigil/events";
import * as z from "zod";
import type { CheckEntry } from "../checks/check.ts";

/** A named group of checks that can be enabled as a whole. */
export interface Policy {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly checkIds: readonly string[];
}

export function builtInPolicies(catalogue: readonly CheckEntry[]): readonly Policy[] {
  return [
    {
      id: "vigil-default",
      title: "Vigil default",
      description: "Every check in the catalogue.",
      checkIds: catalogue.map((c) => c.id),
    },
    {
      id: "cis-aws-5.0",
      title: "CIS AWS Foundations Benchmark v5.0",
      description: "Checks mapped to a CIS AWS Foundations Benchmark v5.0 recommendation.",
      checkIds: catalogue.filter((c) => c.mappings.cis.length > 0).map((c) => c.id),
    },
    {
      id: "aws-fsbp",
      title: "AWS Foundational Security Best Practices",
      description: "Checks mapped to an AWS Foundational Security Best Practices control.",
      checkIds: catalogue.filter((c) => c.mappings.fsbp.length > 0).map((c) => c.id),
    },
  ];
}

/**
 * Which checks run: the union of the enabled policies, plus checks enabled one by one, minus
 * checks disabled one by one (disabling wins, so a noisy check can be switched off everywhere).
 */
export const checkSelectionSchema = lazySchema(() =>
  z.object({
    policies: z.array(z.string()).default(["vigil-default"]),
    enabledChecks: z.array(z.string()).default([]),
    disabledChecks: z.array(z.string()).default([]),
  }),
);
export type CheckSelection = z.input<typeof checkSelectionSchema>;

/** A selection that names a policy or check that does not exist: a configuration mistake to fix, not to ignore. */
export class CheckSelectionError extends Error {
  override readonly name = "CheckSelectionError";
  constructor(
    readonly kind: "unknown-policy" | "unknown-check",
    readonly unknownId: string,
    readonly known: readonly string[],
  ) {
    super(
      `${kind === "unknown-policy" ? "Policy" : "Check"} "${unknownId}" does not exist; ` +
        `use one of: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", ..." : ""}`,
    );
  }
}

export type SelectionResult<C extends CheckEntry = CheckEntry> =
  | { readonly ok: true; readonly checks: readonly C[] }
  | { readonly ok: false; readonly error: CheckSelectionError };

/** Resolves a selection to checks, in catalogue order. */
export function selectChecks<C extends CheckEntry>(
  selection: CheckSelection,
  catalogue: readonly C[],
  policies: readonly Policy[] = builtInPolicies(catalogue),
): SelectionResult<C> {
  const { policies: policyIds, enabledChecks, disabledChecks } = checkSelectionSchema.parse(selection);
  const knownChecks = new Set(catalogue.map((c) => c.id));
  const byPolicy = new Map(policies.map((p) => [p.id, p]));
  const chosen = new Set<string>();
  for (const id of policyIds) {
    const policy = byPolicy.get(id);
    if (!policy)
      return { ok: false, error: new CheckSelectionError("unknown-policy", id, [...byPolicy.keys()]) };
    for (const checkId of policy.checkIds) chosen.add(checkId);
  }
  for (const id of [...enabledChecks, ...disabledChecks]) {
    if (!knownChecks.has(id))
      return { ok: false, error: new CheckSelectionError("unknown-check", id, [...knownChecks]) };
  }
  for (const id of enabledChecks) chosen.add(id);
  for (const id of disabledChecks) chosen.delete(id);
  return { ok: true, checks: catalogue.filter((c) => chosen.has(c.id)) };
}
