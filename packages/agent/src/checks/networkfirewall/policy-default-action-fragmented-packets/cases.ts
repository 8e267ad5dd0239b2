import type { CheckCase } from "../../_cases/case.ts";
import { policy } from "../../_cases/networkfirewall.ts";

/** Compliant and non-compliant cases of `vigil.networkfirewall.policy-default-action-fragmented-packets`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.networkfirewall.policy-default-action-fragmented-packets",
    name: "aws:drop",
    asset: policy({}),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.policy-default-action-fragmented-packets",
    name: "aws:pass",
    asset: policy({ StatelessFragmentDefaultActions: ["aws:pass"] }),
    expect: "fail",
  },
];
