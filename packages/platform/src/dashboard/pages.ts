import type { Severity } from "@vigil/events";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { OrganizationRollup } from "../organizations/rollup.ts";
import type { OrganizationScanProgress } from "../organizations/scan-progress.ts";
import type { AssetHistoryView } from "../views/asset-history.ts";
import type { OsInventoryView } from "../views/os-inventory.ts";
import type {
  AlertView,
  AssetReportView,
  IntegrationSummary,
  ResourceCountsView,
} from "../views/platform-views.ts";
import type { TimelineEntry } from "../views/timeline.ts";
import {
  applyFilters,
  type CheckGroup,
  type Finding,
  type FindingFilters,
  type FrameworkScore,
  findingsOf,
  groupByCheck,
  type Posture,
  postureOf,
  SEVERITIES,
  type TrendPoint,
} from "./posture.ts";

/** Server-rendered pages: `html` escapes every interpolated value, so report text cannot inject markup. */

type Page = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Served at /assets/dashboard.css: the CSP allows the platform's own stylesheet and no inline style. */
export const DASHBOARD_CSS = `
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  table { border-collapse: collapse; margin: .5rem 0; }
  th, td { border: 1px solid #d5d9e0; padding: .3rem .6rem; text-align: left; }
  th { background: #f1f3f6; }
  .status { padding: .1rem .4rem; border-radius: .3rem; background: #e7ebf0; }
  .status-active { background: #d6f5dd; } .status-deleting, .status-deleted { background: #f7dcdc; }
  .sev-critical { color: #a40000; font-weight: 600; } .sev-high { color: #d04a02; }
  .empty { color: #6b7280; font-style: italic; }
  nav { display: flex; gap: 1rem; align-items: center; }
  nav form { margin-left: auto; }
  form.sign-in { display: grid; gap: .5rem; max-width: 20rem; }
  .error { color: #a40000; }
  .tiles { display: flex; gap: 1rem; flex-wrap: wrap; }
  .tile { border: 1px solid #d5d9e0; border-radius: .4rem; padding: .6rem 1rem; display: flex; flex-direction: column; min-width: 8rem; }
  .big { font-size: 1.8rem; font-weight: 600; }
  .charts { display: flex; gap: 2rem; flex-wrap: wrap; margin-top: 1rem; }
  .chart figcaption { font-weight: 600; margin-bottom: .3rem; }
  .filters { display: flex; gap: .8rem; flex-wrap: wrap; align-items: end; margin: .5rem 0; }
  .result-fail td:first-child { color: #a40000; font-weight: 600; }
  .result-error td:first-child { color: #6b7280; }
  code { font-size: .85em; color: #4b5563; }
  .fix { font-size: .9em; color: #374151; }
  .requirements { font-size: .8em; color: #6b7280; }
  .tile.framework { max-width: 18rem; }
`;

/** The signed-in user, shown with a sign-out form carrying the session's CSRF token. */
export interface Viewer {
  user: string;
  role: string;
  csrf?: string;
}

function layout(title: string, body: Page, viewer?: Viewer, refreshTo?: string): Page {
  return html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" />${
    refreshTo ? html`<meta http-equiv="refresh" content="0;url=${refreshTo}" />` : ""
  }<title>${title} · Vigil</title><link rel="stylesheet" href="/assets/dashboard.css" /></head>
  <body><nav><a href="/dashboard">Vigil</a>${
    viewer
      ? html`<span class="who">${viewer.user} (${viewer.role})</span>${
          viewer.csrf
            ? html`<form method="post" action="/sign-out"><input type="hidden" name="csrf" value="${viewer.csrf}" /><button type="submit">Sign out</button></form>`
            : ""
        }`
      : ""
  }</nav>${body}</body>
</html>`;
}

export function renderSignIn({
  next,
  error,
  oidc,
  password = true,
}: {
  next: string;
  error?: string;
  /** The identity provider's name, when people may sign in there. */
  oidc?: string;
  /** Whether the user name and password form is offered (default true). */
  password?: boolean;
}): Page {
  return layout(
    "Sign in",
    html`<h1>Sign in</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
