import { defineCheck, fail, pass } from "../../check.ts";

const NONE = fail("the policy has no stateless or stateful rule group");
export const policyRuleGroupAssociated = defineCheck({
  id: "vigil.networkfirewall.policy-rule-group-associated",
  title: "Network Firewall policies should have at least one rule group associated",
  severity: "medium",
  resourceType: "aws.networkfirewall.firewall-policy",
  reads: ["ruleGroupCount"],
  rationale: "A policy without rule groups inspects nothing: traffic is only subject to its default actions.",
  remediation:
    "aws network-firewall update-firewall-policy --firewall-policy-arn <arn> --update-token <token> --firewall-policy <policy with StatefulRuleGroupReferences or StatelessRuleGroupReferences>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-3",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-policies.html",
  ],
  mappings: { cis: [], fsbp: ["NetworkFirewall.3"] },
  evaluate: (asset) =>
    asset.config.ruleGroupCount > 0 ? pass(`${asset.config.ruleGroupCount} rule groups associated`) : NONE,
});
