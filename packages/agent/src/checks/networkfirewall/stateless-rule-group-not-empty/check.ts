import { defineCheck, fail, pass } from "../../check.ts";

const EMPTY = fail("the stateless rule group has no rules");
export const statelessRuleGroupNotEmpty = defineCheck({
  id: "vigil.networkfirewall.stateless-rule-group-not-empty",
  title: "Stateless network firewall rule group should not be empty",
  severity: "medium",
  resourceType: "aws.networkfirewall.rule-group",
  reads: ["ruleGroupType", "statelessRuleCount"],
  rationale:
    "An empty stateless rule group in a policy looks like filtering but processes no traffic at all.",
  remediation:
    "aws network-firewall update-rule-group --rule-group-arn <arn> --update-token <token> --rule-group <rule group with StatelessRulesAndCustomActions.StatelessRules>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-6",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateless-rule-groups-5-tuple.html",
  ],
  mappings: { cis: [], fsbp: ["NetworkFirewall.6"] },
  evaluate: (asset) =>
    asset.config.ruleGroupType !== "STATELESS"
      ? undefined
      : asset.config.statelessRuleCount > 0
        ? pass(`${asset.config.statelessRuleCount} stateless rules`)
        : EMPTY,
});
