import { describe, expect, it } from "vitest";
import { networkFirewallAsset } from "../../src/collectors/index.ts";

describe("the Network Firewall firewall asset", () => {
  it("keeps the firewall, its described fields read, when DescribeLoggingConfiguration was denied", () => {
    const arn = "arn:aws:network-firewall:eu-west-1:123456789012:firewall/egress";
    const asset = networkFirewallAsset(
      { accountId: "123456789012", region: "eu-west-1", partition: "aws" },
      { FirewallName: "egress", FirewallArn: arn },
      {
        ok: true,
        value: {
          Firewall: {
            FirewallName: "egress",
            FirewallArn: arn,
            FirewallPolicyArn: "arn:aws:network-firewall:eu-west-1:123456789012:firewall-policy/p",
            VpcId: "vpc-0a1b2c3d4e5f60718",
            SubnetMappings: [{ SubnetId: "subnet-0a1b2c3d4e5f60718" }],
            FirewallId: "2b4d6f80-1a3c-4e5f-8a9b-0c1d2e3f4a5b",
          },
        },
      },
      {
        ok: false,
        kind: "denied",
        code: "AccessDeniedException",
        message: "not authorized to perform: network-firewall:DescribeLoggingConfiguration",
        call: "network-firewall:DescribeLoggingConfiguration",
      },
    );
    expect(asset.arn).toBe(arn);
    expect(asset.config).toEqual({
      firewallName: "egress",
      subnetCount: 1,
      deleteProtection: false,
      subnetChangeProtection: false,
    });
    expect(Object.keys(asset.unread ?? {})).toEqual(["logTypes"]);
  });
});