${oidc ? html`<p><a class="oidc" href="/sign-in/oidc?next=${encodeURIComponent(next)}">Sign in with ${oidc}</a></p>` : ""}
${
  password
    ? html`<form class="sign-in" method="post" action="/sign-in">
  <input type="hidden" name="next" value="${next}" />
  <label>User <input name="user" autocomplete="username" required /></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
  <button type="submit">Sign in</button>
</form>`
    : ""
}`,
  );
}

/**
 * After the identity provider's redirect: the session cookie is set, and the page moves on by
 * itself. Not a redirect: a redirect at the end of a chain that began on the provider's site is
 * cross-site, and the browser would not send the new `SameSite=Strict` session with it.
 */
export function renderSignedIn({ next, user }: { next: string; user: string }): Page {
  return layout(
    "Signed in",
    html`<h1>Signed in</h1>
<p>Signed in as ${user}. <a href="${next}">Continue</a></p>`,
    undefined,
    next,
  );
}

const ERROR_TITLES: Record<number, string> = {
  400: "Request refused",
  403: "Not allowed",
  404: "Not found",
  409: "Changed meanwhile",
  500: "The platform failed",
  503: "Storage unavailable",
};

/** A dashboard request that failed: what happened, in the API's words, and the way back. */
export function renderErrorPage({ status, message }: { status: number; message: string }): Page {
  const title = ERROR_TITLES[status] ?? "Request refused";
  return layout(
    title,
    html`<h1>${title}</h1>
<p class="error" role="alert">${message}</p>
<p>${status >= 500 ? "Nothing was recorded; reload the page in a few seconds. " : ""}<a href="/dashboard">Back to the dashboard</a></p>`,
  );
}

export interface FindingCell {
  severity: Severity;
  region: string;
  count: number;
}

/** Failed checks of the latest report per asset, counted by severity and region. */
export function findingsBySeverityAndRegion(reports: readonly AssetReportView[]): FindingCell[] {
  const cells = new Map<string, FindingCell>();
  for (const report of reports) {
    for (const result of report.results) {
      if (result.status !== "fail") continue;
      const key = `${result.severity}\u0000${report.asset.region}`;
      const cell = cells.get(key) ?? { severity: result.severity, region: report.asset.region, count: 0 };
      cell.count += 1;
      cells.set(key, cell);
    }
  }
  return [...cells.values()].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.region.localeCompare(b.region),
  );
}

export interface DashboardData {
  integrations: (IntegrationSummary & { resources: number | undefined; failedChecks: number })[];
  /** Latest report per asset of every integration. */
  reports: AssetReportView[];
  alerts: AlertView[];
  viewer?: Viewer;
}

export interface IntegrationPageData {
  viewer?: Viewer;
  integration: IntegrationSummary;
  reports: AssetReportView[];
  /** Assets the latest full scan of their region no longer found. */
  removed?: (AssetReportView & { goneSince: string })[];
  counts: ResourceCountsView | undefined;
  /** The integration's lifecycle, oldest first. */
  timeline: TimelineEntry[];
  filters?: FindingFilters;
  trend?: TrendPoint[];
  /** Score per scan of each framework, by framework id. */
  frameworkTrends?: Record<string, TrendPoint[]>;
}

/** One tile per framework the results map to: its score, failing requirements and, given trends, its score per scan. */
function frameworkTiles(scores: readonly FrameworkScore[], trends?: Record<string, TrendPoint[]>): Page {
  if (scores.length === 0) return html``;
  return html`<h2>Frameworks</h2><section id="frameworks" class="tiles">${scores.map(
    (f) =>
      html`<div class="tile framework" id="framework-${f.id}"><span class="big">${scoreText(f.score)}</span><span>${f.name}</span><span>${f.failedRequirements} of ${f.requirements} requirements failing · ${f.fail} failed, ${f.pass} passed</span>${trends ? trendChart(`trend-${f.id}`, trends[f.id] ?? []) : ""}</div>`,
  )}</section>`;
}

/** A horizontal bar chart drawn in SVG from counts (no script, no inline style: the CSP allows neither). */
function barChart(id: string, title: string, rows: readonly { key: string; count: number }[]): Page {
  if (rows.length === 0)
    return html`<figure id="${id}" class="chart"><figcaption>${title}</figcaption><p class="empty">No failed checks.</p></figure>`;
  const max = Math.max(...rows.map((r) => r.count));
  const height = rows.length * 22 + 4;
  return html`<figure id="${id}" class="chart"><figcaption>${title}</figcaption>
  <svg role="img" aria-label="${title}" width="360" height="${height}" viewBox="0 0 360 ${height}">
  ${rows.map((r, i) => {
    const w = Math.max(2, Math.round((r.count / max) * 200));
    return html`<g><text x="0" y="${i * 22 + 15}" font-size="12">${r.key}</text><rect class="bar sev-${r.key}" x="120" y="${i * 22 + 4}" width="${w}" height="14" fill="#4a6fa5"></rect><text x="${124 + w}" y="${i * 22 + 15}" font-size="12">${r.count}</text></g>`;
  })}
  </svg></figure>`;
}

/** Score trend per scan as an SVG line (oldest → newest). */
function trendChart(id: string, points: readonly TrendPoint[]): Page {
  if (points.length < 2) return html`<p class="empty" id="${id}">A trend appears after two scans.</p>`;
  const x = (i: number) => 10 + Math.round((i * 280) / (points.length - 1));
  const y = (score: number) => 90 - Math.round((score / 100) * 80);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i)},${y(p.score)}`).join(" ");
  return html`<svg id="${id}" role="img" aria-label="score per scan" width="300" height="100" viewBox="0 0 300 100">
    <path d="${path}" fill="none" stroke="#4a6fa5" stroke-width="2"></path>
    ${points.map((p, i) => html`<circle cx="${x(i)}" cy="${y(p.score)}" r="3" fill="#4a6fa5"><title>${p.scanId}: ${p.score}%</title></circle>`)}
  </svg>`;
}

