import type { DataOf } from "@vigil/events";
import type { AssetReport } from "../checks/evaluate.ts";
import { assetRefOf } from "./asset-ref.ts";

const MAX_EVIDENCE = 1024;

/** The report for one asset as it leaves the account: identity and check results, never configuration. */
export function assessedData(
  scanId: string,
  report: AssetReport,
  assessedAt: string,
  partition: string,
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
      return result;
    }),
  };
}
