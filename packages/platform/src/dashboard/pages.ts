import type { Severity } from "@vigil/events";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type {
  AlertView,
  AssetReportView,
  IntegrationSummary,
  ResourceCountsView,
} from "../views/platform-views.ts";
import type { TimelineEntry } from "../views/timeline.ts";

/** Server-rendered pages: `html` escapes every interpolated value, so report text cannot inject markup. */

type Page = HtmlEscapedString | Promise<HtmlEscapedString>;

const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "informational"];

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
`;

/** The signed-in user, shown with a sign-out form carrying the session's CSRF token. */
export interface Viewer {
  user: string;
  role: string;
  csrf?: string;
}

function layout(title: string, body: Page, viewer?: Viewer): Page {
  return html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${title} · Vigil</title><link rel="stylesheet" href="/assets/dashboard.css" /></head>
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

export function renderSignIn({ next, error }: { next: string; error?: string }): Page {
  return layout(
    "Sign in",
    html`<h1>Sign in</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<form class="sign-in" method="post" action="/sign-in">
  <input type="hidden" name="next" value="${next}" />
  <label>User <input name="user" autocomplete="username" required /></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
  <button type="submit">Sign in</button>
</form>`,
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

function findingsTable(reports: readonly AssetReportView[]): Page {
  const cells = findingsBySeverityAndRegion(reports);
  if (cells.length === 0) return html`<p class="empty">No failed checks.</p>`;
  const regions = [...new Set(cells.map((c) => c.region))].sort();
  const count = (s: Severity, r: string) => cells.find((c) => c.severity === s && c.region === r)?.count ?? 0;
  return html`<table id="findings">
    <tr><th>Severity</th>${regions.map((r) => html`<th>${r}</th>`)}<th>Total</th></tr>
    ${SEVERITIES.filter((s) => cells.some((c) => c.severity === s)).map(
      (s) =>
        html`<tr><td class="sev-${s}">${s}</td>${regions.map((r) => html`<td>${count(s, r)}</td>`)}<td>${regions.reduce((n, r) => n + count(s, r), 0)}</td></tr>`,
    )}
  </table>`;
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
}

export function renderDashboard({ integrations, reports: allReports, alerts, viewer }: DashboardData): Page {
  return layout(
    "Dashboard",
    html`<h1>Integrations</h1>
    ${
      integrations.length === 0
        ? html`<p class="empty">No integrations yet. Create one with POST /admin/integrations.</p>`
        : html`<table id="integrations">
      <tr><th>Integration</th><th>Account</th><th>Status</th><th>Last heartbeat</th><th>Last scan</th><th>Resources</th><th>Failed checks</th></tr>
      ${integrations.map((i) => {
        return html`<tr>
          <td><a href="/dashboard/integrations/${encodeURIComponent(i.integrationId)}">${i.integrationId}</a></td>
          <td>${i.accountId}</td>
          <td><span class="status status-${i.status}">${i.status}</span></td>
          <td>${i.lastHeartbeat?.at ?? "never"}</td>
          <td>${i.lastScan ? `${i.lastScan.scanId} (${i.lastScan.status})` : "none"}</td>
          <td>${i.resources ?? "–"}</td>
          <td>${i.failedChecks}</td>
        </tr>`;
      })}
    </table>`
    }
    <h2>Findings by severity and region</h2>
    ${findingsTable(allReports)}
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

export function renderIntegrationPage({
  viewer,
  integration,
  reports,
  removed = [],
  counts,
  timeline,
}: IntegrationPageData): Page {
  const { integrationId } = integration;
  const failing = reports
    .flatMap((r) => r.results.filter((x) => x.status === "fail").map((x) => ({ report: r, result: x })))
    .sort((a, b) => SEVERITIES.indexOf(a.result.severity) - SEVERITIES.indexOf(b.result.severity));
  return layout(
    `Integration ${integrationId}`,
    html`<h1>Integration ${integrationId}</h1>
    <p>Account ${integration.accountId} · home region ${integration.homeRegion} ·
      <span class="status status-${integration.status}">${integration.status}</span>
      since ${integration.statusChangedAt ?? "–"}</p>
    <h2>Findings by severity and region</h2>
    ${findingsTable(reports)}
    <h2>Failed checks</h2>
    ${
      failing.length === 0
        ? html`<p class="empty">No failed checks.</p>`
        : html`<table id="failed-checks"><tr><th>Severity</th><th>Check</th><th>Asset</th><th>Region</th><th>Evidence</th></tr>
        ${failing.map(
          ({ report, result }) =>
            html`<tr><td class="sev-${result.severity}">${result.severity}</td><td>${result.title}</td><td>${report.asset.name ?? report.asset.arn}</td><td>${report.asset.region}</td><td>${result.evidence ?? ""}</td></tr>`,
        )}</table>`
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
