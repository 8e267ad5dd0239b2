import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RESOURCE_TYPES } from "../../src/assets/index.ts";
import { syntheticAssets } from "../../src/assets/synthetic.ts";
import { CATALOGUE, type CheckSelection, evaluate, type Mute, selectChecks } from "../../src/checks/index.ts";

const CHECK_IDS = CATALOGUE.map((c) => c.id);
const BASE = Date.parse("2025-06-01T00:00:00Z");

const scenario = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    count: fc.integer({ min: 0, max: 80 }),
    types: fc.subarray(RESOURCE_TYPES, { minLength: 1 }),
    policies: fc.subarray(["vigil-default", "cis-aws-5.0", "aws-fsbp"]),
    enabledChecks: fc.subarray(CHECK_IDS, { maxLength: 5 }),
    disabledChecks: fc.subarray(CHECK_IDS, { maxLength: 10 }),
    nowOffsetDays: fc.integer({ min: -400, max: 400 }),
    mutes: fc.array(
      fc.record({
        checkId: fc.oneof(fc.constant("*"), fc.constantFrom(...CHECK_IDS)),
        byTag: fc.boolean(),
        assetIndex: fc.nat(),
        tagValue: fc.constantFrom("prod", "dev"),
        expiresInDays: fc.integer({ min: -30, max: 30 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map((s) => {
    const assets = syntheticAssets({ count: s.count, seed: s.seed, types: s.types });
    const now = BASE + s.nowOffsetDays * 86_400_000;
    const mutes: Mute[] = s.mutes.map((m, i) => ({
      id: `m-${i}`,
      owner: "owner",
      reason: "reason",
      expiresAt: new Date(now + m.expiresInDays * 86_400_000).toISOString(),
      match:
        m.byTag || assets.length === 0
          ? { checkId: m.checkId, tag: { key: "env", value: m.tagValue } }
          : { checkId: m.checkId, arn: assets[m.assetIndex % assets.length]?.arn },
    }));
    const selection: CheckSelection = {
      policies: s.policies,
      enabledChecks: s.enabledChecks,
      disabledChecks: s.disabledChecks,
    };
    return { assets, now, mutes, selection };
  });

describe("evaluate (properties)", () => {
  it("is deterministic", () => {
    fc.assert(
      fc.property(scenario, ({ assets, now, mutes, selection }) => {
        const a = evaluate(assets, { now, mutes, selection });
        const b = evaluate(structuredClone(assets), { now, mutes, selection });
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it("only reports enabled checks that apply to the asset's type, and counts every result", () => {
    fc.assert(
      fc.property(scenario, ({ assets, now, mutes, selection }) => {
        const selected = selectChecks(selection, CATALOGUE);
        if (!selected.ok) throw selected.error;
        const enabled = new Map(selected.checks.map((c) => [c.id, c]));
        const report = evaluate(assets, { now, mutes, selection });
        expect(report.reports.map((r) => r.asset.arn)).toEqual(assets.map((a) => a.arn));
        const counts = { pass: 0, fail: 0, muted: 0, error: 0 };
        for (const { asset, results } of report.reports) {
          expect(new Set(results.map((r) => r.checkId)).size).toBe(results.length);
          for (const result of results) {
            expect(enabled.get(result.checkId)?.resourceType).toBe(asset.type);
            counts[result.status]++;
          }
        }
        expect(report.summary).toMatchObject({ ...counts, assets: assets.length });
        expect(report.summary.evaluations).toBe(counts.pass + counts.fail + counts.muted + counts.error);
        expect(counts.error).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it("mutes only failures, only with an active matching mute, and changes nothing else", () => {
    fc.assert(
      fc.property(scenario, ({ assets, now, mutes, selection }) => {
        const unmuted = evaluate(assets, { now, selection });
        const muted = evaluate(assets, { now, mutes, selection });
        muted.reports.forEach((report, i) => {
          const asset = assets[i];
          report.results.forEach((result, j) => {
            const before = unmuted.reports[i]?.results[j];
            expect(result.checkId).toBe(before?.checkId);
            if (result.status !== "muted") {
              expect(result.status).toBe(before?.status);
              return;
            }
            expect(before?.status).toBe("fail");
            const applied = mutes.find((m) => m.id === result.muteId);
            expect(applied).toBeDefined();
            expect(Date.parse(applied?.expiresAt ?? "")).toBeGreaterThan(now);
            expect([result.checkId, "*"]).toContain(applied?.match.checkId);
            if (applied?.match.arn) expect(applied.match.arn).toBe(asset?.arn);
            if (applied?.match.tag) expect(asset?.tags[applied.match.tag.key]).toBe(applied.match.tag.value);
          });
        });
      }),
      { numRuns: 60 },
    );
  });
});
