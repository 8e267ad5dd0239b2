import { accessAnalyzer } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.accessanalyzer.analyzer-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.accessanalyzer.analyzer-enabled",
    name: "active account analyzer",
    asset: accessAnalyzer({
      analyzers: [
        {
          arn: "arn:aws:access-analyzer:us-east-1:123456789012:analyzer/ext",
          name: "ext",
          type: "ACCOUNT",
          status: "ACTIVE",
        },
      ],
    }),
    expect: "pass",
  },
  {
    check: "vigil.accessanalyzer.analyzer-enabled",
    name: "only an unused-access analyzer",
    asset: accessAnalyzer({
      analyzers: [
        {
          arn: "arn:aws:access-analyzer:us-east-1:123456789012:analyzer/unused",
          name: "unused",
          type: "ACCOUNT_UNUSED_ACCESS",
          status: "ACTIVE",
        },
      ],
    }),
    expect: "fail",
  },
];
