import type { Finding } from "@vigil/agent";
import type { ScanReportDocument } from "../../src/report/index.ts";

/** A finding of the public-read check on bucket `b`, failed and critical unless `over` says otherwise. */
export const finding = (over: Partial<Finding>): Finding => ({
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

/** A one-region scan report of these findings, its summary counted from them. */
export const report = (findings: Finding[]): ScanReportDocument => {
  const count = (status: Finding["status"]) => findings.filter((f) => f.status === status).length;
  const failBySeverity = { critical: 0, high: 0, medium: 0, low: 0, informational: 0 };
  for (const f of findings) if (f.status === "FAIL") failBySeverity[f.severity] += 1;
  return {
    scan: {
      scanId: "s",
      accountId: "111122223333",
      regions: ["us-east-1"],
      startedAt: "2026-06-01T00:00:00Z",
      durationMs: 1,
      source: "test",
      checkCount: new Set(findings.map((f) => f.checkId)).size,
      assetCount: new Set(findings.map((f) => f.resource)).size,
    },
    summary: {
      pass: count("PASS"),
      fail: count("FAIL"),
      muted: count("MUTED"),
      error: count("ERROR"),
      failBySeverity,
    },
    findings,
    errors: findings
      .filter((f) => f.status === "ERROR")
      .map((f) => ({ checkId: f.checkId, resource: f.resource, message: f.evidence ?? "" })),
    missingCalls: [],
    unreadCalls: [],
    incomplete: findings.some((f) => f.status === "ERROR"),
  };
};
