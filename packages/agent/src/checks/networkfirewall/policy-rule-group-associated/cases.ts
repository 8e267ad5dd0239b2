import type { CheckCase } from "../../_cases/case.ts";
import { policy } from "../../_cases/networkfirewall.ts";

/** Compliant and non-compliant cases of `vigil.networkfirewall.policy-rule-group-associated`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.networkfirewall.policy-rule-group-associated",
    name: "a stateless and a stateful group",
    asset: policy({}),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.policy-rule-group-associated",
    name: "no rule group",
    asset: policy({ StatelessRuleGroupReferences: undefined, StatefulRuleGroupReferences: undefined }),
    expect: "fail",
  },
];