const scoreText = (score: number | undefined) => (score === undefined ? "–" : `${score}%`);

function filterForm(
  action: string,
  f: FindingFilters,
  options: { regions: string[]; services: string[] },
): Page {
  return html`<form class="filters" method="get" action="${action}" role="search">
    <label>Severity <select name="severity"><option value="">any</option>${SEVERITIES.map((s) => html`<option value="${s}" ${f.severity === s ? "selected" : ""}>${s}</option>`)}</select></label>
    <label>Region <select name="region"><option value="">any</option>${options.regions.map((r) => html`<option value="${r}" ${f.region === r ? "selected" : ""}>${r}</option>`)}</select></label>
    <label>Service <select name="service"><option value="">any</option>${options.services.map((r) => html`<option value="${r}" ${f.service === r ? "selected" : ""}>${r}</option>`)}</select></label>
    <label>Search <input name="q" value="${f.q ?? ""}" placeholder="check, title, asset" /></label>
    <button type="submit">Filter</button>
  </form>`;
}

export function queryOf(f: FindingFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) params.set(k, String(v));
  const q = params.toString();
  return q ? `?${q}` : "";
}

function checkGroupsTable(groups: readonly CheckGroup[], assetLink: (f: Finding) => string): Page {
  if (groups.length === 0) return html`<p class="empty">No failed checks match.</p>`;
  return html`<table id="findings-by-check"><tr><th>Severity</th><th>Check</th><th>Failing assets</th><th>Assets</th></tr>
  ${groups.map(
    (
      g,
    ) => html`<tr class="check-group"><td class="sev-${g.severity}">${g.severity}</td><td><strong>${g.title}</strong><br /><code>${g.checkId}</code>${g.remediation ? html`<br /><span class="fix">Fix: ${g.remediation}</span>` : ""}</td><td class="count">${g.count}</td>
      <td>${g.findings.slice(0, 5).map((f) => html`<a href="${assetLink(f)}">${f.assetName}</a> (${f.region}) `)}${g.count > 5 ? ` and ${g.count - 5} more` : ""}</td></tr>`,
  )}</table>`;
}

/** An organization's page: its members' status lines, the roll-up, and its latest scan's progress per account. */
export interface OrganizationPageData {
  organization: { organizationIntegrationId: string; organizationId: string; homeRegion: string };
  rollup: OrganizationRollup;
  /** Each framework's score over every member account's latest reports. */
  frameworks?: FrameworkScore[];
  scan?: OrganizationScanProgress;
  viewer?: Viewer;
}

