import type { AssetReportView, Severity } from "@vigil/events";

/**
 * What the dashboard computes from the views (pure, so tested without a browser): the posture of a
 * set of latest reports, failed findings grouped by check, the checks that could not be assessed,
 * the filters a reader applies, and the export rows.
 */

export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "informational"];

export interface FindingFilters {
  severity?: Severity;
  region?: string;
  /** Service: the asset type's service part (`aws.s3.bucket` → `s3`). */
  service?: string;
  /** Matched (case-insensitive) against check id and title, asset name and ARN. */
  q?: string;
}

export function parseFilters(query: Record<string, string | undefined>): FindingFilters {
  const f: FindingFilters = {};
  const severity = query.severity?.trim();
  if (severity && (SEVERITIES as readonly string[]).includes(severity)) f.severity = severity as Severity;
  for (const key of ["region", "service", "q"] as const) {
    const v = query[key]?.trim();
    if (v) f[key] = v.slice(0, 200);
  }
  return f;
}

export const serviceOf = (assetType: string) => assetType.split(".")[1] ?? assetType;

/** One failed (or not assessed) result of one asset. */
export interface Finding {
  integrationId: string;
  accountId: string;
  checkId: string;
  title: string;
  severity: Severity;
  status: "fail" | "error";
  evidence?: string;
  /** How to fix it, as the agent's check says (on failures). */
  remediation?: string;
  arn: string;
  assetName: string;
  assetType: string;
  service: string;
  region: string;
  assessedAt: string;
}

export function findingsOf(
  reports: readonly AssetReportView[],
  status: "fail" | "error" = "fail",
): Finding[] {
  return reports.flatMap((r) =>
    r.results
      .filter((x) => x.status === status)
      .map((x) => ({
        integrationId: r.integrationId,
        accountId: r.asset.accountId,
        checkId: x.checkId,
        title: x.title,
        severity: x.severity,
        status,
        ...(x.evidence === undefined ? {} : { evidence: x.evidence }),
        ...(x.remediation === undefined ? {} : { remediation: x.remediation }),
        arn: r.asset.arn,
        assetName: r.asset.name ?? r.asset.arn,
        assetType: r.asset.type,
        service: serviceOf(r.asset.type),
        region: r.asset.region,
        assessedAt: r.assessedAt,
      })),
  );
}

export function applyFilters(findings: readonly Finding[], f: FindingFilters): Finding[] {
  const q = f.q?.toLowerCase();
  return findings.filter(
    (x) =>
      (f.severity === undefined || x.severity === f.severity) &&
      (f.region === undefined || x.region === f.region) &&
      (f.service === undefined || x.service === f.service) &&
      (q === undefined || [x.checkId, x.title, x.assetName, x.arn].some((s) => s.toLowerCase().includes(q))),
  );
}

export interface CheckGroup {
  checkId: string;
  title: string;
  severity: Severity;
  /** Failing assets. */
  count: number;
  findings: Finding[];
  /** The check's fix, from the first finding that carries it. */
  remediation?: string;
}

/** Findings grouped by check: most severe first, then most assets. */
export function groupByCheck(findings: readonly Finding[]): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const f of findings) {
    const g = groups.get(f.checkId) ?? {
      checkId: f.checkId,
      title: f.title,
      severity: f.severity,
      count: 0,
      findings: [],
    };
    g.count += 1;
    g.findings.push(f);
    if (g.remediation === undefined && f.remediation !== undefined) g.remediation = f.remediation;
    // One check may be rated differently per asset: the group shows the worst.
    if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(g.severity)) g.severity = f.severity;
    groups.set(f.checkId, g);
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      b.count - a.count ||
      a.checkId.localeCompare(b.checkId),
  );
}

export interface Posture {
  /** Passed ÷ (passed + failed) over the latest report of every asset, in percent; undefined with nothing assessed. */
  score: number | undefined;
  pass: number;
  fail: number;
  notAssessed: number;
  assets: number;
  bySeverity: { key: string; count: number }[];
  byService: { key: string; count: number }[];
  byRegion: { key: string; count: number }[];
  /** Per framework the results map to (CIS AWS v5.0, FSBP), most results first. */
  frameworks: FrameworkScore[];
}

/** Names of the frameworks the agent's results map to, by their policy id. */
export const FRAMEWORK_NAMES: Readonly<Record<string, string>> = {
  "cis-aws-5.0": "CIS AWS Foundations v5.0",
  "aws-fsbp": "AWS Foundational Security Best Practices",
  "cis-linux-2.0": "CIS Distribution Independent Linux v2.0.0",
};

export interface FrameworkScore {
  id: string;
  name: string;
  /** Passed ÷ (passed + failed) over the results that map to the framework, in percent. */
  score: number | undefined;
  pass: number;
  fail: number;
  /** Requirements with at least one failed result, of those with a passed or failed result. */
  failedRequirements: number;
  requirements: number;
}

/** The framework of a requirement id: `cis-aws-5.0` of `cis-aws-5.0:2.1.1`. */
function frameworkOf(requirement: string): string {
  return requirement.slice(0, requirement.indexOf(":"));
}

