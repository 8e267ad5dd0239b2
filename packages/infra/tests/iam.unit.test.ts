import { readFileSync } from "node:fs";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { describe, expect, it } from "vitest";
import {
  CLEANUP_ACTIONS,
  DISCOVERY_ACTIONS,
  discoveryActions,
  discoveryPolicies,
  discoveryPolicy,
  INTEGRATION_ID_PLACEHOLDER,
  MANAGED_POLICY_MAX_CHARACTERS,
  type PolicyDocument,
  type PolicyStatement,
  permissionSetDocument,
  policySize,
  rootTemplate,
} from "../src/index.ts";

const ACCOUNT = "111122223333";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/vigil-agent`;

/**
 * The agent role's inline policies exactly as the root template renders them, for integration
 * `int-1` (the `IntegrationId` the tag conditions compare with is resolved, as CloudFormation would).
 */
function agentPolicies(): { name: string; policy: unknown }[] {
  const t = rootTemplate();
  const role = t.Resources.AgentRole?.Properties as {
    Policies: { PolicyName: string; PolicyDocument: unknown }[];
    ManagedPolicyArns: { Ref: string }[];
  };
  const managed = role.ManagedPolicyArns.map(({ Ref }) => ({
    name: Ref,
    policy: concrete(
      (t.Resources[Ref]?.Properties as { PolicyDocument?: unknown } | undefined)?.PolicyDocument,
    ),
  }));
  const inline = role.Policies.filter((p) => p.PolicyName === "cleanup").map((p) => ({
    name: p.PolicyName,
    policy: concrete(p.PolicyDocument),
  }));
  return [...managed, ...inline];
}

/** The EBS scanning policy the root template attaches to the agent role (behind EnableEbsScanning). */
function agentEbsPolicy(): { name: string; policy: unknown } {
  const p = rootTemplate().Resources.AgentEbsScanningPolicy?.Properties as { PolicyDocument: unknown };
  return { name: "ebs-scanning", policy: concrete(p.PolicyDocument) };
}

async function decide(
  policies: { name: string; policy: unknown }[],
  action: string,
  resource: string,
  context: Record<string, string | string[]> = {},
  resourcePolicy?: unknown,
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
      ...(resourcePolicy ? { resourcePolicy } : {}),
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
/** Both tags, for this integration (`int-1`): what Vigil's own resources carry. */
const tagged = { "aws:ResourceTag/Created By": "Vigil", "aws:ResourceTag/Vigil Integration": "int-1" };
const notOurs: [string, Record<string, string>][] = [
  ["untagged", {}],
  ["tagged Created By = Vigil only", { "aws:ResourceTag/Created By": "Vigil" }],
  ["tagged for another integration", { ...tagged, "aws:ResourceTag/Vigil Integration": "int-2" }],
  [
    "tagged for an integration whose id starts with ours",
    { ...tagged, "aws:ResourceTag/Vigil Integration": "int-10" },
  ],
  ["tagged Created By = Terraform", { ...tagged, "aws:ResourceTag/Created By": "Terraform" }],
  ["tagged with this integration only", { "aws:ResourceTag/Vigil Integration": "int-1" }],
];

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
  const cases = destructive.flatMap(([action, resource]) =>
    notOurs.map(([what, tags]) => [action, resource, what, tags] as const),
  );
  it.each(cases)("%s on %s is explicitly denied when %s", async (action, resource, _what, tags) => {
    expect(await decide(agentPolicies(), action, resource, tags)).toBe("ExplicitlyDenied");
  });

  it.each(destructive)(
    "%s on %s is allowed with Created By = Vigil and Vigil Integration = this integration",
    async (action, resource) => {
      expect(await decide(agentPolicies(), action, resource, tagged)).toBe("Allowed");
    },
  );

  it("the Deny wins even when another policy allows everything", async () => {
    const adminish = {
      name: "too-broad",
      policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
    };
    expect(await decide([...agentPolicies(), adminish], "ec2:TerminateInstances", instance)).toBe(
      "ExplicitlyDenied",
    );
    const anotherIntegration = { ...tagged, "aws:ResourceTag/Vigil Integration": "int-2" };
    expect(await decide([...agentPolicies(), adminish], "ec2:DeleteVolume", volume, anotherIntegration)).toBe(
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
    const t = rootTemplate();
    const rendered = JSON.stringify(t);
    expect(rendered).not.toMatch(/FullAccess|ReadOnlyAccess|arn:aws:iam::aws:policy/);
    // The only managed policies attached are the template's own discovery policies, which together
    // grant exactly the discovery actions.
    const attached = Object.values(t.Resources).flatMap(
      (r) => ((r.Properties ?? {}) as { ManagedPolicyArns?: { Ref: string }[] }).ManagedPolicyArns ?? [],
    );
    expect(attached.map((a) => t.Resources[a.Ref]?.Type)).toEqual(
      attached.map(() => "AWS::IAM::ManagedPolicy"),
    );
    const documents = discoveryPolicies();
    expect(attached.map((a) => t.Resources[a.Ref]?.Properties)).toEqual(
      documents.map((d) => expect.objectContaining({ PolicyDocument: d })),
    );
    expect(documents.flatMap((d) => d.Statement.flatMap((s) => s.Action))).toEqual(actions);
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
      // API Gateway's management API is authorized by HTTP method: apigateway:GET is its read-only action.
      if (action === "apigateway:GET") continue;
      // Inspector's account status and CodeBuild's projects and report groups are read only in
      // batches (inspector2:BatchGetAccountStatus, codebuild:BatchGetProjects, …).
      expect(action.split(":")[1]).toMatch(/^(Describe|List|Get|BatchGet|GenerateCredentialReport)/);
    }
  });
});

describe("EBS scanning permissions (as rendered for the agent role)", () => {
  const policies = () => [...agentPolicies(), agentEbsPolicy()];
  const vigilRequest = { "aws:RequestTag/Created By": "Vigil", "aws:RequestTag/Vigil Integration": "int-1" };
  const notOursRequested: [string, Record<string, string>][] = [
    ["no tags", {}],
    ["only Created By = Vigil", { "aws:RequestTag/Created By": "Vigil" }],
    ["another integration's tag", { ...vigilRequest, "aws:RequestTag/Vigil Integration": "int-2" }],
    ["Created By = me", { ...vigilRequest, "aws:RequestTag/Created By": "me" }],
  ];

  it("creates a snapshot only when the request carries both tags for this integration", async () => {
    expect(await decide(policies(), "ec2:CreateSnapshot", snapshot, vigilRequest)).toBe("Allowed");
    for (const [, tags] of notOursRequested)
      expect(await decide(policies(), "ec2:CreateSnapshot", snapshot, tags)).toBe("ExplicitlyDenied");
  });

  it("creates a volume only when the request carries both tags for this integration", async () => {
    expect(await decide(policies(), "ec2:CreateVolume", volume, vigilRequest)).toBe("Allowed");
    for (const [, tags] of notOursRequested)
      expect(await decide(policies(), "ec2:CreateVolume", volume, tags)).toBe("ExplicitlyDenied");
  });

  it("attaches only this integration's volumes to this integration's instances", async () => {
    expect(await decide(policies(), "ec2:AttachVolume", volume, tagged)).toBe("Allowed");
    for (const [, tags] of notOurs)
      expect(await decide(policies(), "ec2:AttachVolume", instance, tags)).toBe("ExplicitlyDenied");
  });

  it("uses a customer's KMS key for encrypted copies only through EC2, and grants only to AWS resources", async () => {
    const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const viaEc2 = { "kms:ViaService": "ec2.us-east-1.amazonaws.com" };
    const keyPolicy = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: "kms:*",
          Resource: "*",
        },
      ],
    };
    // (kms:DescribeKey is also a discovery call, allowed directly: the KMS collector reads keys.)
    expect(await decide(policies(), "kms:DescribeKey", key, viaEc2, keyPolicy)).toBe("Allowed");
    for (const action of [
      "kms:Decrypt",
      "kms:GenerateDataKeyWithoutPlaintext",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
    ]) {
      expect(await decide(policies(), action, key, viaEc2, keyPolicy), action).toBe("Allowed");
      expect(await decide(policies(), action, key, {}, keyPolicy), `${action} directly`).not.toBe("Allowed");
      expect(
        await decide(policies(), action, key, { "kms:ViaService": "s3.us-east-1.amazonaws.com" }, keyPolicy),
      ).not.toBe("Allowed");
    }
    expect(
      await decide(
        policies(),
        "kms:CreateGrant",
        key,
        { ...viaEc2, "kms:GrantIsForAWSResource": "true" },
        keyPolicy,
      ),
    ).toBe("Allowed");
    expect(await decide(policies(), "kms:CreateGrant", key, viaEc2, keyPolicy)).not.toBe("Allowed");
    expect(await decide(policies(), "kms:Encrypt", key, viaEc2, keyPolicy)).not.toBe("Allowed");
  });
});

describe("published permission set", () => {
  it("carries every discovery and clean-up action and the two tags it is conditioned on", () => {
    const doc = permissionSetDocument("1.2.3");
    const all = doc.policies.flatMap((p: { document: PolicyDocument }) =>
      p.document.Statement.flatMap((s) => s.Action),
    );
    for (const a of [...discoveryActions(), ...CLEANUP_ACTIONS]) expect(all).toContain(a);
    expect(doc.tag).toEqual({ key: "Created By", value: "Vigil" });
    expect(doc.integrationTag).toEqual({ key: "Vigil Integration", value: "<IntegrationId>" });
    expect(doc.placeholders).toHaveProperty(INTEGRATION_ID_PLACEHOLDER);
    expect(doc.version).toBe("1.2.3");
  });

  /** The published policies with the placeholder filled in, as a customer applying them for `int-1` would. */
  function published(): { name: string; policy: unknown }[] {
    const text = JSON.stringify(permissionSetDocument("1.2.3").policies).replaceAll(
      INTEGRATION_ID_PLACEHOLDER,
      "int-1",
    );
    return (JSON.parse(text) as { name: string; document: unknown }[]).map((p) => ({
      name: p.name,
      policy: p.document,
    }));
  }

  it("pairs every Created By condition with a Vigil Integration one, on the same actions and resources", () => {
    const statements = permissionSetDocument("1.2.3").policies.flatMap(
      (p: { document: PolicyDocument }) => p.document.Statement,
    );
    const on = (st: PolicyStatement, key: string) =>
      JSON.stringify(st.Condition ?? {}).includes(`Tag/${key}"`);
    const scope = (st: PolicyStatement) => JSON.stringify([st.Effect, st.Action, st.Resource]);
    const createdBy = statements.filter((st) => on(st, "Created By"));
    expect(createdBy.length).toBeGreaterThan(4);
    const unpaired = createdBy.filter(
      (st) => !statements.some((o) => on(o, "Vigil Integration") && scope(o) === scope(st)),
    );
    expect(unpaired.map((st) => st.Sid)).toEqual([]);
    expect(JSON.stringify(statements)).toContain(`"aws:ResourceTag/Vigil Integration":"<IntegrationId>"`);
    expect(JSON.stringify(statements)).toContain(`"aws:RequestTag/Vigil Integration":"<IntegrationId>"`);
  });

  it.each(destructive)(
    "%s on %s: allowed for this integration's resources, denied for another's or untagged ones",
    async (action, resource) => {
      expect(await decide(published(), action, resource, tagged)).toBe("Allowed");
      for (const [, tags] of notOurs)
        expect(await decide(published(), action, resource, tags)).toBe("ExplicitlyDenied");
    },
  );
});