export function renderOrganizationPage({
  organization,
  rollup,
  frameworks = [],
  scan,
  viewer,
}: OrganizationPageData): Page {
  const severities = ["critical", "high", "medium", "low"] as const;
  return layout(
    `Organization ${organization.organizationId}`,
    html`<h1>Organization ${organization.organizationId}</h1>
    <p><code>${organization.organizationIntegrationId}</code> · ${organization.homeRegion}</p>
    <section id="rollup" class="tiles">
      <div class="tile"><span class="big">${rollup.accounts}</span><span>accounts (${Object.entries(
        rollup.byStatus,
      )
        .map(([st, n]) => `${n} ${st}`)
        .join(", ")})</span></div>
      <div class="tile"><span class="big">${rollup.assets}</span><span>assets</span></div>
      <div class="tile"><span class="big">${rollup.failed}</span><span>failed findings</span></div>
      <div class="tile"><span class="big">${rollup.notAssessed}</span><span>not assessed</span></div>
    </section>
    ${frameworkTiles(frameworks)}
    <h2>Accounts</h2>
    <table id="members"><tr><th>Account</th><th>Status</th><th>Key</th><th>Assets</th><th>Failed</th>${severities.map((sv) => html`<th class="sev-${sv}">${sv}</th>`)}<th>Last scan</th></tr>
    ${rollup.byAccount.map(
      (a) => html`<tr>
        <td><a href="/dashboard/integrations/${encodeURIComponent(a.integrationId)}">${a.accountId}</a></td>
        <td><span class="status status-${a.status}">${a.status}</span></td>
        <td><code>${a.keyId ? `…${a.keyId.slice(-10)}` : ""}</code></td>
        <td>${a.assets}</td><td>${a.failed}</td>
        ${severities.map((sv) => html`<td>${a.failedBySeverity[sv] ?? 0}</td>`)}
        <td>${a.lastScan ? `${a.lastScan.scanId} (${a.lastScan.status})` : "none"}</td>
      </tr>`,
    )}</table>
    <h2>Latest organization-wide scan</h2>
    ${
      !scan
        ? html`<p class="empty">No organization-wide scan yet (POST /admin/organizations/${organization.organizationIntegrationId}/commands).</p>`
        : html`<p id="scan-summary">${scan.scanId}: ${Object.entries(scan.byStatus)
            .map(([st, n]) => `${n} ${st}`)
            .join(", ")}${scan.done ? " — done" : ""}</p>
        <table id="scan-progress"><tr><th>Account</th><th>Status</th><th>Not before</th><th>Shards</th><th>Assets</th><th>Failed</th></tr>
        ${scan.accounts.map(
          (a) =>
            html`<tr><td>${a.accountId}</td><td>${a.status}</td><td>${a.notBefore}</td><td>${a.shards.completed} of ${a.shards.total ?? "?"}</td><td>${a.assets}</td><td>${a.failed}</td></tr>`,
        )}</table>`
    }`,
    viewer,
  );
}

export interface PosturePageData {
  integrations: (IntegrationSummary & {
    resources: number | undefined;
    posture: Posture;
    trend: TrendPoint[];
  })[];
  /** Score per scan of each framework over every account, by framework id. */
  frameworkTrends?: Record<string, TrendPoint[]>;
  reports: AssetReportView[];
  filters: FindingFilters;
  alerts: AlertView[];
  /** Organization integrations, linked to their pages. */
  organizations?: {
    organizationIntegrationId: string;
    organizationId: string | undefined;
    members: number;
  }[];
  viewer?: Viewer;
}

