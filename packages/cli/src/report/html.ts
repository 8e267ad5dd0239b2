import type { Severity } from "@vigil/agent";
import { type CheckGroup, groupByCheck, type ScanReportDocument, SEVERITY_ORDER } from "./model.ts";

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1a1a1a}
h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.5rem .9rem;min-width:6.5rem}
.card b{display:block;font-size:1.5rem}
.sev{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.8rem;color:#fff;background:#777;text-transform:uppercase}
.sev-critical{background:#7b001c}.sev-high{background:#c62828}.sev-medium{background:#e65100}.sev-low{background:#546e7a}
details{border:1px solid #ddd;border-radius:6px;margin:.4rem 0;padding:.3rem .7rem}
summary{cursor:pointer;line-height:1.6}
summary code,td code{font-size:.85rem;color:#555}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.5rem 0}
td,th{border:1px solid #e3e3e3;padding:.3rem .5rem;text-align:left;font-size:.85rem;vertical-align:top;overflow-wrap:anywhere}
.fix{background:#f5f8ff;border-left:3px solid #3d5afe;padding:.4rem .6rem;font-family:ui-monospace,monospace;font-size:.85rem;overflow-wrap:anywhere}
.incomplete{background:#fff4e5;border-left:3px solid #e65100;padding:.5rem .8rem}
.muted{color:#666}`;

function mappings(g: CheckGroup): string {
  const ids = [...g.cis.map((c) => `CIS ${c}`), ...g.fsbp.map((c) => `FSBP ${c}`)];
  return ids.length > 0 ? `<p class="muted">${escapeHtml(ids.join(" · "))}</p>` : "";
}

/** A check's group: its severity, title, id and count; inside, the fix (not for what was not assessed) and every resource. */
function groupSection(
  g: CheckGroup,
  what: string,
  totals: ReadonlyMap<string, number>,
  open: boolean,
): string {
  const rows = g.findings
    .map(
      (f) =>
        `<tr><td><code>${escapeHtml(f.resource)}</code></td><td>${escapeHtml(f.region)}</td><td>${escapeHtml(
          f.status === "MUTED" ? `mute ${f.muteId ?? ""}`.trim() : (f.evidence ?? ""),
        )}</td></tr>`,
    )
    .join("");
  return `<details${open ? " open" : ""}><summary><span class="sev sev-${g.severity}">${g.severity}</span> <b>${escapeHtml(
    g.title,
  )}</b> <code>${escapeHtml(g.checkId)}</code> — ${g.findings.length} of ${totals.get(g.checkId) ?? g.findings.length} ${what}</summary>
${mappings(g)}${g.remediation && g.findings[0]?.status !== "ERROR" ? `<p class="fix">${escapeHtml(g.remediation)}</p>` : ""}
<table><colgroup><col style="width:45%"><col style="width:12%"><col></colgroup><thead><tr><th>Resource</th><th>Region</th><th>${
    g.findings[0]?.status === "MUTED" ? "Mute" : g.findings[0]?.status === "ERROR" ? "Why" : "Evidence"
  }</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

/**
 * A standalone HTML page a person reads: the posture at a glance (failures by severity, totals), what
 * could not be read, then the failed checks grouped (most severe first, each with its fix and its
 * resources), the checks not assessed and why, the muted ones, and the checks that passed.
 */
export function toHtml(report: ScanReportDocument): string {
  const s = report.summary;
  const totals = new Map<string, number>();
  for (const f of report.findings) totals.set(f.checkId, (totals.get(f.checkId) ?? 0) + 1);
  const failed = groupByCheck(report.findings, "FAIL");
  const notAssessed = groupByCheck(report.findings, "ERROR");
  const muted = groupByCheck(report.findings, "MUTED");
  const passed = groupByCheck(report.findings, "PASS");
  const severityCards = SEVERITY_ORDER.map(
    (v) =>
      `<div class="card"><span class="sev sev-${v}">${v}</span><b>${s.failBySeverity[v]}</b>failed</div>`,
  ).join("");
  const statusCards = [
    ["passed", s.pass],
    ["failed", s.fail],
    ["muted", s.muted],
    ["not assessed", s.error],
  ]
    .map(([label, n]) => `<div class="card"><b>${n}</b>${label}</div>`)
    .join("");
  const unread =
    report.unreadCalls.length === 0
      ? ""
      : `<table><thead><tr><th>Call</th><th>Why</th></tr></thead><tbody>${report.unreadCalls
          .map(
            (c) =>
              `<tr><td><code>${escapeHtml(c.path)}</code></td><td>${escapeHtml(`${c.kind} (${c.code})`)}</td></tr>`,
          )
          .join("")}</tbody></table>`;
  const section = (title: string, groups: CheckGroup[], what: string, openSeverities: readonly Severity[]) =>
    groups.length === 0
      ? ""
      : `<h2>${title} (${groups.length})</h2>\n${groups
          .map((g) => groupSection(g, what, totals, openSeverities.includes(g.severity)))
          .join("\n")}`;
  const passedRows = passed
    .map(
      (g) =>
        `<tr><td><span class="sev sev-${g.severity}">${g.severity}</span></td><td>${escapeHtml(g.title)}<br><code>${escapeHtml(
          g.checkId,
        )}</code></td><td>${g.findings.length} of ${totals.get(g.checkId) ?? g.findings.length}</td></tr>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vigil scan ${escapeHtml(report.scan.accountId)}</title>
<style>${STYLE}</style>
</head><body>
<h1>Vigil scan of ${escapeHtml(report.scan.accountId)}</h1>
<p>Scan ${escapeHtml(report.scan.scanId)} at ${escapeHtml(report.scan.startedAt)} over ${report.scan.regions.length} region(s), ${report.scan.assetCount} assets, ${report.scan.checkCount} checks.</p>
<p><strong>${s.fail}</strong> failed, ${s.pass} passed, ${s.muted} muted, ${s.error} not assessed.</p>
<div class="cards">${severityCards}</div>
<div class="cards">${statusCards}</div>
${report.incomplete ? `<div class="incomplete"><p><strong>Incomplete:</strong> ${report.errors.length} finding(s) not assessed; ${report.unreadCalls.length} call(s) not read. What a check could not read is neither a pass nor a failure.</p>${unread}</div>` : ""}
${section("Failed checks", failed, "failed", ["critical", "high"])}
${section("Not assessed", notAssessed, "not assessed", SEVERITY_ORDER)}
${section("Muted", muted, "muted", [])}
${passed.length === 0 ? "" : `<h2>Passed checks (${passed.length})</h2>\n<table><colgroup><col style="width:9rem"><col><col style="width:9rem"></colgroup><thead><tr><th>Severity</th><th>Check</th><th>Resources passed</th></tr></thead><tbody>${passedRows}</tbody></table>`}
</body></html>
`;
}
