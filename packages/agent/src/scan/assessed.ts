import type { DataOf } from "@vigil/events";
import type { CheckMetadata } from "../checks/check.ts";
import type { AssetReport } from "../checks/evaluate.ts";
import { assetRefOf } from "./asset-ref.ts";

const MAX_EVIDENCE = 1024;
const MAX_REMEDIATION = 1024;
const MAX_FRAMEWORKS = 32;

/** What a result carries of its check besides the verdict: how to fix it, which requirements it meets. */
export interface CheckDescription {
  readonly remediation: string;
  /** `<policy id>:<requirement>`, e.g. `cis-aws-5.0:2.1.4`, `aws-fsbp:S3.8`. */
  readonly frameworks: readonly string[];
}

/** Each planned check's description, by id: the framework ids of the policies that score them. */
export function describeChecks(checks: readonly CheckMetadata[]): ReadonlyMap<string, CheckDescription> {
  return new Map(
    checks.map((c) => [
      c.id,
      {
        // Cut to the contract's limits once here, not per result.
        remediation: c.remediation.slice(0, MAX_REMEDIATION),
        frameworks: [
          ...c.mappings.cis.map((r) => `cis-aws-5.0:${r}`),
          ...c.mappings.fsbp.map((r) => `aws-fsbp:${r}`),
          ...(c.mappings.cisLinux ?? []).map((r) => `cis-linux-2.0:${r}`),
        ].slice(0, MAX_FRAMEWORKS),
      },
    ]),
  );
}

/**
 * The report for one asset as it leaves the account: identity and check results, never
 * configuration. With `described`, a failed result carries its check's remediation and every
 * result its framework requirements, so the platform can show the fix and score each framework.
 */
export function assessedData(
  scanId: string,
  report: AssetReport,
  assessedAt: string,
  partition: string,
  described?: ReadonlyMap<string, CheckDescription>,
): DataOf<"vigil.scan.asset-assessed.v1"> {
  return {
    scanId,
    assessedAt,
    asset: assetRefOf(report.asset, partition),
    results: report.results.map((r) => {
      const result: DataOf<"vigil.scan.asset-assessed.v1">["results"][number] = {
        checkId: r.checkId,
        status: r.status,
        severity: r.severity,
        title: r.title.slice(0, 512),
      };
      if (r.evidence !== undefined) result.evidence = r.evidence.slice(0, MAX_EVIDENCE);
      if (r.muteId !== undefined) result.muteId = r.muteId.slice(0, 256);
      return described ? describedResult(result, described) : result;
    }),
  };
}

/** A result with its check's framework requirements and, when it failed, the check's remediation. */
export function describedResult<R extends { checkId: string; status: string }>(
  result: R,
  described: ReadonlyMap<string, CheckDescription>,
): R & { remediation?: string; frameworks?: string[] } {
  const description = described.get(result.checkId);
  if (!description) return result;
  return {
    ...result,
    ...(result.status === "fail" && description.remediation !== ""
      ? { remediation: description.remediation }
      : {}),
    ...(description.frameworks.length > 0 ? { frameworks: [...description.frameworks] } : {}),
  };
}
