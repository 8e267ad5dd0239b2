import type { CheckCase } from "../../_cases/case.ts";
import { queue } from "../../_cases/sqs.ts";

/** Compliant and non-compliant cases of `vigil.sqs.queue-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.sqs.queue-encrypted",
    name: "SqsManagedSseEnabled true",
    asset: queue({ SqsManagedSseEnabled: "true" }),
    expect: "pass",
    evidence: /SSE-SQS/,
  },
  {
    check: "vigil.sqs.queue-encrypted",
    name: "KmsMasterKeyId set",
    asset: queue({ KmsMasterKeyId: "alias/aws/sqs", KmsDataKeyReusePeriodSeconds: "300" }),
    expect: "pass",
    evidence: /SSE-KMS/,
  },
  {
    check: "vigil.sqs.queue-encrypted",
    name: "neither",
    asset: queue({}),
    expect: "fail",
  },
];
