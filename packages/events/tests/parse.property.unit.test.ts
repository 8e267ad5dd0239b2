import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventTypes, exampleEvents, parseEvent } from "../src/index.ts";

describe("parseEvent never throws", () => {
  it("on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseEvent(value);
        expect(typeof r.ok).toBe("boolean");
        if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it("on events of a known type with random data and random envelope edits", () => {
    const examples = exampleEvents();
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.constantFrom(...eventTypes),
        fc.jsonValue(),
        fc.constantFrom("data", "id", "time", "source", "integrationid", "specversion"),
        (example, type, value, key) => {
          const mutated = { ...JSON.parse(JSON.stringify(example)), type, [key]: value };
          const r = parseEvent(mutated);
          // Every failure names at least one path, expectation and received value.
          if (!r.ok) for (const issue of r.error.issues) expect(issue.expected.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("mutating one leaf of a valid event either still parses or reports that leaf's path", () => {
    const examples = exampleEvents();
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.jsonValue(), fc.nat(), (example, value, pick) => {
        const copy = JSON.parse(JSON.stringify(example));
        const leaves = leafPaths(copy.data).map((p) => ["data", ...p]);
        const path = leaves[pick % leaves.length];
        if (!path) return;
        setAt(copy, path, value);
        const r = parseEvent(copy);
        if (!r.ok) {
          expect(r.error.issues.some((i) => path.join(".").startsWith(i.path.join(".")))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}

function setAt(target: Record<string | number, unknown>, path: (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[path.at(-1) as string | number] = value;
}
