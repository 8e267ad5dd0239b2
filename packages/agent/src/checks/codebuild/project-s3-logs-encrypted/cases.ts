import type { CheckCase } from "../../_cases/case.ts";
import { project } from "../../_cases/codebuild.ts";

/** Compliant and non-compliant cases of `vigil.codebuild.project-s3-logs-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.codebuild.project-s3-logs-encrypted",
    name: "S3 logs encrypted",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-s3-logs-encrypted",
    name: "S3 logs with encryptionDisabled",
    asset: project({
      logsConfig: {
        cloudWatchLogs: { status: "ENABLED" },
        s3Logs: { status: "ENABLED", location: "build-logs/api", encryptionDisabled: true },
      },
    }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.project-s3-logs-encrypted",
    name: "S3 logs disabled",
    asset: project({
      logsConfig: { cloudWatchLogs: { status: "ENABLED" }, s3Logs: { status: "DISABLED" } },
    }),
    expect: "n/a",
  },
];
