import Table from "cli-table3";
import { type ScanReportDocument, SEVERITY_ORDER } from "./model.ts";

/** The end-of-scan summary: failures by severity, then the checks that failed most. */
export function summaryTable(report: ScanReportDocument, top = 10): string {
  const s = report.summary;
  const totals = new Table({
    head: ["Account", "Regions", "Assets", "Checks", "Pass", "Fail", "Muted", "Errors"],
  });
  totals.push([
    report.scan.accountId,
    report.scan.regions.length,
    report.scan.assetCount,
    report.scan.checkCount,
    s.pass,
    s.fail,
    s.muted,
    s.error,
  ]);
  const bySeverity = new Table({ head: ["Severity", "Failed"] });
  for (const severity of SEVERITY_ORDER) bySeverity.push([severity, s.failBySeverity[severity]]);
  const counts = new Map<string, { severity: string; title: string; count: number }>();
  for (const f of report.findings) {
    if (f.status !== "FAIL") continue;
    const entry = counts.get(f.checkId) ?? { severity: f.severity, title: f.title, count: 0 };
    entry.count++;
    counts.set(f.checkId, entry);
  }
  const worst = [...counts.entries()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a[1].severity as never) - SEVERITY_ORDER.indexOf(b[1].severity as never) ||
      b[1].count - a[1].count,
  );
  const failing = new Table({
    head: ["Check", "Severity", "Failed", "Title"],
    colWidths: [48, 10, 8, 60],
    wordWrap: true,
  });
  for (const [id, e] of worst.slice(0, top)) failing.push([id, e.severity, e.count, e.title]);
  const parts = [totals.toString(), bySeverity.toString()];
  if (worst.length > 0)
    parts.push(
      `Most severe failing checks (${Math.min(top, worst.length)} of ${worst.length}):\n${failing.toString()}`,
    );
  if (report.missingCalls.length > 0) {
    parts.push(
      `Calls missing or denied (${report.missingCalls.length}); the checks that need them decided nothing:\n  ${report.missingCalls.slice(0, 20).join("\n  ")}`,
    );
  }
  return parts.join("\n");
}
