import type { CheckCase } from "../../_cases/case.ts";
import { ANYONE, ANYONE_FROM_TOPIC, FROM_TOPIC, queue } from "../../_cases/sqs.ts";

/** Compliant and non-compliant cases of `vigil.sqs.queue-policy-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.sqs.queue-policy-not-public",
    name: "no policy",
    asset: queue({}),
    expect: "pass",
  },
  {
    check: "vigil.sqs.queue-policy-not-public",
    name: "SNS service principal with aws:SourceArn",
    asset: queue({ Policy: FROM_TOPIC }),
    expect: "pass",
  },
  {
    check: "vigil.sqs.queue-policy-not-public",
    name: "Principal {AWS: *} restricted by aws:SourceArn",
    asset: queue({ Policy: ANYONE_FROM_TOPIC }),
    expect: "pass",
  },
  {
    check: "vigil.sqs.queue-policy-not-public",
    name: "Principal * without condition",
    asset: queue({ Policy: ANYONE }),
    expect: "fail",
  },
];
