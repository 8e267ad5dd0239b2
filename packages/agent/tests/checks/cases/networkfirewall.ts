import type {
  Firewall,
  FirewallPolicy,
  LoggingConfiguration,
  RuleGroup,
} from "@aws-sdk/client-network-firewall";
import {
  networkFirewallAsset,
  networkFirewallPolicyAsset,
  networkFirewallRuleGroupAsset,
} from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
const FIREWALL_ARN = `arn:aws:network-firewall:${REGION}:${ACCOUNT}:firewall/egress`;
const POLICY_ARN = `arn:aws:network-firewall:${REGION}:${ACCOUNT}:firewall-policy/egress-policy`;

const LOGS: LoggingConfiguration = {
  LogDestinationConfigs: [
    {
      LogType: "ALERT",
      LogDestinationType: "CloudWatchLogs",
      LogDestination: { logGroup: "/network-firewall/alert" },
    },
    {
      LogType: "FLOW",
      LogDestinationType: "S3",
      LogDestination: { bucketName: "firewall-flow-logs", prefix: "egress" },
    },
  ],
};

/** `DescribeFirewall` → `Firewall` and `DescribeLoggingConfiguration` → `LoggingConfiguration`. */
const firewall = (over: Partial<Firewall>, logging: LoggingConfiguration = LOGS) =>
  networkFirewallAsset(
    WHERE,
    { FirewallName: "egress", FirewallArn: FIREWALL_ARN },
    {
      ok: true,
      value: {
        Firewall: {
          FirewallName: "egress",
          FirewallArn: FIREWALL_ARN,
          FirewallPolicyArn: POLICY_ARN,
          VpcId: "vpc-0a1b2c3d4e5f60718",
          SubnetMappings: [
            { SubnetId: "subnet-0a1b2c3d4e5f60718" },
            { SubnetId: "subnet-0b1c2d3e4f5a60719" },
          ],
          DeleteProtection: true,
          SubnetChangeProtection: true,
          FirewallPolicyChangeProtection: true,
          FirewallId: "2b4d6f80-1a3c-4e5f-8a9b-0c1d2e3f4a5b",
          ...over,
        },
      },
    },
    { ok: true, value: { LoggingConfiguration: logging } },
  );

/** `DescribeFirewallPolicy` → `FirewallPolicy`. */
const policy = (over: Partial<FirewallPolicy>) =>
  networkFirewallPolicyAsset(
    WHERE,
    { Name: "egress-policy", Arn: POLICY_ARN },
    {
      ok: true,
      value: {
        FirewallPolicy: {
          StatelessRuleGroupReferences: [
            {
              ResourceArn: `arn:aws:network-firewall:${REGION}:${ACCOUNT}:stateless-rulegroup/block-ports`,
              Priority: 10,
            },
          ],
          StatelessDefaultActions: ["aws:forward_to_sfe"],
          StatelessFragmentDefaultActions: ["aws:drop"],
          StatefulRuleGroupReferences: [
            { ResourceArn: `arn:aws:network-firewall:${REGION}:${ACCOUNT}:stateful-rulegroup/domains` },
          ],
          ...over,
        },
      },
    },
  );

/** `DescribeRuleGroup` → `RuleGroup` and `RuleGroupResponse`. */
const ruleGroup = (type: "STATELESS" | "STATEFUL", rules: RuleGroup["RulesSource"]) => {
  const arn = `arn:aws:network-firewall:${REGION}:${ACCOUNT}:${type.toLowerCase()}-rulegroup/block-ports`;
  return networkFirewallRuleGroupAsset(
    WHERE,
    { Name: "block-ports", Arn: arn },
    {
      ok: true,
      value: {
        RuleGroup: { RulesSource: rules },
        RuleGroupResponse: {
          RuleGroupArn: arn,
          RuleGroupName: "block-ports",
          RuleGroupId: "3c5e7a91-2b4d-4f6a-8b0c-1d2e3f4a5b6c",
          Type: type,
          Capacity: 100,
          RuleGroupStatus: "ACTIVE",
        },
      },
    },
  );
};
const STATELESS_RULE = {
  Priority: 1,
  RuleDefinition: {
    MatchAttributes: {
      Sources: [{ AddressDefinition: "0.0.0.0/0" }],
      DestinationPorts: [{ FromPort: 23, ToPort: 23 }],
      Protocols: [6],
    },
    Actions: ["aws:drop"],
  },
};

export const networkFirewallCases: CheckCase[] = [
  {
    check: "vigil.networkfirewall.firewall-multi-az",
    name: "two subnet mappings",
    asset: firewall({}),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.firewall-multi-az",
    name: "one subnet mapping",
    asset: firewall({ SubnetMappings: [{ SubnetId: "subnet-0a1b2c3d4e5f60718" }] }),
    expect: "fail",
  },
  {
    check: "vigil.networkfirewall.firewall-logging-enabled",
    name: "ALERT and FLOW logs",
    asset: firewall({}),
    expect: "pass",
    evidence: /ALERT and FLOW/,
  },
  {
    check: "vigil.networkfirewall.firewall-logging-enabled",
    name: "no log destination",
    asset: firewall({}, { LogDestinationConfigs: [] }),
    expect: "fail",
  },
  {
    check: "vigil.networkfirewall.firewall-deletion-protection",
    name: "DeleteProtection true",
    asset: firewall({}),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.firewall-deletion-protection",
    name: "DeleteProtection false",
    asset: firewall({ DeleteProtection: false }),
    expect: "fail",
  },
  {
    check: "vigil.networkfirewall.firewall-subnet-change-protection",
    name: "SubnetChangeProtection true",
    asset: firewall({}),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.firewall-subnet-change-protection",
    name: "SubnetChangeProtection false",
    asset: firewall({ SubnetChangeProtection: false }),
    expect: "fail",
  },
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