export function renderDashboard({
  integrations,
  reports,
  filters,
  alerts,
  organizations = [],
  viewer,
  frameworkTrends = {},
}: PosturePageData): Page {
  const posture = postureOf(reports);
  const all = findingsOf(reports);
  const shown = applyFilters(all, filters);
  const groups = groupByCheck(shown);
  const notAssessed = groupByCheck(applyFilters(findingsOf(reports, "error"), filters));
  const regions = [...new Set(all.map((f) => f.region))].sort();
  const services = [...new Set(all.map((f) => f.service))].sort();
  const link = (f: Finding) =>
    `/dashboard/integrations/${encodeURIComponent(f.integrationId)}/asset?arn=${encodeURIComponent(f.arn)}`;
  return layout(
    "Posture",
    html`<h1>Posture</h1>
    <section id="posture" class="tiles">
      <div class="tile"><span class="big" id="score">${scoreText(posture.score)}</span><span>checks passed</span></div>
      <div class="tile"><span class="big">${posture.fail}</span><span>failed findings</span></div>
      <div class="tile"><span class="big">${posture.assets}</span><span>assets</span></div>
      <div class="tile"><span class="big">${posture.notAssessed}</span><span>not assessed</span></div>
    </section>
    ${frameworkTiles(posture.frameworks, frameworkTrends)}
    <section class="charts">
      ${barChart("by-severity", "Failed findings by severity", posture.bySeverity)}
      ${barChart("by-service", "Failed findings by service", posture.byService)}
      ${barChart("by-region", "Failed findings by region", posture.byRegion)}
    </section>
    ${
      organizations.length === 0
        ? ""
        : html`<h2>Organizations</h2><table id="organizations"><tr><th>Organization</th><th>Integration</th><th>Accounts</th></tr>
        ${organizations.map((o) => html`<tr><td><a href="/dashboard/organizations/${encodeURIComponent(o.organizationIntegrationId)}">${o.organizationId}</a></td><td>${o.organizationIntegrationId}</td><td>${o.members}</td></tr>`)}</table>`
    }
    <h2>Accounts</h2>
    ${
      integrations.length === 0
        ? html`<p class="empty">No integrations yet. Create one with POST /admin/integrations.</p>`
        : html`<table id="integrations">
      <tr><th>Integration</th><th>Account</th><th>Status</th><th>Score</th><th>Trend</th><th>Failed</th><th>Resources</th><th>Last heartbeat</th><th>Last scan</th></tr>
      ${integrations.map(
        (i) => html`<tr>
          <td><a href="/dashboard/integrations/${encodeURIComponent(i.integrationId)}">${i.integrationId}</a></td>
          <td>${i.accountId}</td>
          <td><span class="status status-${i.status}">${i.status}</span></td>
          <td class="score">${scoreText(i.posture.score)}</td>
          <td>${trendChart(`trend-${i.integrationId}`, i.trend)}</td>
          <td>${i.posture.fail}</td>
          <td>${i.resources ?? "–"}</td>
          <td>${i.lastHeartbeat?.at ?? "never"}</td>
          <td>${i.lastScan ? `${i.lastScan.scanId} (${i.lastScan.status})` : "none"}</td>
        </tr>`,
      )}
    </table>`
    }
    <h2>Findings by check</h2>
    ${filterForm("/dashboard", filters, { regions, services })}
    <p class="exports">${shown.length} of ${all.length} failed findings ·
      <a id="export-csv" href="/dashboard/findings.csv${queryOf(filters)}">CSV</a> ·
      <a id="export-json" href="/dashboard/findings.json${queryOf(filters)}">JSON</a></p>
    ${checkGroupsTable(groups, link)}
    <h2>Not assessed</h2>
    ${
      notAssessed.length === 0
        ? html`<p class="empty" id="not-assessed">Every check was assessed.</p>`
        : html`<table id="not-assessed"><tr><th>Check</th><th>Assets</th><th>Reason</th></tr>
        ${notAssessed.map((g) => html`<tr><td>${g.title} <code>${g.checkId}</code></td><td>${g.count}</td><td>${g.findings[0]?.evidence ?? ""}</td></tr>`)}</table>`
    }
    <h2>Support alerts</h2>
    ${
      alerts.length === 0
        ? html`<p class="empty">No alerts.</p>`
        : html`<table id="alerts"><tr><th>Time</th><th>Integration</th><th>Component</th><th>Severity</th><th>Message</th></tr>
        ${alerts.map((a) => html`<tr><td>${a.at}</td><td>${a.integrationId}</td><td>${a.component}</td><td class="sev-${a.severity}">${a.severity}</td><td>${a.message}</td></tr>`)}
      </table>`
    }`,
    viewer,
  );
}

export interface AssetPageData {
  integrationId: string;
  report: AssetReportView & { goneSince?: string };
  history: AssetHistoryView | undefined;
  /** For an `aws.ec2.instance-os`: the OS and packages of its latest EBS scan. */
  inventory?: OsInventoryView | undefined;
  viewer?: Viewer;
}