/** Pass and fail counts per framework id (`cis-aws-5.0`), from results' `frameworks`. */
export function frameworkCounts(
  results: readonly { status: string; frameworks?: readonly string[] | undefined }[],
): Record<string, { pass: number; fail: number }> {
  const out: Record<string, { pass: number; fail: number }> = {};
  for (const r of results) {
    if ((r.status !== "pass" && r.status !== "fail") || !r.frameworks) continue;
    for (const id of new Set(r.frameworks.map(frameworkOf))) {
      const c = out[id] ?? { pass: 0, fail: 0 };
      out[id] = c;
      if (r.status === "pass") c.pass += 1;
      else c.fail += 1;
    }
  }
  return out;
}

function percent(pass: number, fail: number): number | undefined {
  return pass + fail === 0 ? undefined : Math.round((1000 * pass) / (pass + fail)) / 10;
}

export function frameworkScoresOf(reports: readonly AssetReportView[]): FrameworkScore[] {
  const results = reports.flatMap((r) => r.results);
  const counts = frameworkCounts(results);
  const requirements = new Map<string, { failed: Set<string>; all: Set<string> }>();
  for (const r of results) {
    if (r.status !== "pass" && r.status !== "fail") continue;
    for (const f of r.frameworks ?? []) {
      const id = frameworkOf(f);
      const req = requirements.get(id) ?? { failed: new Set(), all: new Set() };
      req.all.add(f);
      if (r.status === "fail") req.failed.add(f);
      requirements.set(id, req);
    }
  }
  return Object.entries(counts)
    .map(([id, c]) => ({
      id,
      name: FRAMEWORK_NAMES[id] ?? id,
      score: percent(c.pass, c.fail),
      pass: c.pass,
      fail: c.fail,
      failedRequirements: requirements.get(id)?.failed.size ?? 0,
      requirements: requirements.get(id)?.all.size ?? 0,
    }))
    .sort((a, b) => b.pass + b.fail - (a.pass + a.fail) || a.id.localeCompare(b.id));
}

function tally(findings: readonly Finding[], key: (f: Finding) => string, order?: readonly string[]) {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) =>
      order ? order.indexOf(a.key) - order.indexOf(b.key) : b.count - a.count || a.key.localeCompare(b.key),
    );
}

export function postureOf(reports: readonly AssetReportView[]): Posture {
  let pass = 0;
  let fail = 0;
  let notAssessed = 0;
  for (const r of reports) {
    pass += r.totals.pass ?? 0;
    fail += r.totals.fail ?? 0;
    notAssessed += r.totals.error ?? 0;
  }
  const failed = findingsOf(reports);
  return {
    score: percent(pass, fail),
    pass,
    fail,
    notAssessed,
    assets: reports.length,
    bySeverity: tally(failed, (f) => f.severity, SEVERITIES),
    byService: tally(failed, (f) => f.service),
    byRegion: tally(failed, (f) => f.region),
    frameworks: frameworkScoresOf(reports),
  };
}

/** CSV of findings (RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with '). */
export function findingsCsv(findings: readonly Finding[]): string {
  const header = [
    "integrationId",
    "accountId",
    "severity",
    "checkId",
    "title",
    "status",
    "assetName",
    "arn",
    "assetType",
    "region",
    "assessedAt",
    "evidence",
    "remediation",
  ] as const;
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const rows = findings.map((f) => header.map((h) => cell(String(f[h] ?? ""))).join(","));
  return `${[header.join(","), ...rows].join("\r\n")}\r\n`;
}

/** Score per scan, oldest first: what the assets' histories say each scan found. */
export interface TrendPoint {
  scanId: string;
  at: string;
  score: number;
  fail: number;
}

interface HistoryEntryCounts {
  scanId: string;
  assessedAt: string;
  pass: number;
  fail: number;
  frameworks?: Record<string, { pass: number; fail: number }>;
}

/**
 * Score per scan over every result, or with `framework` over the results that map to it (entries
 * recorded before results carried frameworks count for none).
 */
export function trendOf(
  histories: readonly { entries: readonly HistoryEntryCounts[] }[],
  limit = 12,
  framework?: string,
): TrendPoint[] {
  const scans = new Map<string, { at: string; pass: number; fail: number }>();
  for (const h of histories) {
    for (const e of h.entries) {
      const counts = framework === undefined ? e : e.frameworks?.[framework];
      if (!counts) continue;
      const s = scans.get(e.scanId) ?? { at: e.assessedAt, pass: 0, fail: 0 };
      s.pass += counts.pass;
      s.fail += counts.fail;
      if (e.assessedAt > s.at) s.at = e.assessedAt;
      scans.set(e.scanId, s);
    }
  }
  return [...scans.entries()]
    .filter(([, s]) => s.pass + s.fail > 0)
    .map(([scanId, s]) => ({
      scanId,
      at: s.at,
      fail: s.fail,
      score: Math.round((1000 * s.pass) / (s.pass + s.fail)) / 10,
    }))
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(-limit);
}

/** Each framework's score per scan, by framework id: every framework the histories count. */
export function frameworkTrendsOf(
  histories: readonly { entries: readonly HistoryEntryCounts[] }[],
): Record<string, TrendPoint[]> {
  const ids = new Set(histories.flatMap((h) => h.entries.flatMap((e) => Object.keys(e.frameworks ?? {}))));
  return Object.fromEntries([...ids].map((id) => [id, trendOf(histories, 12, id)]));
}
