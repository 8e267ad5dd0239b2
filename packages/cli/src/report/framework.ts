import { type Framework, type FrameworkScore, scoreFramework } from "@vigil/agent";
import type { ScanReportDocument } from "./model.ts";
import { newTable, useColor } from "./table.ts";

const RESULT = { PASS: "pass", FAIL: "fail", MUTED: "muted", ERROR: "error" } as const;

/** A framework scored from a report's findings (`vigil scan --framework`). */
export function scoreReport(report: ScanReportDocument, framework: Framework): FrameworkScore {
  return scoreFramework(
    framework,
    report.findings.map((f) => ({ checkId: f.checkId, status: RESULT[f.status] })),
  );
}

/**
 * One row per requirement a Vigil check decides, then the totals and the score over the requirements
 * decided. Manual requirements (no Vigil check decides them) are counted, not listed: the JSON report
 * has them all.
 */
export function frameworkTable(score: FrameworkScore, color: boolean = useColor()): string {
  const table = newTable(
    {
      head: ["Requirement", "Status", "Pass", "Fail", "Muted", "Not assessed", "Title"],
      colWidths: [13, 14, 7, 7, 7, 14, 60],
      wordWrap: true,
    },
    color,
  );
  for (const r of score.requirements.filter((r) => r.status !== "manual"))
    table.push([r.id, r.status, r.results.pass, r.results.fail, r.results.muted, r.results.error, r.title]);
  const t = score.totals;
  const headline =
    score.score === undefined ? "no requirement decided" : `${score.score}% of decided requirements pass`;
  const manual =
    t.manual === 0
      ? ""
      : `\n${t.manual} manual: no Vigil check decides them, so Vigil does not cover them (assess them by hand; listed in --format json)`;
  return `${score.framework.title} (${score.framework.id})\n${table.toString()}\n${t.pass} pass, ${t.fail} fail, ${t["not-assessed"]} not assessed, ${t.manual} manual: ${headline}${manual}`;
}
