import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One Network Firewall firewall: `ListFirewalls` + `DescribeFirewall` + `DescribeLoggingConfiguration`. */
export const networkFirewallFirewallSchema = assetSchemaOf("aws.networkfirewall.firewall", () =>
  z.object({
    firewallName: z.string(),
    /** `SubnetMappings`: one subnet per Availability Zone the firewall has an endpoint in. */
    subnetCount: z.number(),
    /** `DeleteProtection`. */
    deleteProtection: z.boolean(),
    /** `SubnetChangeProtection`. */
    subnetChangeProtection: z.boolean(),
    /** `LoggingConfiguration.LogDestinationConfigs[].LogType` (`ALERT`, `FLOW`, `TLS`): empty when nothing is logged. */
    logTypes: z.array(z.string()),
  }),
);

/** One firewall policy: `ListFirewallPolicies` + `DescribeFirewallPolicy`. */
export const networkFirewallPolicySchema = assetSchemaOf("aws.networkfirewall.firewall-policy", () =>
  z.object({
    policyName: z.string(),
    /** `StatelessRuleGroupReferences` + `StatefulRuleGroupReferences`, counted. */
    ruleGroupCount: z.number(),
    /** `StatelessDefaultActions` (`aws:pass`, `aws:drop`, `aws:forward_to_sfe`, custom actions). */
    statelessDefaultActions: z.array(z.string()),
    /** `StatelessFragmentDefaultActions`. */
    statelessFragmentDefaultActions: z.array(z.string()),
  }),
);

/** One rule group: `ListRuleGroups` + `DescribeRuleGroup`. */
export const networkFirewallRuleGroupSchema = assetSchemaOf("aws.networkfirewall.rule-group", () =>
  z.object({
    ruleGroupName: z.string(),
    /** `Type`: `STATELESS` or `STATEFUL`. */
    ruleGroupType: z.string(),
    /** Stateless groups: `RulesSource.StatelessRulesAndCustomActions.StatelessRules`, counted (0 for stateful ones). */
    statelessRuleCount: z.number(),
  }),
);
