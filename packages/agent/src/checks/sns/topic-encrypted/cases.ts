import type { CheckCase } from "../../_cases/case.ts";
import { topic } from "../../_cases/sns.ts";

/** Compliant and non-compliant cases of `vigil.sns.topic-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.sns.topic-encrypted",
    name: "KmsMasterKeyId alias/aws/sns",
    asset: topic(),
    expect: "pass",
  },
  {
    check: "vigil.sns.topic-encrypted",
    name: "no KmsMasterKeyId",
    asset: topic({}, ["KmsMasterKeyId"]),
    expect: "fail",
  },
];
