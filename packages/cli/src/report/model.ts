import type { CheckError, Finding, ScanResult, Severity } from "@vigil/agent";

/** Everything a report prints: one scan's findings plus what the scan could not decide. */
export interface ScanReportDocument {
  readonly scan: {
    readonly scanId: string;
    readonly accountId: string;
    readonly regions: readonly string[];
    readonly startedAt: string;
    readonly durationMs: number;
    readonly source: string;
    readonly checkCount: number;
    readonly assetCount: number;
  };
  readonly summary: {
    readonly pass: number;
    readonly fail: number;
    readonly muted: number;
    readonly error: number;
    readonly failBySeverity: Record<Severity, number>;
  };
  readonly findings: readonly Finding[];
  readonly errors: readonly CheckError[];
  /** Snapshot paths of calls that were denied or not captured: their checks decided nothing. */
  readonly missingCalls: readonly string[];
}

export const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low", "informational"];

export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.length - SEVERITY_ORDER.indexOf(severity);
}

export function buildReport(
  result: ScanResult,
  findings: { findings: Finding[]; errors: CheckError[] },
  meta: { startedAt: string; source: string },
): ScanReportDocument {
  return {
    scan: {
      scanId: result.scanId,
      accountId: result.accountId,
      regions: result.discovery.scannedRegions,
      startedAt: meta.startedAt,
      durationMs: Math.round(result.timings.totalMs),
      source: meta.source,
      checkCount: result.checkCount,
      assetCount: result.assets.length,
    },
    summary: {
      pass: result.summary.pass,
      fail: result.summary.fail,
      muted: result.summary.muted,
      error: result.summary.error,
      failBySeverity: { ...result.summary.failBySeverity },
    },
    findings: findings.findings,
    errors: findings.errors,
    missingCalls: [
      ...result.discovery.deniedCalls.map((c) => c.path),
      ...result.discovery.failedCalls.map((c) => `${c.path} (${c.code})`),
    ],
  };
}

/** Unmuted failures at or above `threshold`: the scan's exit code is 2 when there are any. */
export function failuresAtOrAbove(report: ScanReportDocument, threshold: Severity): number {
  const min = severityRank(threshold);
  return report.findings.filter((f) => f.status === "FAIL" && severityRank(f.severity) >= min).length;
}
