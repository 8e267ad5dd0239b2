import {
  DescribeFirewallCommand,
  type DescribeFirewallCommandOutput,
  DescribeFirewallPolicyCommand,
  type DescribeFirewallPolicyCommandOutput,
  DescribeLoggingConfigurationCommand,
  type DescribeLoggingConfigurationCommandOutput,
  DescribeRuleGroupCommand,
  type DescribeRuleGroupCommandOutput,
  type FirewallMetadata,
  type FirewallPolicyMetadata,
  NetworkFirewallClient,
  paginateListFirewallPolicies,
  paginateListFirewalls,
  paginateListRuleGroups,
  type RuleGroupMetadata,
} from "@aws-sdk/client-network-firewall";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import type { CollectContext } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { readResource } from "./read-one.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ networkfirewall: NetworkFirewallClient });

type Firewall = AssetOf<"aws.networkfirewall.firewall">;
type Policy = AssetOf<"aws.networkfirewall.firewall-policy">;
type RuleGroup = AssetOf<"aws.networkfirewall.rule-group">;

/** A firewall as listed, `DescribeFirewall` and `DescribeLoggingConfiguration` describe it; each failed read leaves its fields unread. */
export function networkFirewallAsset(
  c: Where,
  listed: FirewallMetadata,
  described: RawOutcome<Pick<DescribeFirewallCommandOutput, "Firewall">>,
  logging: RawOutcome<Pick<DescribeLoggingConfigurationCommandOutput, "LoggingConfiguration">>,
): Firewall {
  const name = listed.FirewallName ?? "";
  const unread = new UnreadFields();
  const config: Partial<Firewall["config"]> = { firewallName: name };
  if (
    !unread.failed(described, "subnetCount", "deleteProtection", "subnetChangeProtection") &&
    described.ok
  ) {
    const f = described.value.Firewall;
    config.subnetCount = f?.SubnetMappings?.length ?? 0;
    config.deleteProtection = f?.DeleteProtection === true;
    config.subnetChangeProtection = f?.SubnetChangeProtection === true;
  }
  if (!unread.failed(logging, "logTypes") && logging.ok)
    config.logTypes = (logging.value.LoggingConfiguration?.LogDestinationConfigs ?? []).map((d) =>
      String(d.LogType),
    );
  return regionalAsset(
    c,
    "aws.networkfirewall.firewall",
    {
      arn:
        listed.FirewallArn ??
        `arn:${c.partition}:network-firewall:${c.region}:${c.accountId}:firewall/${name}`,
      name,
    },
    config,
    unread,
  );
}

/** A firewall policy as listed and as `DescribeFirewallPolicy` describes it. */
export function networkFirewallPolicyAsset(
  c: Where,
  listed: FirewallPolicyMetadata,
  described: RawOutcome<Pick<DescribeFirewallPolicyCommandOutput, "FirewallPolicy">>,
): Policy {
  const name = listed.Name ?? "";
  const unread = new UnreadFields();
  const config: Partial<Policy["config"]> = { policyName: name };
  if (
    !unread.failed(
      described,
      "ruleGroupCount",
      "statelessDefaultActions",
      "statelessFragmentDefaultActions",
    ) &&
    described.ok
  ) {
    const p = described.value.FirewallPolicy;
    config.ruleGroupCount =
      (p?.StatelessRuleGroupReferences?.length ?? 0) + (p?.StatefulRuleGroupReferences?.length ?? 0);
    config.statelessDefaultActions = [...(p?.StatelessDefaultActions ?? [])];
    config.statelessFragmentDefaultActions = [...(p?.StatelessFragmentDefaultActions ?? [])];
  }
  return regionalAsset(
    c,
    "aws.networkfirewall.firewall-policy",
    {
      arn:
        listed.Arn ??
        `arn:${c.partition}:network-firewall:${c.region}:${c.accountId}:firewall-policy/${name}`,
      name,
    },
    config,
    unread,
  );
}

