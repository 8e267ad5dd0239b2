import { describe, expect, it } from "vitest";
import {
  exitCodeOf,
  failuresAtOrAbove,
  type ScanReportDocument,
  summaryTable,
  toCsv,
  toHtml,
  toJson,
  toOcsf,
  toSarif,
} from "../../src/report/index.ts";
import { finding, report } from "./fixtures.ts";

describe("scan reports", () => {
  it("--fail-on counts unmuted failures at or above the severity only", () => {
    const r = report([
      finding({ severity: "medium" }),
      finding({ severity: "high", status: "MUTED" }),
      finding({ severity: "low" }),
    ]);
    expect(failuresAtOrAbove(r, "high")).toBe(0);
    expect(failuresAtOrAbove(r, "medium")).toBe(1);
    expect(failuresAtOrAbove(r, "informational")).toBe(2);
  });

  it("CSV quotes separators and neutralises spreadsheet formulas", () => {
    const csv = toCsv(report([finding({ evidence: 'a, "b"' }), finding({ evidence: "=HYPERLINK(x)" })]));
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]?.split(",").slice(0, 4)).toEqual(["checkId", "cis", "fsbp", "status"]);
    expect(lines[1]?.startsWith("vigil.s3.bucket-public-read-prohibited,2.1.4,S3.2,FAIL,")).toBe(true);
    expect(lines[1]).toContain('"a, ""b"""');
    expect(lines[2]).toContain(`"'=HYPERLINK(x)"`);
  });

  it("SARIF has one rule per check and one result per failure, muted ones suppressed", () => {
    const sarif = JSON.parse(
      toSarif(
        report([
          finding({}),
          finding({ status: "MUTED", muteId: "m1", resource: "arn:aws:s3:::c" }),
          finding({ status: "PASS", resource: "arn:aws:s3:::d" }),
        ]),
      ),
    );
    const run = sarif.runs[0];
    expect(sarif.version).toBe("2.1.0");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      "vigil.s3.bucket-public-read-prohibited",
    ]);
    expect(run.results).toHaveLength(2);
    expect(run.results[0].level).toBe("error");
    expect(run.results[1].suppressions[0].justification).toBe("mute m1");
    expect(run.tool.driver.rules[0].properties).toMatchObject({
      "security-severity": "9.5",
      tags: ["security", "CIS-2.1.4", "FSBP-S3.2"],
    });
  });

  it("OCSF names the CIS and FSBP requirements and standards a finding maps to", () => {
    const [mapped, unmapped] = JSON.parse(
      toOcsf(report([finding({}), finding({ cis: [], fsbp: [], resource: "arn:aws:s3:::e" })])),
    ) as { compliance: { requirements: string[]; standards: string[] } }[];
    expect(mapped?.compliance.requirements).toEqual(["CIS 2.1.4", "FSBP S3.2"]);
    expect(mapped?.compliance.standards).toEqual([
      "CIS AWS Foundations Benchmark v5.0",
      "AWS Foundational Security Best Practices v1.0.0",
    ]);
    expect(unmapped?.compliance).toMatchObject({ requirements: [], standards: [] });
  });

  it("SARIF's security-severity falls in GitHub's band for each severity; informational has none", () => {
    const bands = { critical: [9, 10], high: [7, 8.9], medium: [4, 6.9], low: [0.1, 3.9] } as const;
    for (const severity of ["critical", "high", "medium", "low", "informational"] as const) {
      const rule = JSON.parse(toSarif(report([finding({ severity })]))).runs[0].tool.driver.rules[0];
      const score = rule.properties["security-severity"];
      if (severity === "informational") expect(score).toBeUndefined();
      else {
        const [lo, hi] = bands[severity];
        expect(Number(score), severity).toBeGreaterThanOrEqual(lo);
        expect(Number(score), severity).toBeLessThanOrEqual(hi);
      }
    }
  });

  const notAssessed = finding({
    checkId: "vigil.s3.bucket-public-access-blocked",
    status: "ERROR",
    severity: "high",
    evidence: "could not be assessed: s3:GetPublicAccessBlock denied (AccessDenied)",
  });
  const incomplete = (): ScanReportDocument => ({
    ...report([finding({ severity: "low" }), notAssessed]),
    unreadCalls: [
      {
        path: "global/s3api/get-public-access-block/b",
        region: "global",
        service: "s3api",
        command: "get-public-access-block",
        kind: "denied",
        code: "AccessDenied",
        message: "denied",
      },
    ],
    incomplete: true,
  });

  it("says what was not assessed, and why, in every format", () => {
    const r = incomplete();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the table's colours
    const table = summaryTable(r).replace(/\u001b\[[0-9;]*m/g, "");
    expect(table).toMatch(/INCOMPLETE: 1 finding\(s\) could not be assessed/);
    expect(table).toMatch(/s3api\s*│\s*global\s*│\s*1/);
    expect(JSON.parse(toJson(r))).toMatchObject({ incomplete: true, unreadCalls: [{ kind: "denied" }] });
    const csv = toCsv(r).split("\r\n");
    expect(csv.find((l) => l.includes("ERROR"))).toContain(
      "could not be assessed: s3:GetPublicAccessBlock denied",
    );
    const sarif = JSON.parse(toSarif(r)).runs[0];
    expect(sarif.invocations[0].executionSuccessful).toBe(false);
    expect(sarif.invocations[0].toolExecutionNotifications[0].message.text).toContain(
      "global/s3api/get-public-access-block/b",
    );
    expect(sarif.results.find((x: { kind?: string }) => x.kind === "open")).toMatchObject({
      ruleId: "vigil.s3.bucket-public-access-blocked",
      level: "none",
    });
    const ocsf = JSON.parse(toOcsf(r)) as { compliance: { status: string; status_detail?: string } }[];
    expect(ocsf.map((f) => f.compliance.status)).toContain("Unknown");
    expect(ocsf.find((f) => f.compliance.status === "Unknown")?.compliance.status_detail).toMatch(/denied/);
    expect(toHtml(r)).toContain("Incomplete:");
  });

  it("exit codes: failures 2, an undecided finding at or above --fail-on 3, --fail-on-incomplete 3", () => {
    const r = incomplete();
    expect(exitCodeOf(r, {})).toBe(0);
    expect(exitCodeOf(r, { failOn: "low" })).toBe(2); // the low failure
    expect(exitCodeOf(r, { failOn: "high" })).toBe(3); // the high one could not be assessed
    expect(exitCodeOf(r, { failOn: "critical" })).toBe(0);
    expect(exitCodeOf(r, { failOn: "critical", failOnIncomplete: true })).toBe(3);
    expect(exitCodeOf(report([finding({ severity: "low" })]), { failOnIncomplete: true })).toBe(0);
  });
});