/**
 * The agent's and updater's statements on the stack's own resources, with CloudFormation's
 * intrinsics resolved to the ARNs a stack for integration `int-1` in us-east-1 would get.
 */
const INTEGRATION = "int-1";
const arns: Record<string, string> = {
  EventsTopic: `arn:aws:sns:us-east-1:${ACCOUNT}:vigil-events-${INTEGRATION}`,
  AlertsTopic: `arn:aws:sns:us-east-1:${ACCOUNT}:vigil-alerts-${INTEGRATION}`,
  "AgentJobQueue.Arn": `arn:aws:sqs:us-east-1:${ACCOUNT}:vigil-agent-jobs-${INTEGRATION}`,
  "AgentDeadLetterQueue.Arn": `arn:aws:sqs:us-east-1:${ACCOUNT}:vigil-agent-${INTEGRATION}-dlq`,
  "UpdaterDeadLetterQueue.Arn": `arn:aws:sqs:us-east-1:${ACCOUNT}:vigil-updater-${INTEGRATION}-dlq`,
  "EventTable.Arn": `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/vigil-events-${INTEGRATION}`,
  "IdempotencyTable.Arn": `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/vigil-idempotency-${INTEGRATION}`,
  "AWS::Partition": "aws",
  "AWS::Region": "us-east-1",
  "AWS::AccountId": ACCOUNT,
  "AWS::URLSuffix": "amazonaws.com",
  IntegrationId: INTEGRATION,
  ArtifactBucket: "vigil-releases",
  "AgentLogGroup.Arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/vigil-agent-${INTEGRATION}:*`,
  "UpdaterLogGroup.Arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/vigil-updater-${INTEGRATION}:*`,
};

