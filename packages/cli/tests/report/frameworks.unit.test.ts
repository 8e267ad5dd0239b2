import { join } from "node:path";
import { Writable } from "node:stream";
import { CATALOGUE, frameworkById } from "@vigil/agent";
import { describe, expect, it } from "vitest";
import { runChecksCommand } from "../../src/commands/checks.ts";
import { runScanCommand } from "../../src/commands/scan.ts";
import type { ScanReportDocument } from "../../src/report/index.ts";

function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

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

describe("vigil scan --framework", () => {
  it("scores the account requirement by requirement from the scan's findings, in JSON and on screen", async () => {
    const run = io();
    const code = await runScanCommand(
      {
        snapshot: KNOWN_BAD,
        framework: "cis-aws-5.0",
        format: "json",
        progress: false,
        now: "2026-06-01T00:00:00Z",
      },
      run.io,
    );
    expect([0, 3]).toContain(code);
    const report = JSON.parse(run.stdout.text()) as ScanReportDocument;
    const score = report.frameworks?.[0];
    expect(score?.framework.id).toBe("cis-aws-5.0");
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
    expect(run.stderr.text()).toContain("CIS Amazon Web Services Foundations Benchmark v5.0.0 (cis-aws-5.0)");
    expect(run.stderr.text()).toMatch(/\d+ pass, \d+ fail, \d+ not assessed, \d+ manual/);
  });

  it("an unknown framework is a usage error", async () => {
    const run = io();
    expect(await runScanCommand({ snapshot: KNOWN_BAD, framework: "nist" }, run.io)).toBe(64);
    expect(run.stderr.text()).toContain('--framework must be one of cis-aws-5.0|aws-fsbp, got "nist"');
  });
});
