import { describe, expect, it } from "vitest";
import { type Asset, parseAsset } from "../../src/assets/index.ts";
import { NOW } from "../../src/checks/_cases/aws.ts";
import type { CheckCase } from "../../src/checks/_cases/case.ts";
import { CATALOGUE, type CheckOutcome, guardedAsset, UnreadFieldError } from "../../src/checks/index.ts";

export type { CheckCase };

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
      if (c.expect === "error") {
        // As the evaluator runs it: a read of an unread field stops the check.
        expect(c.asset.unread).toBeDefined();
        expect(() => evaluate(guardedAsset(c.asset), { now: Date.parse(c.now ?? NOW) })).toThrow(
          UnreadFieldError,
        );
        return;
      }
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
