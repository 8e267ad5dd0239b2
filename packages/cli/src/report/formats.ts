import type { Finding } from "@vigil/agent";
import { toHtml } from "./html.ts";
import type { ScanReportDocument } from "./model.ts";

export const REPORT_FORMATS = ["json", "ocsf", "csv", "sarif", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export { toHtml };

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** `vigil scan --format json`: the scan, its summary and a top-level `findings` array (docs/snapshot-format.md). */
export function toJson(report: ScanReportDocument): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const CSV_COLUMNS = [
  "checkId",
  "cis",
  "fsbp",
  "status",
  "severity",
  "resource",
  "resourceType",
  "region",
  "accountId",
  "title",
  "evidence",
  "muteId",
] as const;

function csvCell(value: unknown): string {
  const text = Array.isArray(value)
    ? value.join(" ")
    : value === undefined || value === null
      ? ""
      : String(value);
  // Quote everything that could split a row; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(report: ScanReportDocument): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const f of report.findings)
    lines.push(CSV_COLUMNS.map((c) => csvCell(f[c as keyof Finding])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

const SARIF_LEVEL = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  informational: "note",
} as const;

/**
 * GitHub code scanning's `security-severity` (a score it maps back: ≥ 9.0 critical, 7.0–8.9 high,
 * 4.0–6.9 medium, ≤ 3.9 low), so alerts sort as a security tool's rather than by SARIF level alone.
 * Informational checks carry none.
 */
const SARIF_SECURITY_SEVERITY = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0" } as const;

/** SARIF 2.1.0: one rule per check, one result per failure (muted ones carry a suppression). */
export function toSarif(report: ScanReportDocument): string {
  const reported = report.findings.filter((f) => f.status !== "PASS");
  const rules = new Map<string, Finding>();
  for (const f of report.findings) if (!rules.has(f.checkId)) rules.set(f.checkId, f);
  const ruleIds = [...rules.keys()].sort();
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Vigil",
            informationUri: "https://github.com/vigil-security/vigil",
            rules: ruleIds.map((id) => {
              const f = rules.get(id) as Finding;
              return {
                id,
                name: id,
                shortDescription: { text: f.title },
                ...(f.remediation ? { help: { text: f.remediation } } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[f.severity] },
                properties: {
                  severity: f.severity,
                  ...(f.severity === "informational"
                    ? {}
                    : { "security-severity": SARIF_SECURITY_SEVERITY[f.severity] }),
                  cis: f.cis,
                  fsbp: f.fsbp,
                  tags: ["security", ...f.cis.map((c) => `CIS-${c}`), ...f.fsbp.map((c) => `FSBP-${c}`)],
                },
              };
            }),
          },
        },
        automationDetails: { id: `vigil/${report.scan.accountId}/${report.scan.scanId}` },
        // What the scan could not read is said here, so a pipeline can tell "no finding" from "not looked at".
        invocations: [
          {
            executionSuccessful: !report.incomplete,
            toolExecutionNotifications: report.unreadCalls.map((c) => ({
              level: "warning",
              descriptor: { id: `vigil/unread-call/${c.kind}` },
              message: {
                text: `${c.path}: ${c.kind} (${c.code}) — the checks that need it were not assessed`,
              },
              properties: { region: c.region, service: c.service, command: c.command, code: c.code },
            })),
          },
        ],
        results: reported.map((f) => ({
          ruleId: f.checkId,
          ruleIndex: ruleIds.indexOf(f.checkId),
          // SARIF's "open": evaluated, without enough information to reach a conclusion.
          ...(f.status === "ERROR" ? { kind: "open" } : {}),
          level: f.status === "ERROR" ? "none" : SARIF_LEVEL[f.severity],
          message: { text: `${f.title}: ${f.evidence ?? ""}`.trim() },
          locations: [{ logicalLocations: [{ fullyQualifiedName: f.resource, kind: "resource" }] }],
          partialFingerprints: { "vigilFinding/v1": `${f.checkId}|${f.resource}` },
          properties: { region: f.region, accountId: f.accountId, resourceType: f.resourceType },
          ...(f.status === "MUTED"
            ? { suppressions: [{ kind: "external", justification: `mute ${f.muteId ?? ""}`.trim() }] }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

const OCSF_SEVERITY = { informational: 1, low: 2, medium: 3, high: 4, critical: 5 } as const;

/** OCSF 1.1 Compliance Finding (class 2003), one per finding, as a JSON array. */
export function toOcsf(report: ScanReportDocument): string {
  const time = Date.parse(report.scan.startedAt);
  const findings = report.findings.map((f) => ({
    category_uid: 2,
    class_uid: 2003,
    activity_id: 1,
    type_uid: 200301,
    severity_id: OCSF_SEVERITY[f.severity],
    severity: f.severity[0]?.toUpperCase() + f.severity.slice(1),
    status_id: f.status === "MUTED" ? 3 : 1,
    status: f.status === "MUTED" ? "Suppressed" : "New",
    time,
    message: f.evidence ?? f.title,
    metadata: {
      version: "1.1.0",
      product: { name: "Vigil", vendor_name: "Vigil" },
      uid: `${report.scan.scanId}:${f.checkId}:${f.resource}`,
    },
    finding_info: {
      uid: `${f.checkId}:${f.resource}`,
      title: f.title,
      desc: f.evidence ?? f.title,
      types: [f.checkId],
    },
    compliance: {
      status_id: f.status === "FAIL" ? 3 : f.status === "PASS" ? 1 : f.status === "ERROR" ? 0 : 99,
      status:
        f.status === "FAIL"
          ? "Fail"
          : f.status === "PASS"
            ? "Pass"
            : f.status === "ERROR"
              ? "Unknown"
              : "Muted",
      ...(f.status === "ERROR" ? { status_detail: f.evidence ?? "not assessed" } : {}),
      requirements: [...f.cis.map((c) => `CIS ${c}`), ...f.fsbp.map((c) => `FSBP ${c}`)],
      standards: [
        ...(f.cis.length > 0 ? ["CIS AWS Foundations Benchmark v5.0"] : []),
        ...(f.fsbp.length > 0 ? ["AWS Foundational Security Best Practices v1.0.0"] : []),
      ],
      control: f.checkId,
    },
    resources: [{ uid: f.resource, type: f.resourceType, region: f.region, cloud_partition: "aws" }],
    cloud: {
      provider: "AWS",
      account: { uid: f.accountId, type: "AWS Account", type_id: 10 },
      region: f.region,
    },
    ...(f.remediation ? { remediation: { desc: f.remediation } } : {}),
  }));
  return `${JSON.stringify(findings, null, 2)}\n`;
}

export function formatReport(report: ScanReportDocument, format: ReportFormat): string {
  switch (format) {
    case "json":
      return toJson(report);
    case "csv":
      return toCsv(report);
    case "sarif":
      return toSarif(report);
    case "ocsf":
      return toOcsf(report);
    case "html":
      return toHtml(report);
  }
}
