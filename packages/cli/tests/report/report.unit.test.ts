import type { Finding } from "@vigil/agent";
import { describe, expect, it } from "vitest";
import { failuresAtOrAbove, type ScanReportDocument, toCsv, toSarif } from "../../src/report/index.ts";

const finding = (over: Partial<Finding>): Finding => ({
  checkId: "vigil.s3.bucket-public-read-prohibited",
  cis: ["2.1.4"],
  fsbp: ["S3.2"],
  status: "FAIL",
  resource: "arn:aws:s3:::b",
  resourceType: "aws.s3.bucket",
  region: "us-east-1",
  accountId: "111122223333",
  severity: "critical",
  title: "S3 buckets should prohibit public read access",
  ...over,
});

const report = (findings: Finding[]): ScanReportDocument => ({
  scan: {
    scanId: "s",
    accountId: "111122223333",
    regions: ["us-east-1"],
    startedAt: "2026-06-01T00:00:00Z",
    durationMs: 1,
    source: "test",
    checkCount: 1,
    assetCount: 1,
  },
  summary: {
    pass: 0,
    fail: 0,
    muted: 0,
    error: 0,
    failBySeverity: { critical: 0, high: 0, medium: 0, low: 0, informational: 0 },
  },
  findings,
  errors: [],
  missingCalls: [],
});

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
  });
});
