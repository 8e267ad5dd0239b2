import type { CheckCase } from "../../_cases/case.ts";
import { connector } from "../../_cases/dax-connect.ts";

const check = "vigil.kafkaconnect.connector-logging-enabled";

/** Compliant and non-compliant cases of `vigil.kafkaconnect.connector-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "CloudWatch Logs", asset: connector(), expect: "pass" },
  {
    check,
    name: "every destination disabled",
    asset: connector({
      logDelivery: {
        workerLogDelivery: {
          cloudWatchLogs: { enabled: false },
          firehose: { enabled: false },
          s3: { enabled: false },
        },
      },
    }),
    expect: "fail",
    evidence: /nowhere/,
  },
  { check, name: "no log delivery configured", asset: connector({ logDelivery: undefined }), expect: "fail" },
];
