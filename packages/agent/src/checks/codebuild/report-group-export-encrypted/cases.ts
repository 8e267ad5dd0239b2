import type { CheckCase } from "../../_cases/case.ts";
import { reportGroup } from "../../_cases/codebuild.ts";

/** Compliant and non-compliant cases of `vigil.codebuild.report-group-export-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.codebuild.report-group-export-encrypted",
    name: "S3 export encrypted",
    asset: reportGroup(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.report-group-export-encrypted",
    name: "S3 export with encryptionDisabled",
    asset: reportGroup({
      exportConfig: {
        exportConfigType: "S3",
        s3Destination: { bucket: "build-reports", encryptionDisabled: true },
      },
    }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.report-group-export-encrypted",
    name: "NO_EXPORT",
    asset: reportGroup({ exportConfig: { exportConfigType: "NO_EXPORT" } }),
    expect: "n/a",
  },
];
