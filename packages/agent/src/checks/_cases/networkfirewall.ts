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
} from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
export const FIREWALL_ARN = `arn:aws:network-firewall:${REGION}:${ACCOUNT}:firewall/egress`;
export const POLICY_ARN = `arn:aws:network-firewall:${REGION}:${ACCOUNT}:firewall-policy/egress-policy`;
export const LOGS: LoggingConfiguration = {
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
export const firewall = (over: Partial<Firewall>, logging: LoggingConfiguration = LOGS) =>
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
export const policy = (over: Partial<FirewallPolicy>) =>
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
export const ruleGroup = (type: "STATELESS" | "STATEFUL", rules: RuleGroup["RulesSource"]) => {
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
export const STATELESS_RULE = {
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
