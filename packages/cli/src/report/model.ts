import type { CheckError, Finding, FrameworkScore, ScanResult, Severity } from "@vigil/agent";

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
  /** The `ERROR` findings: not assessed (a call could not be read) or a check that failed to run. */
  readonly errors: readonly CheckError[];
  /** Snapshot paths of calls that were denied or not captured: their checks decided nothing. */
  readonly missingCalls: readonly string[];
  /** Every call the scan could not read, by where it was made and why. */
  readonly unreadCalls: readonly UnreadCallRow[];
  /** The scan did not see everything: findings not assessed, or calls not read. */
  readonly incomplete: boolean;
  /** With `--framework`: the account scored against each framework, requirement by requirement. */
  readonly frameworks?: readonly FrameworkScore[];
}

export interface UnreadCallRow {
  /** Snapshot path: `<region>/<service>/<command>[/<resource>]`. */
  readonly path: string;
  /** A region, or `global`. */
  readonly region: string;
  /** AWS CLI service name (`s3api`, `iam`, …). */
  readonly service: string;
  readonly command: string;
  readonly kind: "denied" | "failed";
  readonly code: string;
  readonly message: string;
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
  const unreadCalls = [
    ...result.discovery.deniedCalls.map((c) => unreadRow(c, "denied")),
    ...result.discovery.failedCalls.map((c) => unreadRow(c, "failed")),
  ];
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
    unreadCalls,
    incomplete: findings.errors.length > 0 || unreadCalls.length > 0,
  };
}

function unreadRow(
  call: { path: string; code: string; message: string },
  kind: "denied" | "failed",
): UnreadCallRow {
  const [region = "", service = "", command = ""] = call.path.split("/");
  return { path: call.path, region, service, command, kind, code: call.code, message: call.message };
}

/**
 * The exit code a CI pipeline acts on: 2 when unmuted failures at or above `failOn` remain; 3
 * when the scan is incomplete and that could hide one — a finding at or above `failOn` was not
 * assessed, or, with `failOnIncomplete`, anything was not assessed or not read; else 0.
 */
export function exitCodeOf(
  report: ScanReportDocument,
  options: { failOn?: Severity | undefined; failOnIncomplete?: boolean | undefined },
): 0 | 2 | 3 {
  if (options.failOn !== undefined && failuresAtOrAbove(report, options.failOn) > 0) return 2;
  if (options.failOnIncomplete && report.incomplete) return 3;
  if (options.failOn !== undefined && undecidedAtOrAbove(report, options.failOn) > 0) return 3;
  return 0;
}

/** Findings at or above `threshold` that were not decided (`ERROR`). */
export function undecidedAtOrAbove(report: ScanReportDocument, threshold: Severity): number {
  const min = severityRank(threshold);
  return report.findings.filter((f) => f.status === "ERROR" && severityRank(f.severity) >= min).length;
}

/** Unmuted failures at or above `threshold`: the scan's exit code is 2 when there are any. */
export function failuresAtOrAbove(report: ScanReportDocument, threshold: Severity): number {
  const min = severityRank(threshold);
  return report.findings.filter((f) => f.status === "FAIL" && severityRank(f.severity) >= min).length;
}

/** One check's findings in one status, with what every one of them shares. */
export interface CheckGroup {
  readonly checkId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly cis: readonly string[];
  readonly fsbp: readonly string[];
  readonly remediation?: string;
  readonly findings: Finding[];
}

/** Findings of `status` grouped by check: the most severe first, then the most resources. */
export function groupByCheck(findings: readonly Finding[], status: Finding["status"]): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const f of findings) {
    if (f.status !== status) continue;
    let g = groups.get(f.checkId);
    if (!g) {
      g = {
        checkId: f.checkId,
        title: f.title,
        severity: f.severity,
        cis: f.cis,
        fsbp: f.fsbp,
        ...(f.remediation ? { remediation: f.remediation } : {}),
        findings: [],
      };
      groups.set(f.checkId, g);
    }
    g.findings.push(f);
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      b.findings.length - a.findings.length ||
      a.checkId.localeCompare(b.checkId),
  );
}