function concrete(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(concrete);
  if (typeof value !== "object" || value === null) return value;
  const v = value as Record<string, unknown>;
  if ("Ref" in v) return arns[v.Ref as string] ?? fail(v);
  if ("Fn::GetAtt" in v) return arns[(v["Fn::GetAtt"] as string[]).join(".")] ?? fail(v);
  if ("Fn::Sub" in v)
    return (v["Fn::Sub"] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => arns[name] ?? fail(v));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, concrete(x)]));
}
function fail(v: unknown): never {
  throw new Error(`no ARN for ${JSON.stringify(v)} in the test's table`);
}

function rolePolicies(role: "AgentRole" | "UpdaterRole") {
  const props = rootTemplate().Resources[role]?.Properties as {
    Policies: { PolicyName: string; PolicyDocument: unknown }[];
  };
  return props.Policies.filter((p) => p.PolicyName === "integration" || p.PolicyName === "update").map(
    (p) => ({ name: p.PolicyName, policy: concrete(p.PolicyDocument) }),
  );
}

describe("the agent's permissions on its own stack (as rendered in the agent role)", () => {
  const agent = rolePolicies("AgentRole");
  const parameter = (integration: string, key: string) =>
    `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/vigil/${integration}/${key}`;
  const viaSsm = { "kms:ViaService": "ssm.us-east-1.amazonaws.com" };
  const kmsKey = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

  it.each([
    ["sqs:SendMessage", arns["AgentJobQueue.Arn"]],
    ["sqs:ReceiveMessage", arns["AgentJobQueue.Arn"]],
    ["sqs:DeleteMessage", arns["AgentJobQueue.Arn"]],
    ["sqs:ChangeMessageVisibility", arns["AgentJobQueue.Arn"]],
    ["sqs:GetQueueAttributes", arns["AgentJobQueue.Arn"]],
    ["sqs:SendMessage", arns["AgentDeadLetterQueue.Arn"]],
    ["sns:Publish", arns.EventsTopic],
    ["sns:Publish", arns.AlertsTopic],
    ["dynamodb:PutItem", arns["EventTable.Arn"]],
    // TransactWriteItems has no IAM action of its own: each Put/ConditionCheck in it is authorized.
    ["dynamodb:ConditionCheckItem", arns["EventTable.Arn"]],
    ["dynamodb:Query", `${arns["EventTable.Arn"]}/index/by-time`],
    ["dynamodb:GetItem", arns["EventTable.Arn"]],
    ["dynamodb:PutItem", arns["IdempotencyTable.Arn"]],
    ["dynamodb:GetItem", arns["IdempotencyTable.Arn"]],
    ["dynamodb:DeleteItem", arns["IdempotencyTable.Arn"]],
    ["ssm:GetParameters", parameter(INTEGRATION, "service-key")],
    ["ssm:GetParametersByPath", `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/vigil/${INTEGRATION}`],
    ["ssm:PutParameter", parameter(INTEGRATION, "service-key")],
    ["ssm:DeleteParameters", parameter(INTEGRATION, "service-key-id")],
    // An organization member's proof of its organization (enrollment): the call has no resource.
    ["organizations:DescribeOrganization", "*"],
  ] as [string, string][])("%s on %s is allowed", async (action, resource) => {
    expect(await decide(agent, action, resource)).toBe("Allowed");
  });

  it.each([
    // Another integration's parameters, including one whose id merely starts with this one's.
    ["ssm:GetParameter", parameter("int-2", "service-key")],
    ["ssm:GetParameters", parameter("int-10", "service-key")],
    ["ssm:GetParametersByPath", `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/vigil`],
    ["ssm:PutParameter", parameter("int-2", "service-key")],
    ["ssm:DeleteParameter", parameter("int-2", "service-key")],
    ["ssm:PutParameter", `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/vigil/${INTEGRATION}`],
    // Other queues, topics, tables; and no reads of the DLQ (only `vigil dlq` reads it).
    ["sqs:ReceiveMessage", arns["AgentDeadLetterQueue.Arn"]],
    ["sqs:ReceiveMessage", `arn:aws:sqs:us-east-1:${ACCOUNT}:vigil-agent-jobs-int-2`],
    ["sqs:PurgeQueue", arns["AgentJobQueue.Arn"]],
    ["sqs:DeleteQueue", arns["AgentJobQueue.Arn"]],
    ["sns:Publish", `arn:aws:sns:us-east-1:${ACCOUNT}:someone-elses-topic`],
    ["dynamodb:Scan", arns["EventTable.Arn"]],
    ["dynamodb:DeleteItem", arns["EventTable.Arn"]],
    ["dynamodb:DeleteTable", arns["IdempotencyTable.Arn"]],
    ["dynamodb:PutItem", `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/customer-orders`],
    // Proving its organization is all: nothing else of Organizations.
    ["organizations:ListAccounts", "*"],
    ["organizations:DescribeAccount", `arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/${ACCOUNT}`],
  ] as [string, string][])("%s on %s is denied", async (action, resource) => {
    expect(await decide(agent, action, resource)).not.toBe("Allowed");
  });

  // A KMS key's own policy must delegate to IAM before an identity policy counts: the default one does.
  const keyPolicy = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: "kms:*",
        Resource: "*",
      },
    ],
  };

  it("decrypts only through SSM (the service key's SecureString), never directly", async () => {
    expect(await decide(agent, "kms:Decrypt", kmsKey, viaSsm, keyPolicy)).toBe("Allowed");
    expect(await decide(agent, "kms:Decrypt", kmsKey, {}, keyPolicy)).not.toBe("Allowed");
    const viaS3 = { "kms:ViaService": "s3.us-east-1.amazonaws.com" };
    expect(await decide(agent, "kms:Decrypt", kmsKey, viaS3, keyPolicy)).not.toBe("Allowed");
    expect(await decide(agent, "kms:Encrypt", kmsKey, viaSsm, keyPolicy)).not.toBe("Allowed");
  });

  it("grants only actions IAM knows (the simulator rejects an unknown one, e.g. dynamodb:TransactWriteItems)", async () => {
    const actions = rolePolicies("AgentRole")
      .concat(rolePolicies("UpdaterRole"))
      .flatMap((p) => (p.policy as PolicyDocument).Statement.flatMap((s) => s.Action));
    expect(actions.length).toBeGreaterThan(10);
    for (const action of new Set(actions)) {
      // "*" as the resource: only whether the action exists matters here, not the decision.
      await expect(decide(agent, action, "*")).resolves.toMatch(/Allowed|Denied/);
    }
    await expect(decide(agent, "dynamodb:TransactWriteItems", arns["EventTable.Arn"] ?? "")).rejects.toThrow(
      /invalid.action/,
    );
  });

  it("the updater sends only to its own DLQ and reads no other integration's parameters", async () => {
    const updater = rolePolicies("UpdaterRole");
    expect(await decide(updater, "sqs:SendMessage", arns["UpdaterDeadLetterQueue.Arn"] ?? "")).toBe(
      "Allowed",
    );
    expect(await decide(updater, "sqs:SendMessage", arns["AgentJobQueue.Arn"] ?? "")).not.toBe("Allowed");
    expect(await decide(updater, "ssm:GetParameter", parameter(INTEGRATION, "release-channel"))).toBe(
      "Allowed",
    );
    expect(await decide(updater, "ssm:GetParameter", parameter("int-2", "release-channel"))).not.toBe(
      "Allowed",
    );
    expect(await decide(updater, "ssm:PutParameter", parameter(INTEGRATION, "service-key"))).not.toBe(
      "Allowed",
    );
  });
});

