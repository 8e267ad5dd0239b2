import type { CheckCase } from "../../_cases/case.ts";
import { ruleGroup, STATELESS_RULE } from "../../_cases/networkfirewall.ts";

/** Compliant and non-compliant cases of `vigil.networkfirewall.stateless-rule-group-not-empty`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.networkfirewall.stateless-rule-group-not-empty",
    name: "one stateless rule",
    asset: ruleGroup("STATELESS", { StatelessRulesAndCustomActions: { StatelessRules: [STATELESS_RULE] } }),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.stateless-rule-group-not-empty",
    name: "no stateless rule",
    asset: ruleGroup("STATELESS", { StatelessRulesAndCustomActions: { StatelessRules: [] } }),
    expect: "fail",
  },
  {
    check: "vigil.networkfirewall.stateless-rule-group-not-empty",
    name: "a stateful group",
    asset: ruleGroup("STATEFUL", {
      RulesSourceList: {
        Targets: [".example.com"],
        TargetTypes: ["TLS_SNI"],
        GeneratedRulesType: "DENYLIST",
      },
    }),
    expect: "n/a",
  },
];
