import { type Framework, type FrameworkScore, scoreFramework } from "@vigil/agent";
import Table from "cli-table3";
import type { ScanReportDocument } from "./model.ts";

const RESULT = { PASS: "pass", FAIL: "fail", MUTED: "muted", ERROR: "error" } as const;

/** A framework scored from a report's findings (`vigil scan --framework`). */
export function scoreReport(report: ScanReportDocument, framework: Framework): FrameworkScore {
  return scoreFramework(
    framework,
    report.findings.map((f) => ({ checkId: f.checkId, status: RESULT[f.status] })),
  );
}

/** One row per requirement, then the totals and the score over the requirements decided. */
export function frameworkTable(score: FrameworkScore): string {
  const table = new Table({
    head: ["Requirement", "Status", "Pass", "Fail", "Muted", "Not assessed", "Title"],
    colWidths: [13, 14, 7, 7, 7, 14, 60],
    wordWrap: true,
  });
  for (const r of score.requirements)
    table.push([r.id, r.status, r.results.pass, r.results.fail, r.results.muted, r.results.error, r.title]);
  const t = score.totals;
  const headline =
    score.score === undefined ? "no requirement decided" : `${score.score}% of decided requirements pass`;
  return `${score.framework.title} (${score.framework.id})\n${table.toString()}\n${t.pass} pass, ${t.fail} fail, ${t["not-assessed"]} not assessed, ${t.manual} manual: ${headline}`;
}
