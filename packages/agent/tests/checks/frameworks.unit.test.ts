import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AWS_FSBP,
  CATALOGUE,
  CIS_AWS_5_0,
  FRAMEWORK_DEFINITIONS,
  frameworkById,
  scoreFramework,
} from "../../src/index.ts";

function reference(file: string): { id: string; title: string }[] {
  return readFileSync(join(import.meta.dirname, "../../../../docs/reference", file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .slice(1)
    .map((line) => {
      const [id = "", title = ""] = line.split("\t");
      return { id, title };
    });
}

describe("frameworks as data", () => {
  it("hold the requirements as published (the repository's copies of the sources named in them)", () => {
    const cis = (assessment: "automated" | "manual") =>
      CIS_AWS_5_0.requirements
        .filter((r) => r.assessment === assessment)
        .map(({ id, title }) => ({ id, title }));
    expect(cis("automated")).toEqual(reference("cis-5.0-automated.tsv"));
    expect(cis("manual")).toEqual(reference("cis-5.0-manual.tsv"));
    expect(AWS_FSBP.requirements).toEqual(reference("fsbp-controls.tsv"));
    for (const f of FRAMEWORK_DEFINITIONS) expect(f.source).toMatch(/https:\/\//);
  });

  it("map only to checks of the catalogue, and every check's mapping to a requirement of the framework", () => {
    const ids = new Set(CATALOGUE.map((c) => c.id));
    for (const definition of FRAMEWORK_DEFINITIONS) {
      const framework = frameworkById(definition.id);
      const unknown = (framework?.requirements ?? []).flatMap((r) => r.checkIds.filter((id) => !ids.has(id)));
      expect(unknown).toEqual([]);
      const known = new Set(definition.requirements.map((r) => r.id));
      const stray = CATALOGUE.flatMap((c) =>
        c.mappings[definition.mappingKey].filter((id) => !known.has(id)).map((id) => `${c.id} → ${id}`),
      );
      expect(stray, definition.id).toEqual([]);
    }
  });

  it("cover every CIS v5.0 Automated recommendation with a check", () => {
    const cis = frameworkById("cis-aws-5.0");
    const automated = cis?.requirements.filter((r) => r.assessment === "automated") ?? [];
    expect(automated).toHaveLength(35);
    expect(automated.filter((r) => r.checkIds.length === 0).map((r) => r.id)).toEqual([]);
  });

  it("score a requirement pass, fail, not assessed or manual from the checks' results", () => {
    const framework = {
      id: "t",
      title: "t",
      source: "https://example.com",
      mappingKey: "cis" as const,
      requirements: [
        { id: "1", title: "all pass", checkIds: ["a"] },
        { id: "2", title: "one fails", checkIds: ["a", "b"] },
        { id: "3", title: "one could not decide", checkIds: ["a", "c"] },
        { id: "4", title: "nothing to look at", checkIds: ["d"] },
        { id: "5", title: "by hand", checkIds: [] },
      ],
    };
    const score = scoreFramework(framework, [
      { checkId: "a", status: "pass" },
      { checkId: "a", status: "muted" },
      { checkId: "b", status: "fail" },
      { checkId: "c", status: "error" },
    ]);
    expect(score.requirements.map((r) => r.status)).toEqual([
      "pass",
      "fail",
      "not-assessed",
      "not-assessed",
      "manual",
    ]);
    expect(score.totals).toEqual({ pass: 1, fail: 1, "not-assessed": 2, manual: 1 });
    expect(score.score).toBe(50);
  });
});