/** The operating system and installed packages an EBS scan read from an instance's disk. */
function inventorySection(inventory: OsInventoryView | undefined) {
  if (!inventory)
    return html`<h2>Operating system</h2><p class="empty">No EBS scan has reported this instance's operating system yet.</p>`;
  const p = inventory.packages;
  return html`<h2>Operating system</h2>
    <p id="os-facts">${inventory.os?.prettyName ?? "unknown"} · kernel ${inventory.os?.kernels.at(-1) ?? "unknown"} · read from a snapshot of its root volume in scan ${inventory.scanId} at ${inventory.scannedAt}</p>
    <h2>Packages</h2>
    ${
      p.notAssessed
        ? html`<p class="error" id="packages-not-assessed">Not assessed: ${p.notAssessed}</p>`
        : html`<p>${p.items.length}${p.total !== undefined && p.total > p.items.length ? ` of ${p.total}` : ""} packages (${p.manager ?? "unknown"})</p>
        <table id="packages"><tr><th>Package</th><th>Version</th><th>Arch</th></tr>
        ${p.items.map((i) => html`<tr><td>${i.name}</td><td>${i.version}</td><td>${i.arch ?? ""}</td></tr>`)}</table>`
    }`;
}

export function renderAssetPage({ integrationId, report, history, inventory, viewer }: AssetPageData): Page {
  const a = report.asset;
  const order = (s: string) => ["fail", "error", "muted", "pass"].indexOf(s);
  const results = [...report.results].sort(
    (x, y) =>
      order(x.status) - order(y.status) || SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity),
  );
  return layout(
    `Asset ${a.name ?? a.arn}`,
    html`<p><a href="/dashboard/integrations/${encodeURIComponent(integrationId)}">← integration ${integrationId}</a></p>
    <h1 id="asset-name">${a.name ?? a.arn}</h1>
    <p id="asset-facts"><code>${a.arn}</code> · ${a.type} · ${a.region} · account ${a.accountId}</p>
    ${report.goneSince ? html`<p class="error">Not found by the scans since ${report.goneSince}; this is its last report.</p>` : ""}
    <p>Last assessed ${report.assessedAt} in scan ${report.scanId}: ${report.totals.fail ?? 0} failed, ${report.totals.pass ?? 0} passed, ${report.totals.error ?? 0} not assessed.</p>
    <h2>Checks</h2>
    <table id="asset-results"><tr><th>Status</th><th>Severity</th><th>Check</th><th>Evidence</th></tr>
    ${results.map((r) => html`<tr class="result-${r.status}"><td>${r.status === "error" ? "not assessed" : r.status}</td><td class="sev-${r.severity}">${r.severity}</td><td>${r.title} <code>${r.checkId}</code>${r.frameworks?.length ? html`<br /><span class="requirements">${r.frameworks.join(", ")}</span>` : ""}</td><td>${r.evidence ?? ""}${r.remediation ? html`<br /><span class="fix">Fix: ${r.remediation}</span>` : ""}</td></tr>`)}
    </table>
    ${a.type === "aws.ec2.instance-os" ? inventorySection(inventory) : ""}
    <h2>History</h2>
    ${
      !history || history.entries.length === 0
        ? html`<p class="empty">No history yet.</p>`
        : html`<table id="asset-history"><tr><th>Assessed</th><th>Scan</th><th>Failed</th><th>Passed</th><th>Not assessed</th><th>Failed checks</th></tr>
        ${history.entries.map((e) => html`<tr><td>${e.assessedAt}</td><td>${e.scanId}</td><td>${e.fail}</td><td>${e.pass}</td><td>${e.notAssessed}</td><td>${e.failed.join(", ")}</td></tr>`)}</table>`
    }`,
    viewer,
  );
}

