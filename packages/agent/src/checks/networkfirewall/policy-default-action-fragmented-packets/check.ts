import { defineCheck } from "../../check.ts";
import { dropsOrForwards } from "../default-actions.ts";

export const policyDefaultActionFragmentedPackets = defineCheck({
  id: "vigil.networkfirewall.policy-default-action-fragmented-packets",
  title:
    "The default stateless action for Network Firewall policies should be drop or forward for fragmented packets",
  severity: "medium",
  resourceType: "aws.networkfirewall.firewall-policy",
  reads: ["statelessFragmentDefaultActions"],
  rationale:
    "Fragmented packets no stateless rule matched are passed without any inspection when the default action is pass, a classic way around a firewall.",
  remediation:
    'aws network-firewall update-firewall-policy --firewall-policy-arn <arn> --update-token <token> --firewall-policy <policy with StatelessFragmentDefaultActions ["aws:forward_to_sfe"]>',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-5",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateless-default-actions.html",
  ],
  mappings: { cis: [], fsbp: ["NetworkFirewall.5"] },
  evaluate: (asset) => dropsOrForwards(asset.config.statelessFragmentDefaultActions, "fragmented packets"),
});
