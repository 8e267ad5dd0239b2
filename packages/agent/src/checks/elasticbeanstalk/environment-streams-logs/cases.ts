import type { CheckCase } from "../../_cases/case.ts";
import { environment } from "../../_cases/operations.ts";

/** Compliant and non-compliant cases of `vigil.elasticbeanstalk.environment-streams-logs`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elasticbeanstalk.environment-streams-logs",
    name: "StreamLogs true",
    asset: environment(),
    expect: "pass",
  },
  {
    check: "vigil.elasticbeanstalk.environment-streams-logs",
    name: "StreamLogs false",
    asset: environment([
      { Namespace: "aws:elasticbeanstalk:cloudwatch:logs", OptionName: "StreamLogs", Value: "false" },
    ]),
    expect: "fail",
  },
];
