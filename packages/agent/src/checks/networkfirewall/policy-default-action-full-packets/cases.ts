import type { CheckCase } from "../../_cases/case.ts";
import { policy } from "../../_cases/networkfirewall.ts";

/** Compliant and non-compliant cases of `vigil.networkfirewall.policy-default-action-full-packets`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.networkfirewall.policy-default-action-full-packets",
    name: "aws:forward_to_sfe",
    asset: policy({}),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.policy-default-action-full-packets",
    name: "aws:pass",
    asset: policy({ StatelessDefaultActions: ["aws:pass"] }),
    expect: "fail",
  },
];