/** A rule group as listed and as `DescribeRuleGroup` describes it. */
export function networkFirewallRuleGroupAsset(
  c: Where,
  listed: RuleGroupMetadata,
  described: RawOutcome<Pick<DescribeRuleGroupCommandOutput, "RuleGroup" | "RuleGroupResponse">>,
): RuleGroup {
  const name = listed.Name ?? "";
  const unread = new UnreadFields();
  const config: Partial<RuleGroup["config"]> = { ruleGroupName: name };
  if (!unread.failed(described, "ruleGroupType", "statelessRuleCount") && described.ok) {
    config.ruleGroupType = described.value.RuleGroupResponse?.Type ?? "STATEFUL";
    config.statelessRuleCount =
      described.value.RuleGroup?.RulesSource?.StatelessRulesAndCustomActions?.StatelessRules?.length ?? 0;
  }
  const kind = config.ruleGroupType === "STATELESS" ? "stateless" : "stateful";
  return regionalAsset(
    c,
    "aws.networkfirewall.rule-group",
    {
      arn:
        listed.Arn ??
        `arn:${c.partition}:network-firewall:${c.region}:${c.accountId}:${kind}-rulegroup/${name}`,
      name,
    },
    config,
    unread,
  );
}

const describe = <T extends object>(
  c: CollectContext,
  command: string,
  name: string,
  send: () => Promise<T>,
) => readResource(c, "network-firewall", command, name, send);

export const networkFirewallsCollector = listedCollector({
  id: "networkfirewall-firewalls",
  type: "aws.networkfirewall.firewall",
  service: "network-firewall",
  command: "list-firewalls",
  pages: (c) => paginateListFirewalls({ client: c.clients.networkfirewall, pageSize: 100 }, {}),
  items: (listing) => listing.Firewalls,
  async asset(c, f) {
    const name = f.FirewallName ?? "";
    const [described, logging] = await Promise.all([
      describe(c, "describe-firewall", name, () =>
        c.clients.networkfirewall.send(new DescribeFirewallCommand({ FirewallArn: f.FirewallArn })),
      ),
      describe(c, "describe-logging-configuration", name, () =>
        c.clients.networkfirewall.send(
          new DescribeLoggingConfigurationCommand({ FirewallArn: f.FirewallArn }),
        ),
      ),
    ]);
    return networkFirewallAsset(c, f, described, logging);
  },
});

export const networkFirewallPoliciesCollector = listedCollector({
  id: "networkfirewall-firewall-policies",
  type: "aws.networkfirewall.firewall-policy",
  service: "network-firewall",
  command: "list-firewall-policies",
  pages: (c) => paginateListFirewallPolicies({ client: c.clients.networkfirewall, pageSize: 100 }, {}),
  items: (listing) => listing.FirewallPolicies,
  async asset(c, p) {
    const described = await describe(c, "describe-firewall-policy", p.Name ?? "", () =>
      c.clients.networkfirewall.send(new DescribeFirewallPolicyCommand({ FirewallPolicyArn: p.Arn })),
    );
    return networkFirewallPolicyAsset(c, p, described);
  },
});

export const networkFirewallRuleGroupsCollector = listedCollector({
  id: "networkfirewall-rule-groups",
  type: "aws.networkfirewall.rule-group",
  service: "network-firewall",
  command: "list-rule-groups",
  pages: (c) => paginateListRuleGroups({ client: c.clients.networkfirewall, pageSize: 100 }, {}),
  items: (listing) => listing.RuleGroups,
  async asset(c, g) {
    const described = await describe(c, "describe-rule-group", g.Name ?? "", () =>
      c.clients.networkfirewall.send(new DescribeRuleGroupCommand({ RuleGroupArn: g.Arn })),
    );
    return networkFirewallRuleGroupAsset(c, g, described);
  },
});
