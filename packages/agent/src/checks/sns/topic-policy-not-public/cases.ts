import type { CheckCase } from "../../_cases/case.ts";
import { PUBLIC_POLICY, topic } from "../../_cases/sns.ts";

/** Compliant and non-compliant cases of `vigil.sns.topic-policy-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.sns.topic-policy-not-public",
    name: "default policy (AWS:SourceOwner)",
    asset: topic(),
    expect: "pass",
  },
  {
    check: "vigil.sns.topic-policy-not-public",
    name: "Principal * may subscribe",
    asset: topic({ Policy: PUBLIC_POLICY }),
    expect: "fail",
  },
];
