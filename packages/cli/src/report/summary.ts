import { groupByCheck, type ScanReportDocument, SEVERITY_ORDER } from "./model.ts";
import { newTable, useColor } from "./table.ts";

/**
 * The end-of-scan summary: failures by severity, then the checks that failed most. Coloured only for
 * a terminal (`color`: the stream it is written to, stdout by default).
 */
export function summaryTable(report: ScanReportDocument, top = 10, color: boolean = useColor()): string {
  const s = report.summary;
  const totals = newTable(
    {
      head: ["Account", "Regions", "Assets", "Checks", "Pass", "Fail", "Muted", "Not assessed"],
    },
    color,
  );
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
  const bySeverity = newTable({ head: ["Severity", "Failed"] }, color);
  for (const severity of SEVERITY_ORDER) bySeverity.push([severity, s.failBySeverity[severity]]);
  const worst = groupByCheck(report.findings, "FAIL");
  const failing = newTable(
    {
      head: ["Check", "Severity", "Failed", "Title"],
      colWidths: [48, 10, 8, 60],
      wordWrap: true,
    },
    color,
  );
  for (const g of worst.slice(0, top)) failing.push([g.checkId, g.severity, g.findings.length, g.title]);
  const parts = [totals.toString(), bySeverity.toString()];
  if (worst.length > 0)
    parts.push(
      `Most severe failing checks (${Math.min(top, worst.length)} of ${worst.length}):\n${failing.toString()}`,
    );
  if (report.errors.length > 0) {
    // What was not decided, by check: the reason names the call.
    const byCheck = new Map<string, { count: number; reason: string }>();
    for (const e of report.errors) {
      const entry = byCheck.get(e.checkId) ?? { count: 0, reason: e.message };
      entry.count++;
      byCheck.set(e.checkId, entry);
    }
    const notAssessed = newTable(
      {
        head: ["Check", "Not assessed", "Why (first)"],
        colWidths: [48, 14, 64],
        wordWrap: true,
      },
      color,
    );
    for (const [id, e] of [...byCheck.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, top))
      notAssessed.push([id, e.count, e.reason]);
    parts.push(
      `INCOMPLETE: ${report.errors.length} finding(s) could not be assessed (${byCheck.size} check(s)); neither passing nor failing:\n${notAssessed.toString()}`,
    );
  }
  if (report.unreadCalls.length > 0) {
    const groups = new Map<
      string,
      { service: string; region: string; denied: number; failed: number; codes: Set<string> }
    >();
    for (const c of report.unreadCalls) {
      const key = `${c.service}|${c.region}`;
      const g = groups.get(key) ?? {
        service: c.service,
        region: c.region,
        denied: 0,
        failed: 0,
        codes: new Set(),
      };
      g[c.kind]++;
      g.codes.add(`${c.command} ${c.code}`);
      groups.set(key, g);
    }
    const calls = newTable(
      {
        head: ["Service", "Region", "Denied", "Failed", "Calls"],
        colWidths: [14, 16, 8, 8, 80],
        wordWrap: true,
      },
      color,
    );
    for (const g of [...groups.values()].sort(
      (a, b) => a.service.localeCompare(b.service) || a.region.localeCompare(b.region),
    ))
      calls.push([g.service, g.region, g.denied, g.failed, [...g.codes].slice(0, 6).join(", ")]);
    parts.push(`Calls not read (${report.unreadCalls.length}), by service and region:\n${calls.toString()}`);
  }
  return parts.join("\n");
}
