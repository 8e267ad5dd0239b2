import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AWS_FSBP,
  CATALOGUE,
  CIS_AWS_5_0,
  FRAMEWORK_DEFINITIONS,
  frameworkById,
  ISO_27001_2022,
  mapFramework,
  NIST_800_53_R5,
  PCI_DSS_4_0,
  PROWLER_CHECKS_OUTSIDE_FRAMEWORKS,
  PROWLER_EQUIVALENTS,
  SOC2,
  scoreFramework,
} from "../../src/index.ts";

function rows(file: string): string[][] {
  return readFileSync(join(import.meta.dirname, "../../../../docs/reference", file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .slice(1)
    .map((line) => line.split("\t"));
}

function reference(file: string): { id: string; title: string }[] {
  return rows(file).map(([id = "", title = ""]) => ({ id, title }));
}

/** A table copied from a Prowler compliance file: id, title, comma-separated Prowler checks. */
function prowlerReference(file: string): { id: string; title: string; prowlerChecks: string[] }[] {
  return rows(file).map(([id = "", title = "", checks = ""]) => ({
    id,
    title,
    prowlerChecks: checks === "" ? [] : checks.split(","),
  }));
}

/** A made-up framework around the requirements given, to test mapping and scoring on. */
const testFramework = <K extends "cis" | "prowler", R>(mappingKey: K, requirements: R[]) => ({
  id: "t",
  title: "t",
  source: "https://example.com",
  mappingKey,
  requirements,
});

const PROWLER_FRAMEWORKS = [PCI_DSS_4_0, NIST_800_53_R5, SOC2, ISO_27001_2022];
const prowlerNamesInFrameworks = new Set(
  PROWLER_FRAMEWORKS.flatMap((f) => f.requirements.flatMap((r) => r.prowlerChecks ?? [])),
);

describe("frameworks as data", () => {
  it("hold the requirements as published (the repository's copies of the sources named in them)", () => {
    const cis = (assessment: "automated" | "manual") =>
      CIS_AWS_5_0.requirements
        .filter((r) => r.assessment === assessment)
        .map(({ id, title }) => ({ id, title }));
    expect(cis("automated")).toEqual(reference("cis-5.0-automated.tsv"));
    expect(cis("manual")).toEqual(reference("cis-5.0-manual.tsv"));
    expect(AWS_FSBP.requirements).toEqual(reference("fsbp-controls.tsv"));
    for (const f of PROWLER_FRAMEWORKS) expect(f.requirements, f.id).toEqual(prowlerReference(`${f.id}.tsv`));
    // Every requirement of Prowler's files at the commit named (NIST's ia_5_1_h, listed twice there, once).
    expect(PROWLER_FRAMEWORKS.map((f) => f.requirements.length)).toEqual([1669, 287, 27, 92]);
    for (const f of FRAMEWORK_DEFINITIONS) {
      expect(f.source).toMatch(/https:\/\//);
      expect(new Set(f.requirements.map((r) => r.id)).size, f.id).toBe(f.requirements.length);
    }
    for (const f of PROWLER_FRAMEWORKS) expect(f.source).toContain(`docs/reference/${f.id}.tsv`);
  });

  it("name as Prowler equivalents only catalogue checks and Prowler checks that exist", () => {
    const ids = new Set(CATALOGUE.map((c) => c.id));
    expect(Object.keys(PROWLER_EQUIVALENTS).filter((id) => !ids.has(id))).toEqual([]);
    const named = Object.values(PROWLER_EQUIVALENTS).flat();
    // A typo would be a name no framework file lists and nobody looked up in Prowler's check folders.
    const known = new Set([...prowlerNamesInFrameworks, ...PROWLER_CHECKS_OUTSIDE_FRAMEWORKS]);
    expect(named.filter((name) => !known.has(name))).toEqual([]);
    // And the list of names looked up elsewhere holds only names the framework files do not.
    expect(PROWLER_CHECKS_OUTSIDE_FRAMEWORKS.filter((name) => prowlerNamesInFrameworks.has(name))).toEqual(
      [],
    );
    expect(PROWLER_CHECKS_OUTSIDE_FRAMEWORKS.filter((name) => !named.includes(name))).toEqual([]);
    for (const name of prowlerNamesInFrameworks) expect(name).toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$/);
  });

  it("map a Prowler-sourced requirement to the checks equivalent to its Prowler checks; none is manual", () => {
    const definition = testFramework("prowler", [
      { id: "1", title: "one equivalent", prowlerChecks: ["p_a"] },
      { id: "2", title: "two equivalents", prowlerChecks: ["p_b", "p_unknown"] },
      { id: "3", title: "Prowler checks Vigil lacks", prowlerChecks: ["p_unknown"] },
      { id: "4", title: "no check anywhere", prowlerChecks: [] as string[] },
    ]);
    const [a, b] = CATALOGUE;
    const mapped = mapFramework(definition, CATALOGUE, {
      [a?.id ?? ""]: ["p_a", "p_b"],
      [b?.id ?? ""]: ["p_b"],
    });
    expect(mapped.requirements.map((r) => r.checkIds)).toEqual([[a?.id], [a?.id, b?.id], [], []]);
    expect(scoreFramework(mapped, []).requirements.map((r) => r.status)).toEqual([
      "not-assessed",
      "not-assessed",
      "manual",
      "manual",
    ]);
    // The real frameworks: some requirements of each are decided by Vigil checks, the rest are manual.
    for (const f of PROWLER_FRAMEWORKS) {
      const requirements = frameworkById(f.id)?.requirements ?? [];
      expect(
        requirements.some((r) => r.checkIds.length > 0),
        f.id,
      ).toBe(true);
      expect(
        requirements.some((r) => r.checkIds.length === 0),
        f.id,
      ).toBe(true);
    }
  });

  it("map PCI DSS rows that name an AWS Config rule to the Vigil check that decides that rule", () => {
    const pci = frameworkById("pci-dss-4.0")?.requirements ?? [];
    const cases: [RegExp, string][] = [
      [/MULTI_REGION_CLOUD_TRAIL_ENABLED/, "vigil.cloudtrail.multi-region-trail-enabled"],
      [
        /blocklisted bucket-level and object-level actions/,
        "vigil.s3.bucket-policy-restricts-other-accounts",
      ],
      [/allow user permissions through access control lists/, "vigil.s3.bucket-acls-not-used"],
      [
        /only allow inbound TCP or UDP connections on authorized ports/,
        "vigil.ec2.security-group-only-authorized-ports-public",
      ],
      [/respective logs of Amazon Relational Database Service/, "vigil.rds.instance-logs-to-cloudwatch"],
      [
        /instance has AWS Identity and Access Management \(IAM\) authentication/,
        "vigil.rds.instance-iam-authentication",
      ],
    ];
    for (const [title, checkId] of cases) {
      const rows = pci.filter((r) => title.test(r.title));
      expect(rows.length, String(title)).toBeGreaterThan(0);
      for (const r of rows) expect(r.checkIds, `${r.id} ${r.title}`).toContain(checkId);
    }
  });

  it("map only to checks of the catalogue, and every check's mapping to a requirement of the framework", () => {
    const ids = new Set(CATALOGUE.map((c) => c.id));
    for (const definition of FRAMEWORK_DEFINITIONS) {
      const framework = frameworkById(definition.id);
      const unknown = (framework?.requirements ?? []).flatMap((r) => r.checkIds.filter((id) => !ids.has(id)));
      expect(unknown).toEqual([]);
      const key = definition.mappingKey;
      if (key === "prowler") continue; // through PROWLER_EQUIVALENTS, tested below
      const known = new Set(definition.requirements.map((r) => r.id));
      const stray = CATALOGUE.flatMap((c) =>
        c.mappings[key].filter((id) => !known.has(id)).map((id) => `${c.id} → ${id}`),
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
    const framework = testFramework("cis", [
      { id: "1", title: "all pass", checkIds: ["a"] },
      { id: "2", title: "one fails", checkIds: ["a", "b"] },
      { id: "3", title: "one could not decide", checkIds: ["a", "c"] },
      { id: "4", title: "nothing to look at", checkIds: ["d"] },
      { id: "5", title: "by hand", checkIds: [] as string[] },
    ]);
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
