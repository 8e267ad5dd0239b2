import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CATALOGUE, FRAMEWORK_IDS, frameworkById } from "@vigil/agent";
import { describe, expect, it } from "vitest";
import { runChecksCommand } from "../../src/commands/checks.ts";
import { runScanCommand } from "../../src/commands/scan.ts";
import type { ScanReportDocument } from "../../src/report/index.ts";
import { sink } from "./sink.ts";

function io() {
  const stdout = sink();
  const stderr = sink();
  // The commands take process.stdout/stderr; a Writable stands in for both.
  return { io: { stdout: stdout.stream, stderr: stderr.stream } as never, stdout, stderr };
}

const KNOWN_BAD = join(import.meta.dirname, "../../../agent/tests/fixtures/snapshots/known-bad");

describe("vigil checks", () => {
  it("lists the catalogue, filtered by service, framework and severity, as JSON", async () => {
    const all = io();
    expect(await runChecksCommand({ format: "json" }, all.io)).toBe(0);
    const listed = JSON.parse(all.stdout.text()) as {
      count: number;
      checks: { id: string; reads: string[] }[];
    };
    expect(listed.count).toBe(CATALOGUE.length);
    expect(listed.checks.every((c) => c.reads.length > 0)).toBe(true);

    const s3 = io();
    expect(await runChecksCommand({ format: "json", service: "s3", severity: "critical" }, s3.io)).toBe(0);
    const s3Checks = (JSON.parse(s3.stdout.text()) as { checks: { id: string; severity: string }[] }).checks;
    expect(s3Checks.length).toBeGreaterThan(0);
    expect(s3Checks.every((c) => c.id.startsWith("vigil.s3.") && c.severity === "critical")).toBe(true);

    const cis = io();
    expect(await runChecksCommand({ format: "json", framework: "cis-aws-5.0" }, cis.io)).toBe(0);
    const cisIds = (JSON.parse(cis.stdout.text()) as { checks: { id: string }[] }).checks.map((c) => c.id);
    expect(new Set(cisIds)).toEqual(
      new Set(frameworkById("cis-aws-5.0")?.requirements.flatMap((r) => r.checkIds)),
    );
  });

  it("bad filters print what was wrong and exit 64", async () => {
    for (const options of [
      { service: "s4" },
      { framework: "pci" },
      { severity: "urgent" },
      { format: "xml" },
    ]) {
      const run = io();
      expect(await runChecksCommand(options, run.io)).toBe(64);
      expect(run.stderr.text()).toMatch(/must be one of|must be json or table/);
      expect(run.stdout.text()).toBe("");
    }
  });
});

/** `vigil scan --framework <id> --format json` on the known-bad snapshot: the report and what went to stderr. */
async function scanKnownBad(framework: string) {
  const run = io();
  const code = await runScanCommand(
    { snapshot: KNOWN_BAD, framework, format: "json", progress: false, now: "2026-06-01T00:00:00Z" },
    run.io,
  );
  expect([0, 3]).toContain(code);
  const report = JSON.parse(run.stdout.text()) as ScanReportDocument;
  const score = report.frameworks?.[0];
  expect(score?.framework.id).toBe(framework);
  return { report, score, stderr: run.stderr.text() };
}