/**
 * Every Lambda call the updater's deployer makes (read from its source), with the IAM action and
 * the resource AWS authorizes it on: alias calls and code updates on the unqualified function ARN,
 * the health check's Invoke (Qualifier "live") on the alias ARN.
 */
const deployerSource = readFileSync(
  new URL("../../updater/src/function-deployer/lambda.ts", import.meta.url),
  "utf8",
);
const LAMBDA_CALLS: Record<string, { action: string; on: "function" | "alias" }> = {
  GetAliasCommand: { action: "lambda:GetAlias", on: "function" },
  UpdateFunctionCodeCommand: { action: "lambda:UpdateFunctionCode", on: "function" },
  waitUntilFunctionUpdatedV2: { action: "lambda:GetFunction", on: "function" }, // polls GetFunction
  PublishVersionCommand: { action: "lambda:PublishVersion", on: "function" },
  UpdateAliasCommand: { action: "lambda:UpdateAlias", on: "function" },
  InvokeCommand: { action: "lambda:InvokeFunction", on: "alias" },
};

describe("the updater's permissions on the two functions (as rendered in the updater role)", () => {
  const updater = rolePolicies("UpdaterRole");
  const fn = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
  const ours = [`vigil-agent-${INTEGRATION}`, `vigil-updater-${INTEGRATION}`];

  it("knows every Lambda call the deployer makes (a new one must be added here and granted)", () => {
    const imported = /import \{([^}]*)\} from "@aws-sdk\/client-lambda"/.exec(deployerSource)?.[1] ?? "";
    const calls = imported
      .split(",")
      .map((n) => n.replace(/^\s*type\s+/, "").trim())
      .filter((n) => /Command$|^waitUntil/.test(n));
    expect(calls.sort()).toEqual(Object.keys(LAMBDA_CALLS).sort());
    expect(deployerSource).toMatch(/Qualifier: alias/); // the health check invokes the alias
  });

  const granted = ours.flatMap((name) =>
    Object.entries(LAMBDA_CALLS).map(
      ([call, { action, on }]) => [call, action, on === "alias" ? `${fn(name)}:live` : fn(name)] as const,
    ),
  );
  it.each(granted)("%s (%s on %s) is allowed", async (_call, action, resource) => {
    expect(await decide(updater, action, resource)).toBe("Allowed");
  });

  it.each([
    // Traffic follows `live`: the health check never reaches $LATEST or a bare version.
    ["lambda:InvokeFunction", fn(`vigil-agent-${INTEGRATION}`)],
    ["lambda:InvokeFunction", `${fn(`vigil-agent-${INTEGRATION}`)}:$LATEST`],
    ["lambda:InvokeFunction", `${fn(`vigil-updater-${INTEGRATION}`)}:3`],
    // Another integration's functions, including one whose id merely starts with this one's.
    ["lambda:UpdateFunctionCode", fn("vigil-agent-int-10")],
    ["lambda:UpdateFunctionCode", fn("vigil-agent-int-2")],
    ["lambda:UpdateAlias", fn("vigil-updater-int-2")],
    ["lambda:GetAlias", fn("vigil-agent-int-10")],
    ["lambda:PublishVersion", fn("customer-billing")],
    ["lambda:UpdateFunctionCode", fn("customer-billing")],
    // Nothing beyond what an update does.
    ["lambda:UpdateFunctionConfiguration", fn(`vigil-agent-${INTEGRATION}`)],
    ["lambda:DeleteFunction", fn(`vigil-agent-${INTEGRATION}`)],
    ["lambda:CreateAlias", fn(`vigil-agent-${INTEGRATION}`)],
    ["lambda:DeleteAlias", fn(`vigil-agent-${INTEGRATION}`)],
    ["lambda:AddPermission", fn(`vigil-agent-${INTEGRATION}`)],
    ["lambda:GetFunctionConfiguration", fn(`vigil-agent-${INTEGRATION}`)],
  ] as [string, string][])("%s on %s is denied", async (action, resource) => {
    expect(await decide(updater, action, resource)).not.toBe("Allowed");
  });
});