export function renderIntegrationPage({
  viewer,
  integration,
  reports,
  removed = [],
  counts,
  timeline,
  filters = {},
  trend = [],
  frameworkTrends = {},
}: IntegrationPageData): Page {
  const { integrationId } = integration;
  const posture = postureOf(reports);
  const all = findingsOf(reports);
  const shown = applyFilters(all, filters);
  const regions = [...new Set(all.map((f) => f.region))].sort();
  const services = [...new Set(all.map((f) => f.service))].sort();
  const base = `/dashboard/integrations/${encodeURIComponent(integrationId)}`;
  const link = (f: Finding) => `${base}/asset?arn=${encodeURIComponent(f.arn)}`;
  const notAssessed = groupByCheck(findingsOf(reports, "error"));
  return layout(
    `Integration ${integrationId}`,
    html`<h1>Integration ${integrationId}</h1>
    <p>Account ${integration.accountId} · home region ${integration.homeRegion} ·
      <span class="status status-${integration.status}">${integration.status}</span>
      since ${integration.statusChangedAt ?? "–"}</p>
    <section id="posture" class="tiles">
      <div class="tile"><span class="big" id="score">${scoreText(posture.score)}</span><span>checks passed</span></div>
      <div class="tile"><span class="big">${posture.fail}</span><span>failed findings</span></div>
      <div class="tile"><span class="big">${posture.assets}</span><span>assets</span></div>
      <div class="tile">${trendChart("trend", trend)}<span>score per scan</span></div>
    </section>
    ${frameworkTiles(posture.frameworks, frameworkTrends)}
    <section class="charts">
      ${barChart("by-severity", "Failed findings by severity", posture.bySeverity)}
      ${barChart("by-service", "Failed findings by service", posture.byService)}
      ${barChart("by-region", "Failed findings by region", posture.byRegion)}
    </section>
    <h2>Findings by check</h2>
    ${filterForm(base, filters, { regions, services })}
    <p class="exports">${shown.length} of ${all.length} failed findings ·
      <a id="export-csv" href="/dashboard/findings.csv${queryOf(filters, { integration: integrationId })}">CSV</a> ·
      <a id="export-json" href="/dashboard/findings.json${queryOf(filters, { integration: integrationId })}">JSON</a></p>
    ${checkGroupsTable(groupByCheck(shown), link)}
    <h2>Failed checks</h2>
    ${
      shown.length === 0
        ? html`<p class="empty">No failed checks.</p>`
        : html`<table id="failed-checks"><tr><th>Severity</th><th>Check</th><th>Asset</th><th>Region</th><th>Evidence</th></tr>
        ${[...shown]
          .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
          .map(
            (f) =>
              html`<tr><td class="sev-${f.severity}">${f.severity}</td><td>${f.title}</td><td><a href="${link(f)}">${f.assetName}</a></td><td>${f.region}</td><td>${f.evidence ?? ""}</td></tr>`,
          )}</table>`
    }
    <h2>Not assessed</h2>
    ${
      notAssessed.length === 0
        ? html`<p class="empty" id="not-assessed">Every check was assessed.</p>`
        : html`<table id="not-assessed"><tr><th>Check</th><th>Assets</th><th>Reason</th></tr>
        ${notAssessed.map((g) => html`<tr><td>${g.title} <code>${g.checkId}</code></td><td>${g.count}</td><td>${g.findings[0]?.evidence ?? ""}</td></tr>`)}</table>`
    }
    <h2>Resources</h2>
    ${
      counts
        ? html`<table id="counts"><tr><th>Asset type</th><th>Region</th><th>Count</th></tr>
        ${Object.entries(counts.counts).flatMap(([type, byRegion]) =>
          Object.entries(byRegion).map(
            ([region, n]) => html`<tr><td>${type}</td><td>${region}</td><td>${n}</td></tr>`,
          ),
        )}</table><p>Total ${counts.total} (reported ${counts.reportedAt})</p>`
        : html`<p class="empty">No resource counts reported yet.</p>`
    }
    ${
      removed.length === 0
        ? ""
        : html`<h2>No longer found</h2>
        <table id="removed"><tr><th>Asset</th><th>Type</th><th>Region</th><th>Last assessed</th><th>Not found since</th></tr>
        ${removed.map((r) => html`<tr><td>${r.asset.name ?? r.asset.arn}</td><td>${r.asset.type}</td><td>${r.asset.region}</td><td>${r.assessedAt}</td><td>${r.goneSince}</td></tr>`)}
        </table>`
    }
    <h2>Lifecycle</h2>
    <table id="timeline"><tr><th>Time</th><th>Type</th><th>Summary</th></tr>
    ${[...timeline].reverse().map((e) => html`<tr><td>${e.time}</td><td>${e.type}</td><td>${e.summary}</td></tr>`)}
    </table>`,
    viewer,
  );
}