describe("vigil scan --framework", () => {
  it("scores the account requirement by requirement from the scan's findings, in JSON and on screen", async () => {
    const { report, score, stderr } = await scanKnownBad("cis-aws-5.0");
    // Each requirement's status follows from the findings of its checks in this very report.
    for (const r of score?.requirements ?? []) {
      const mine = report.findings.filter((f) => r.checkIds.includes(f.checkId));
      const failed = mine.some((f) => f.status === "FAIL");
      if (failed) expect(r.status, r.id).toBe("fail");
      else if (mine.some((f) => f.status === "ERROR") || mine.length === 0)
        expect(r.status, r.id).toBe("not-assessed");
      else expect(r.status, r.id).toBe("pass");
    }
    // The known-bad account's public bucket fails CIS 2.1.1/2.1.4-style controls: something fails.
    expect(score?.totals.fail).toBeGreaterThan(0);
    expect(stderr).toContain("CIS Amazon Web Services Foundations Benchmark v5.0.0 (cis-aws-5.0)");
    expect(stderr).toMatch(/\d+ pass, \d+ fail, \d+ not assessed, \d+ manual/);
  });

  it("scores PCI DSS 4.0, mapped from Prowler, with requirements that pass, fail and that no check decides", async () => {
    const { report, score, stderr } = await scanKnownBad("pci-dss-4.0");
    expect(score?.framework.source).toContain("prowler/compliance/aws/pci_4.0_aws.json");
    expect(score?.totals.pass).toBeGreaterThan(0);
    expect(score?.totals.fail).toBeGreaterThan(0);
    expect(score?.totals.manual).toBeGreaterThan(0);
    // 1.2.5.15 (S3 policies require TLS) is decided by the bucket TLS check; 1.2.5.11 (EMR Kerberos) by none.
    const byId = new Map(score?.requirements.map((r) => [r.id, r]));
    expect(byId.get("1.2.5.15")?.checkIds).toEqual(["vigil.s3.bucket-denies-insecure-transport"]);
    expect(byId.get("1.2.5.11")?.status).toBe("manual");
    for (const r of score?.requirements ?? []) {
      const mine = report.findings.filter((f) => r.checkIds.includes(f.checkId));
      if (r.checkIds.length === 0) expect(r.status, r.id).toBe("manual");
      else if (mine.some((f) => f.status === "FAIL")) expect(r.status, r.id).toBe("fail");
    }
    expect(stderr).toMatch(/\d+ manual: no Vigil check decides them/);
  });

  it("an unknown framework is a usage error", async () => {
    const run = io();
    expect(await runScanCommand({ snapshot: KNOWN_BAD, framework: "nist" }, run.io)).toBe(64);
    expect(FRAMEWORK_IDS).toEqual([
      "cis-aws-5.0",
      "aws-fsbp",
      "pci-dss-4.0",
      "nist-800-53-r5",
      "soc2",
      "iso-27001-2022",
    ]);
    expect(run.stderr.text()).toContain(
      '--framework must be one of cis-aws-5.0|aws-fsbp|pci-dss-4.0|nist-800-53-r5|soc2|iso-27001-2022, got "nist"',
    );
  });
});

describe("vigil scan --snapshot", () => {
  it("a path that is not a snapshot directory is a usage error saying how to write one, exit 64", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vigil-not-a-snapshot-"));
    try {
      const file = join(dir, "a-file");
      writeFileSync(file, "x");
      for (const [path, why, write] of [
        [join(dir, "missing"), "does not exist", join(dir, "missing")],
        [file, "is not a directory", "<dir>"],
        [dir, "has no account.json, so it is not an account snapshot", dir],
      ]) {
        const run = io();
        expect(await runScanCommand({ snapshot: path }, run.io), path).toBe(64);
        expect(run.stderr.text()).toContain(
          `--snapshot ${path}: ${why}; write one with \`vigil snapshot --out ${write}\``,
        );
        expect(run.stdout.text()).toBe("");
      }
      // A snapshot whose content is wrong is not a usage error: the file and the problem, exit 1.
      writeFileSync(join(dir, "account.json"), JSON.stringify({ accountId: "12", regions: ["eu-west-1"] }));
      const run = io();
      expect(await runScanCommand({ snapshot: dir }, run.io)).toBe(1);
      expect(run.stderr.text()).toContain("account.json: accountId must be a 12-digit string");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("vigil scan --out", () => {
  it("a path that cannot take the report is refused before the scan, exit 64", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vigil-out-"));
    try {
      const file = join(dir, "a-file");
      writeFileSync(file, "x");
      for (const [out, why] of [
        [join(file, "report.json"), `${file} is a file, not a folder`],
        [join(dir, "missing", "report.json"), `${join(dir, "missing")} does not exist`],
        [dir, "is a folder: give a file name"],
      ]) {
        const run = io();
        expect(await runScanCommand({ snapshot: KNOWN_BAD, format: "json", out }, run.io), out).toBe(64);
        expect(run.stderr.text()).toContain(why);
        // Refused before scanning: no summary table, no progress.
        expect(run.stdout.text()).toBe("");
      }
      const run = io();
      const out = join(dir, "report.json");
      expect(await runScanCommand({ snapshot: KNOWN_BAD, format: "json", out }, run.io)).not.toBe(64);
      expect(JSON.parse(readFileSync(out, "utf8")).findings.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