describe("policy size", () => {
  it("each role's inline policies, resolved, fit IAM's 10,240-character aggregate (whitespace not counted)", () => {
    const t = rootTemplate();
    const properties = (id: string) => t.Resources[id]?.Properties ?? {};
    const inline = (role: string) =>
      (properties(role) as { Policies: { PolicyDocument: unknown }[] }).Policies.map((p) => p.PolicyDocument);
    const size = (documents: unknown[]) =>
      documents.reduce<number>((n, d) => n + JSON.stringify(concrete(d)).replace(/\s/g, "").length, 0);
    const agentEbs = (properties("AgentEbsScanningPolicy") as { PolicyDocument: unknown }).PolicyDocument;
    // The EBS scanning policy is an AWS::IAM::RolePolicy on the agent role: it counts toward the same limit.
    expect(size([...inline("AgentRole"), agentEbs])).toBeLessThanOrEqual(10_240);
    expect(size(inline("UpdaterRole"))).toBeLessThanOrEqual(10_240);
  });

  it("each discovery managed policy fits IAM's 6,144 characters, and the split keeps a service whole", () => {
    const documents = discoveryPolicies();
    for (const d of documents) expect(policySize(d)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARACTERS);
    const serviceOf = (a: string) => a.slice(0, a.indexOf(":"));
    const owners = new Map<string, number>();
    documents.forEach((d, i) => {
      for (const a of d.Statement.flatMap((s) => s.Action)) {
        expect(owners.get(serviceOf(a)) ?? i, a).toBe(i);
        owners.set(serviceOf(a), i);
      }
    });
    // A small limit forces several documents; too small for one service is refused, not cut.
    expect(discoveryPolicies(1_000).length).toBeGreaterThan(documents.length);
    expect(() => discoveryPolicies(300)).toThrow(/exceed a managed policy/);
  });
});
