export {
  formatReport,
  isReportFormat,
  REPORT_FORMATS,
  type ReportFormat,
  toCsv,
  toHtml,
  toJson,
  toOcsf,
  toSarif,
} from "./formats.ts";
export { frameworkTable, scoreReport } from "./framework.ts";
export {
  buildReport,
  exitCodeOf,
  failuresAtOrAbove,
  type ScanReportDocument,
  SEVERITY_ORDER,
  severityRank,
  type UnreadCallRow,
  undecidedAtOrAbove,
} from "./model.ts";
export { progressRenderer } from "./progress.ts";
export { summaryTable } from "./summary.ts";
export { newTable, useColor } from "./table.ts";
