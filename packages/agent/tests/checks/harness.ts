import { describe, expect, it } from "vitest";
import { type Asset, parseAsset } from "../../src/assets/index.ts";
import { CATALOGUE, type CheckOutcome } from "../../src/checks/index.ts";
import { NOW } from "./aws-fixtures.ts";

/** One row of a table-driven check test: an asset built from AWS response shapes and what the check must decide. */
export interface CheckCase {
  readonly check: string;
  readonly name: string;
  readonly asset: Asset;
  /** `n/a`: the check must not report on this asset. */
  readonly expect: "pass" | "fail" | "n/a";
  /** When set, the evidence must match. */
  readonly evidence?: RegExp;
  readonly now?: string;
}

export function runCheckCases(service: string, cases: readonly CheckCase[]): void {
  describe(`${service} checks`, () => {
    it.each(cases.map((c) => [`${c.check}: ${c.name} -> ${c.expect}`, c] as const))("%s", (_, c) => {
      const check = CATALOGUE.find((k) => k.id === c.check);
      expect(check, `check ${c.check} is registered`).toBeDefined();
      if (!check) return;
      expect(c.asset.type).toBe(check.resourceType);
      const parsed = parseAsset(c.asset);
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);

      const evaluate = check.evaluate as (a: Asset, ctx: { now: number }) => CheckOutcome | undefined;
      const outcome = evaluate(c.asset, { now: Date.parse(c.now ?? NOW) });
      if (c.expect === "n/a") {
        expect(outcome).toBeUndefined();
        return;
      }
      expect(outcome?.status).toBe(c.expect);
      // Evidence is short prose: never the configuration, never identifiers like ARNs.
      expect(outcome?.evidence.length).toBeGreaterThan(0);
      expect(outcome?.evidence.length).toBeLessThanOrEqual(120);
      expect(outcome?.evidence).not.toMatch(/arn:aws|AKIA|[{}]/);
      if (c.evidence) expect(outcome?.evidence).toMatch(c.evidence);
    });
  });
}
