import type { CheckCase } from "../../_cases/case.ts";
import { project } from "../../_cases/codebuild.ts";

/** Compliant and non-compliant cases of `vigil.codebuild.project-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.codebuild.project-logging-enabled",
    name: "CloudWatch Logs enabled",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-logging-enabled",
    name: "only S3 logs",
    asset: project({
      logsConfig: {
        cloudWatchLogs: { status: "DISABLED" },
        s3Logs: { status: "ENABLED", location: "build-logs/api" },
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-logging-enabled",
    name: "both disabled",
    asset: project({
      logsConfig: { cloudWatchLogs: { status: "DISABLED" }, s3Logs: { status: "DISABLED" } },
    }),
    expect: "fail",
  },
];
