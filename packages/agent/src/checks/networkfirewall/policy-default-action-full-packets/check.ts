import { defineCheck } from "../../check.ts";
import { dropsOrForwards } from "../default-actions.ts";

export const policyDefaultActionFullPackets = defineCheck({
  id: "vigil.networkfirewall.policy-default-action-full-packets",
  title:
    "The default stateless action for Network Firewall policies should be drop or forward for full packets",
  severity: "medium",
  resourceType: "aws.networkfirewall.firewall-policy",
  reads: ["statelessDefaultActions"],
  rationale:
    "Packets no stateless rule matched are passed without any inspection when the default action is pass, instead of being dropped or handed to the stateful rules.",
  remediation:
    'aws network-firewall update-firewall-policy --firewall-policy-arn <arn> --update-token <token> --firewall-policy <policy with StatelessDefaultActions ["aws:forward_to_sfe"]>',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-4",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateless-default-actions.html",
  ],
  mappings: { cis: [], fsbp: ["NetworkFirewall.4"] },
  evaluate: (asset) => dropsOrForwards(asset.config.statelessDefaultActions, "full packets"),
});
