import { GLOBAL_REGION } from "../assets/index.ts";
import type { AssetReport, Severity } from "../checks/index.ts";
import { checkById } from "../checks/index.ts";
import { findingResourceOf } from "./asset-ref.ts";

/** A finding as reports print it (docs/snapshot-format.md, "How a finding names its resource"). */
export interface Finding {
  readonly checkId: string;
  /** CIS AWS Foundations v5.0 numbers; empty where none applies. */
  readonly cis: readonly string[];
  readonly fsbp: readonly string[];
  /** `ERROR`: not decided — a call it needs could not be read, or the check failed to run (see `evidence`). */
  readonly status: "PASS" | "FAIL" | "MUTED" | "ERROR";
  /** The resource's ARN, `<account>` or `<account>/<region>`. */
  readonly resource: string;
  readonly resourceType: string;
  /** `global` for global resources. */
  readonly region: string;
  readonly accountId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly evidence?: string;
  readonly muteId?: string;
  readonly remediation?: string;
}

/** A finding that is neither a pass nor a failure (also in `findings`, status `ERROR`). */
export interface CheckError {
  readonly checkId: string;
  readonly resource: string;
  readonly message: string;
}

const STATUS = { pass: "PASS", fail: "FAIL", muted: "MUTED", error: "ERROR" } as const;

export function findingsOf(reports: readonly AssetReport[]): { findings: Finding[]; errors: CheckError[] } {
  const findings: Finding[] = [];
  const errors: CheckError[] = [];
  for (const report of reports) {
    for (const r of report.results) {
      if (r.status === "error") {
        errors.push({
          checkId: r.checkId,
          resource: findingResourceOf(report.asset),
          message: r.evidence ?? "check failed",
        });
      }
      const check = checkById(r.checkId);
      const finding: Finding = {
        checkId: r.checkId,
        cis: [...(check?.mappings.cis ?? [])],
        fsbp: [...(check?.mappings.fsbp ?? [])],
        status: STATUS[r.status],
        resource: findingResourceOf(report.asset),
        resourceType: report.asset.type,
        region: report.asset.region || GLOBAL_REGION,
        accountId: report.asset.accountId,
        severity: r.severity,
        title: r.title,
        ...(r.evidence !== undefined ? { evidence: r.evidence } : {}),
        ...(r.muteId !== undefined ? { muteId: r.muteId } : {}),
        ...(check?.remediation !== undefined ? { remediation: check.remediation } : {}),
      };
      findings.push(finding);
    }
  }
  return { findings, errors };
}
