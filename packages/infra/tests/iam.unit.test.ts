import { runSimulation } from "@cloud-copilot/iam-simulate";
import { describe, expect, it } from "vitest";
import {
  CLEANUP_ACTIONS,
  cleanupPolicy,
  DISCOVERY_ACTIONS,
  discoveryActions,
  discoveryPolicy,
  ebsScanningPolicy,
  type PolicyDocument,
  permissionSetDocument,
  rootTemplate,
} from "../src/index.ts";

const ACCOUNT = "111122223333";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/vigil-agent`;

/** The agent role's inline policies exactly as the root template renders them. */
function agentPolicies(): { name: string; policy: unknown }[] {
  const role = rootTemplate().Resources.AgentRole?.Properties as {
    Policies: { PolicyName: string; PolicyDocument: unknown }[];
  };
  return role.Policies.filter((p) => p.PolicyName === "discovery" || p.PolicyName === "cleanup").map((p) => ({
    name: p.PolicyName,
    policy: p.PolicyDocument,
  }));
}

async function decide(
  policies: { name: string; policy: unknown }[],
  action: string,
  resource: string,
  context: Record<string, string | string[]> = {},
): Promise<string> {
  const result = await runSimulation(
    {
      request: {
        principal: ROLE,
        action,
        resource: { resource, accountId: ACCOUNT },
        contextVariables: context,
      },
      identityPolicies: policies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType === "error") throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}

const volume = `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-0123456789abcdef0`;
const instance = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`;
const snapshot = "arn:aws:ec2:us-east-1::snapshot/snap-0123456789abcdef0";
const launchTemplate = `arn:aws:ec2:us-east-1:${ACCOUNT}:launch-template/lt-0123456789abcdef0`;
const group = `arn:aws:autoscaling:us-east-1:${ACCOUNT}:autoScalingGroup:11111111-2222-3333-4444-555555555555:autoScalingGroupName/vigil-ebs-scanner-x`;
const tagged = { "aws:ResourceTag/Created By": "Vigil" };

const destructive: [string, string][] = [
  ["ec2:DeleteVolume", volume],
  ["ec2:DeleteSnapshot", snapshot],
  ["ec2:TerminateInstances", instance],
  ["ec2:DetachVolume", volume],
  ["ec2:DetachVolume", instance],
  ["ec2:DeleteLaunchTemplate", launchTemplate],
  ["autoscaling:DeleteAutoScalingGroup", group],
  ["autoscaling:UpdateAutoScalingGroup", group],
];

describe("cleanup permissions (as rendered in the agent role)", () => {
  it.each(destructive)(
    "%s on %s is explicitly denied without the Created By tag",
    async (action, resource) => {
      expect(await decide(agentPolicies(), action, resource)).toBe("ExplicitlyDenied");
    },
  );

  it.each(destructive)("%s on %s is denied when the tag has another value", async (action, resource) => {
    const other = { "aws:ResourceTag/Created By": "Terraform" };
    expect(await decide(agentPolicies(), action, resource, other)).toBe("ExplicitlyDenied");
  });

  it.each(destructive)("%s on %s is allowed with Created By = Vigil", async (action, resource) => {
    expect(await decide(agentPolicies(), action, resource, tagged)).toBe("Allowed");
  });

  it("the Deny wins even when another policy allows everything", async () => {
    const adminish = {
      name: "too-broad",
      policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
    };
    expect(await decide([...agentPolicies(), adminish], "ec2:TerminateInstances", instance)).toBe(
      "ExplicitlyDenied",
    );
  });
});

describe("discovery permissions", () => {
  it.each(discoveryActions())("%s is allowed", async (action) => {
    const resource = "*";
    expect(await decide(agentPolicies(), action, resource)).toBe("Allowed");
  });

  it.each([
    ["s3:GetObject", "arn:aws:s3:::customer-bucket/secret.txt"],
    ["s3:PutBucketPolicy", "arn:aws:s3:::customer-bucket"],
    ["ec2:RunInstances", instance],
    ["ec2:ModifyInstanceAttribute", instance],
    ["iam:CreateUser", `arn:aws:iam::${ACCOUNT}:user/mallory`],
    ["iam:CreateAccessKey", `arn:aws:iam::${ACCOUNT}:user/alice`],
    ["kms:Decrypt", `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
    ["rds:DeleteDBInstance", `arn:aws:rds:us-east-1:${ACCOUNT}:db:prod`],
  ])("%s (outside the list) is denied", async (action, resource) => {
    expect(await decide(agentPolicies(), action, resource, tagged)).not.toBe("Allowed");
  });

  it("lists actions one by one: no wildcards, no managed read-only policies", () => {
    const actions = discoveryPolicy().Statement.flatMap((s) => s.Action);
    expect(actions.every((a) => /^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a))).toBe(true);
    expect(actions).toHaveLength(Object.values(DISCOVERY_ACTIONS).flat().length);
    const rendered = JSON.stringify(rootTemplate());
    expect(rendered).not.toMatch(/FullAccess|ReadOnlyAccess|ManagedPolicyArns/);
    // Every action granted anywhere in the template is spelled out: no `ec2:*`, no `*`.
    const granted = [...rendered.matchAll(/"Action":(\[[^\]]*\]|"[^"]*")/g)].flatMap((m) => {
      const v = JSON.parse(m[1] ?? "[]") as string | string[];
      return Array.isArray(v) ? v : [v];
    });
    expect(granted.length).toBeGreaterThan(discoveryActions().length);
    expect(granted.filter((a) => a.includes("*"))).toEqual([]);
  });

  it("discovery grants nothing but Describe/List/Get calls", () => {
    for (const action of discoveryActions()) {
      expect(action.split(":")[1]).toMatch(/^(Describe|List|Get|GenerateCredentialReport)/);
    }
  });
});

describe("EBS scanning permissions", () => {
  const policies = [
    { name: "cleanup", policy: cleanupPolicy() },
    { name: "ebs", policy: ebsScanningPolicy() },
  ];
  const vigilRequest = { "aws:RequestTag/Created By": "Vigil" };

  it("creates a snapshot only when the request carries the Vigil tag", async () => {
    expect(await decide(policies, "ec2:CreateSnapshot", snapshot, vigilRequest)).toBe("Allowed");
    expect(await decide(policies, "ec2:CreateSnapshot", snapshot)).toBe("ExplicitlyDenied");
  });

  it("creates a volume only when the request carries the Vigil tag", async () => {
    expect(await decide(policies, "ec2:CreateVolume", volume, vigilRequest)).toBe("Allowed");
    expect(await decide(policies, "ec2:CreateVolume", volume, { "aws:RequestTag/Created By": "me" })).toBe(
      "ExplicitlyDenied",
    );
  });

  it("attaches only Vigil volumes to Vigil instances", async () => {
    expect(await decide(policies, "ec2:AttachVolume", volume, tagged)).toBe("Allowed");
    expect(await decide(policies, "ec2:AttachVolume", instance)).toBe("ExplicitlyDenied");
  });
});

describe("published permission set", () => {
  it("carries every discovery and clean-up action and the tag it is conditioned on", () => {
    const doc = permissionSetDocument("1.2.3");
    const all = doc.policies.flatMap((p: { document: PolicyDocument }) =>
      p.document.Statement.flatMap((s) => s.Action),
    );
    for (const a of [...discoveryActions(), ...CLEANUP_ACTIONS]) expect(all).toContain(a);
    expect(doc.tag).toEqual({ key: "Created By", value: "Vigil" });
    expect(doc.version).toBe("1.2.3");
  });
});
