import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { exampleEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import {
  CHECKS_DIR,
  discoverCases,
  discoverCatalogue,
  FAMILY_FOLDERS,
  renderAll,
} from "../../scripts/generate-catalogue.ts";
import { RESOURCE_TYPES } from "../../src/assets/index.ts";
import {
  type AnyCheck,
  builtInPolicies,
  CATALOGUE,
  CHECK_INDEX,
  checkById,
  SEVERITIES,
} from "../../src/checks/index.ts";
import { SERVICE_CHECKS } from "../../src/checks/services/index.ts";
import { COLLECTORS } from "../../src/collectors/index.ts";
import { instanceOsReports } from "../../src/ebs/results.ts";
import { applyEbsEvent, emptyEbsScanState } from "../../src/ebs/state.ts";
import { EBS_SHARD_KIND } from "../../src/ebs/worker.ts";

const FOLDERS = await discoverCases();
const ALL_CASES = FOLDERS.flatMap((f) => f.cases ?? []);

/**
 * The Automated recommendations of CIS AWS Foundations v5.0, from the repository's copy of the
 * published list (docs/reference/cis-5.0-automated.tsv: a `#` source line, a column header, then
 * one recommendation per line, its number first).
 */
const CIS_V5_AUTOMATED = readFileSync(
  join(import.meta.dirname, "../../../../docs/reference/cis-5.0-automated.tsv"),
  "utf8",
)
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  .slice(1)
  .map((line) => line.split("\t")[0] as string);

/** The FSBP standard's controls Vigil maps to (docs/reference/fsbp-controls.tsv, its source named there). */
const FSBP_CONTROLS = new Set(
  readFileSync(join(import.meta.dirname, "../../../../docs/reference/fsbp-controls.tsv"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .slice(1)
    .map((line) => line.split("\t")[0] as string),
);

describe("the catalogue built from the check folders", () => {
  it("is exactly the checks the folders export, in their order (scripts/generate-catalogue.ts)", async () => {
    const { entries } = await discoverCatalogue();
    expect(CATALOGUE.map((c) => c.id)).toEqual(entries.flatMap((e) => e.ids));
  });

  it("commits what the generator writes: catalogue.ts, check-index.ts, services/ (npx tsx scripts/generate-catalogue.ts)", async () => {
    const files = await renderAll();
    const { entries } = await discoverCatalogue();
    const committed = readdirSync(join(CHECKS_DIR, "services")).map((f) => `services/${f}`);
    expect(committed.sort()).toEqual([...files.keys()].filter((p) => p.startsWith("services/")).sort());
    // Each service's chunk holds exactly its folders' checks, in order, and has a loader.
    const services = [...new Set(entries.map((e) => e.module.split("/")[0] as string))];
    expect(Object.keys(SERVICE_CHECKS).sort()).toEqual([...services].sort());
    for (const service of services) {
      const { CHECKS } = await (SERVICE_CHECKS[service] as () => Promise<{ CHECKS: readonly AnyCheck[] }>)();
      expect(
        CHECKS.map((c) => c.id),
        service,
      ).toEqual(entries.filter((e) => e.module.startsWith(`${service}/`)).flatMap((e) => e.ids));
    }
    // The cold-start index is the catalogue's metadata, check for check.
    expect(CHECK_INDEX).toEqual(
      CATALOGUE.map((c) => ({
        id: c.id,
        resourceType: c.resourceType,
        severity: c.severity,
        mappings: c.mappings,
      })),
    );
  });

  it("keeps each check in a folder named by its id: src/checks/<service>/<name>/ for vigil.<service>.<name>", async () => {
    const { modules } = await discoverCatalogue();
    const folders = modules.filter((m) => m.checkFolder !== undefined);
    expect(folders.length).toBeGreaterThan(250);
    for (const m of folders) expect(m.checkIds, m.module).toEqual([`vigil.${m.folder}.${m.checkFolder}`]);
    // Families (several checks in one module) only where the checks are decided from disks: os/.
    const families = modules.filter((m) => m.checkFolder === undefined);
    expect(families.filter((m) => !FAMILY_FOLDERS.includes(m.folder)).map((m) => m.module)).toEqual([]);
    for (const m of families)
      for (const id of m.checkIds)
        expect(id.startsWith(`vigil.${m.folder}.`), `${m.module}: ${id}`).toBe(true);
  });

  it("builds every case's asset through a collector's mapper, never by hand", () => {
    // A hand-written asset (`type: "aws.…"` in a case file) would test a mapping the scan never makes.
    const caseFiles = [
      ...readdirSync(join(CHECKS_DIR, "_cases")).map((f) => join(CHECKS_DIR, "_cases", f)),
      ...FOLDERS.map((f) => join(CHECKS_DIR, f.folder, "cases.ts")),
    ];
    expect(caseFiles.length).toBeGreaterThan(250);
    const handBuilt = caseFiles.filter((path) => /\btype:\s*"aws\./.test(readFileSync(path, "utf8")));
    expect(handBuilt).toEqual([]);
  });

  it("gives every check folder its cases, naming only its own check, compliant and non-compliant", () => {
    const problems: string[] = [];
    for (const f of FOLDERS) {
      if (f.cases === undefined) {
        problems.push(`${f.folder}: no cases.ts`);
        continue;
      }
      for (const c of f.cases) if (c.check !== f.id) problems.push(`${f.folder}: a case of ${c.check}`);
      if (!f.cases.some((c) => c.expect === "pass")) problems.push(`${f.folder}: no compliant (pass) case`);
      if (!f.cases.some((c) => c.expect === "fail"))
        problems.push(`${f.folder}: no non-compliant (fail) case`);
    }
    expect(problems).toEqual([]);
  });
});

describe("check catalogue", () => {
  it("labels a check FSBP only with controls the FSBP standard holds", () => {
    const wrong = CATALOGUE.flatMap((c) =>
      c.mappings.fsbp.filter((id) => !FSBP_CONTROLS.has(id)).map((id) => `${c.id}: ${id}`),
    );
    expect(wrong).toEqual([]);
    // Security Hub controls of the CIS standards are kept apart, never as FSBP.
    const cisOnly = CATALOGUE.flatMap((c) => c.mappings.securityHub ?? []);
    expect(cisOnly.filter((id) => FSBP_CONTROLS.has(id))).toEqual([]);
    expect(cisOnly).toContain("EC2.53");
  });

  it("has at least one passing and one failing case for every registered check", () => {
    const missing: string[] = [];
    // The OS checks (aws.ec2.instance-os) get theirs from filesystem trees: tests/os/os-checks.unit.test.ts.
    for (const check of CATALOGUE.filter((c) => c.resourceType !== "aws.ec2.instance-os")) {
      const cases = ALL_CASES.filter((c) => c.check === check.id);
      if (!cases.some((c) => c.expect === "pass")) missing.push(`${check.id}: no pass case`);
      if (!cases.some((c) => c.expect === "fail")) missing.push(`${check.id}: no fail case`);
    }
    expect(missing).toEqual([]);
  });

  it("has a collector producing every check's resource type (the EBS scan's, the EBS scan)", () => {
    // `aws.ec2.instance-os` comes from no collector: the EBS scan (the `ebs` shard) reports it.
    const producedByEbsScan = ["aws.ec2.instance-os"];
    expect([EBS_SHARD_KIND.assetType, ...(EBS_SHARD_KIND.assetTypes ?? [])]).toEqual(producedByEbsScan);
    const state = emptyEbsScanState();
    applyEbsEvent(state, exampleEvent("vigil.ebs.volumes-planned.v1"));
    const reported = instanceOsReports(state, { accountId: "123456789012", region: "eu-west-1", now: 0 });
    expect(reported.length).toBeGreaterThan(0);
    expect([...new Set(reported.map((r) => r.asset.type))]).toEqual(producedByEbsScan);

    const produced = new Set([...COLLECTORS.flatMap((c) => c.resourceTypes), ...producedByEbsScan]);
    expect(
      CATALOGUE.filter((c) => !produced.has(c.resourceType)).map((c) => `${c.id}: ${c.resourceType}`),
    ).toEqual([]);
    // Only the OS checks rely on the EBS scan; every other check's type has a collector.
    const collected = new Set(COLLECTORS.flatMap((c) => c.resourceTypes));
    expect(
      CATALOGUE.filter((c) => !collected.has(c.resourceType) && c.resourceType !== "aws.ec2.instance-os").map(
        (c) => c.id,
      ),
    ).toEqual([]);
  });

  it("has no case for a check that does not exist", () => {
    expect(ALL_CASES.filter((c) => !checkById(c.check)).map((c) => c.check)).toEqual([]);
  });

  it("gives every check a unique, well-formed id and complete metadata", () => {
    const ids = CATALOGUE.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of CATALOGUE) {
      expect(check.id).toMatch(/^vigil\.[a-z0-9]+\.[a-z0-9-]+$/);
      // OS checks are `vigil.os.*`: they judge what runs inside the instance, not an AWS service.
      expect(check.id.split(".")[1]).toBe(
        check.resourceType === "aws.ec2.instance-os" ? "os" : check.resourceType.split(".")[1],
      );
      expect(RESOURCE_TYPES).toContain(check.resourceType);
      expect(SEVERITIES).toContain(check.severity);
      expect(check.title.length).toBeGreaterThan(10);
      expect(check.rationale.length).toBeGreaterThan(20);
      expect(check.remediation.length).toBeGreaterThan(20);
      expect(check.references.length).toBeGreaterThan(0);
      for (const url of check.references) expect(url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      for (const cis of check.mappings.cis) expect(cis).toMatch(/^\d+(\.\d+){1,2}$/);
      for (const control of check.mappings.fsbp) expect(control).toMatch(/^[A-Za-z0-9]+\.\d+$/);
      for (const cis of check.mappings.cisLinux ?? []) expect(cis).toMatch(/^\d+(\.\d+){1,3}$/);
    }
  });

  it("covers every CIS v5.0 Automated recommendation", () => {
    expect(CIS_V5_AUTOMATED).toHaveLength(35);
    for (const id of CIS_V5_AUTOMATED) expect(id).toMatch(/^\d+(\.\d+){1,2}$/);
    const covered = new Set(CATALOGUE.flatMap((c) => c.mappings.cis));
    expect(CIS_V5_AUTOMATED.filter((id) => !covered.has(id))).toEqual([]);
  });

  it("builds the built-in policies from the mappings", () => {
    const policies = new Map(builtInPolicies(CATALOGUE).map((p) => [p.id, p]));
    expect(policies.get("vigil-default")?.checkIds).toHaveLength(CATALOGUE.length);
    const cis = policies.get("cis-aws-5.0")?.checkIds ?? [];
    expect(cis).toContain("vigil.s3.bucket-public-access-blocked");
    expect(cis).not.toContain("vigil.ec2.instance-no-public-ip");
    const fsbp = policies.get("aws-fsbp")?.checkIds ?? [];
    expect(fsbp).toContain("vigil.ec2.instance-imdsv2-required");
    expect(fsbp).not.toContain("vigil.iam.role-trust-not-public");
  });
});
