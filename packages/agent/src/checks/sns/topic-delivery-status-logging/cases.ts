import type { CheckCase } from "../../_cases/case.ts";
import { topic } from "../../_cases/sns.ts";

/** Compliant and non-compliant cases of `vigil.sns.topic-delivery-status-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.sns.topic-delivery-status-logging",
    name: "SQS feedback roles",
    asset: topic(),
    expect: "pass",
    evidence: /SQS/,
  },
  {
    check: "vigil.sns.topic-delivery-status-logging",
    name: "no feedback role",
    asset: topic({}, ["SQSFailureFeedbackRoleArn", "SQSSuccessFeedbackRoleArn"]),
    expect: "fail",
  },
];
