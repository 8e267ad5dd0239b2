// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` in expected values is CloudFormation Fn::Sub syntax.

import { readFileSync } from "node:fs";
import {
  consumersFor,
  deliveryOf,
  filterPolicyMatches,
  idempotencyTable,
  jobQueueDefinition,
  jobQueueNameFor,
  queueDefinition,
  queueNameFor,
  subscriptionsOf,
  TopologyError,
  topology,
} from "@vigil/events";
import { describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  type CfnResource,
  type CfnTemplate,
  ebsScanningTemplate,
  memberTemplate,
  renderAllTemplates,
  renderTemplate,
  rootTemplate,
  stackSetTemplate,
} from "../src/index.ts";
import { validateTemplate } from "./validate.ts";

const VALIDATOR_TIMEOUT = 120_000;

/**
 * Evaluates the few intrinsics the schedules and environment use (Ref to a parameter, Fn::Sub of
 * parameters, Fn::If on an Equals condition, AWS::NoValue → undefined) against parameter values,
 * the way CloudFormation would, so tests check what a deployed stack actually gets.
 */
function holds(condition: unknown, parameters: Record<string, string>): boolean {
  const c = condition as { "Fn::Equals"?: [unknown, unknown]; "Fn::Not"?: [unknown] };
  if (c["Fn::Not"]) return !holds(c["Fn::Not"][0], parameters);
  if (c["Fn::Equals"])
    return resolve(c["Fn::Equals"][0], parameters) === resolve(c["Fn::Equals"][1], parameters);
  throw new Error(`holds: unsupported ${JSON.stringify(condition)}`);
}

function resolve(value: unknown, parameters: Record<string, string>): unknown {
  const conditions = rootTemplate().Conditions ?? {};
  const v = value as Record<string, unknown>;
  if (typeof value !== "object" || value === null) return value;
  if ("Ref" in v) return v.Ref === "AWS::NoValue" ? undefined : parameters[v.Ref as string];
  if ("Fn::Sub" in v)
    return (v["Fn::Sub"] as string).replace(
      /\$\{([A-Za-z]+)\}/g,
      (_, name: string) => parameters[name] ?? "?",
    );
  if ("Fn::If" in v) {
    const [name, then, otherwise] = v["Fn::If"] as [string, unknown, unknown];
    return resolve(holds(conditions[name], parameters) ? then : otherwise, parameters);
  }
  throw new Error(`resolve: unsupported ${JSON.stringify(value)}`);
}

describe("AWS's offline validator", () => {
  it.each(Object.entries(renderAllTemplates()))(
    "%s has no fatal, error or warning diagnostics",
    (file, rendered) => {
      const diagnostics = validateTemplate(file, rendered).filter((d) => d.severity !== "INFO");
      expect(
        diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.entity?.logicalId ?? ""}: ${d.message}`),
      ).toEqual([]);
    },
    VALIDATOR_TIMEOUT,
  );

  it(
    "catches a broken template (so a clean report means something)",
    () => {
      const broken = rootTemplate();
      const fn = broken.Resources.AgentFunction as { Properties: Record<string, unknown> };
      fn.Properties.Runtime = "nodejs9.x";
      delete fn.Properties.Role;
      const severities = validateTemplate("broken.json", renderTemplate(broken)).map((d) => d.severity);
      expect(severities.some((s) => s === "ERROR" || s === "FATAL")).toBe(true);
    },
    VALIDATOR_TIMEOUT,
  );
});

/**
 * Resource types without tags in CloudFormation (the validator's schemas reject `Tags` on the SNS
 * subscription and the instance profile); the custom resource's properties go to our own handler.
 */
const UNTAGGABLE = new Set([
  "AWS::SNS::Subscription",
  // Versions and aliases have no tags of their own in Lambda: the function's tags cover them.
  "AWS::Lambda::Version",
  "AWS::Lambda::Alias",
  "AWS::SQS::QueuePolicy",
  "AWS::IAM::RolePolicy",
  // CloudFormation's AWS::IAM::ManagedPolicy has no Tags property (IAM tags policies only through its API).
  "AWS::IAM::ManagedPolicy",
  "AWS::IAM::InstanceProfile",
  "AWS::Lambda::Permission",
  "AWS::Events::EventBusPolicy",
  "AWS::EC2::SubnetRouteTableAssociation",
  "Custom::VigilRegistration",
]);

function tagsOf(resource: CfnResource): Record<string, unknown> | undefined {
  const p = resource.Properties ?? {};
  const asMap = (list: { Key: string; Value: unknown }[]) =>
    Object.fromEntries(list.map((t) => [t.Key, t.Value]));
  if (resource.Type === "AWS::EC2::LaunchTemplate") {
    const specs = p.TagSpecifications as { ResourceType: string; Tags: { Key: string; Value: unknown }[] }[];
    return asMap(specs.find((s) => s.ResourceType === "launch-template")?.Tags ?? []);
  }
  if (Array.isArray(p.Tags)) return asMap(p.Tags as { Key: string; Value: unknown }[]);
  if (p.Tags && typeof p.Tags === "object") return p.Tags as Record<string, unknown>;
  return undefined;
}

/** `Created By = Vigil` and `Vigil Integration = { Ref: IntegrationId }`, what IAM conditions deletes on. */
function bothTags(tags: Record<string, unknown> | undefined): boolean {
  return (
    tags?.["Created By"] === "Vigil" &&
    JSON.stringify(tags["Vigil Integration"]) === '{"Ref":"IntegrationId"}'
  );
}

describe("tags", () => {
  const templates: [string, CfnTemplate][] = [
    ["root", rootTemplate()],
    ["ebs-scanning", ebsScanningTemplate()],
    ["organization", stackSetTemplate()],
  ];
  for (const [name, template] of templates) {
    it(`every taggable resource of the ${name} template carries Created By = Vigil and Vigil Integration = the id`, () => {
      const untagged = Object.entries(template.Resources)
        .filter(([, r]) => !UNTAGGABLE.has(r.Type))
        .filter(([, r]) => !bothTags(tagsOf(r)))
        .map(([id]) => id);
      expect(untagged).toEqual([]);
    });
  }

  it("scanner instances and their volumes are tagged with both at launch (what the clean-up policy relies on)", () => {
    const lt = ebsScanningTemplate().Resources.ScannerLaunchTemplate?.Properties as {
      LaunchTemplateData: {
        TagSpecifications: { ResourceType: string; Tags: { Key: string; Value: unknown }[] }[];
      };
    };
    const kinds = lt.LaunchTemplateData.TagSpecifications.filter((s) =>
      bothTags(Object.fromEntries(s.Tags.map((t) => [t.Key, t.Value]))),
    );
    expect(kinds.map((k) => k.ResourceType).sort()).toEqual(["instance", "volume"]);
    const asg = ebsScanningTemplate().Resources.ScannerGroup?.Properties as {
      Tags: { Key: string; Value: unknown; PropagateAtLaunch: boolean }[];
    };
    expect(bothTags(Object.fromEntries(asg.Tags.map((t) => [t.Key, t.Value])))).toBe(true);
    expect(asg.Tags.every((t) => t.PropagateAtLaunch)).toBe(true);
  });
});

describe("root template", () => {
  const t = rootTemplate();
  const props = (id: string) => (t.Resources[id] as CfnResource).Properties as Record<string, unknown>;

  it("runs both Lambdas on nodejs22.x arm64", () => {
    for (const id of ["AgentFunction", "UpdaterFunction"]) {
      expect(props(id).Runtime).toBe("nodejs22.x");
      expect(props(id).Architectures).toEqual(["arm64"]);
    }
  });

  it("attaches no Lambda to a queue: no customer-side resource is an event-source mapping", () => {
    const customerSide = [rootTemplate(), ebsScanningTemplate(), stackSetTemplate()];
    const mappings = customerSide.flatMap((template) =>
      Object.entries(template.Resources)
        .filter(([, r]) => r.Type === "AWS::Lambda::EventSourceMapping")
        .map(([id]) => id),
    );
    expect(mappings).toEqual([]);
    // The stack keeps no consumer queue at all: only DLQs and the agent's job queue.
    expect(t.Resources.AgentQueue).toBeUndefined();
    expect(t.Resources.UpdaterQueue).toBeUndefined();
    expect(t.Resources.PlatformQueue).toBeUndefined(); // the control plane's queue is not the customer's
  });

  it("pushes events to the agent and updater by SNS (protocol lambda), filtered, with redrive to their DLQs", () => {
    for (const consumer of ["agent", "updater"] as const) {
      const id = consumer === "agent" ? "Agent" : "Updater";
      const sub = t.Resources[`${id}Subscription`] as CfnResource;
      expect(sub.Properties).toEqual({
        TopicArn: { Ref: "EventsTopic" },
        Protocol: "lambda",
        Endpoint: { "Fn::Sub": `\${${id}Function.Arn}:live` },
        FilterPolicyScope: "MessageAttributes",
        FilterPolicy: subscriptionsOf(consumer)[0]?.filterPolicy,
        RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": [`${id}DeadLetterQueue`, "Arn"] } },
      });
      // SNS may invoke only once the permission exists, and redrive only once the DLQ accepts it.
      expect(sub.DependsOn).toEqual([
        `${id}SubscriptionPermission`,
        `${id}DeadLetterQueuePolicy`,
        `${id}LiveAlias`,
      ]);
      expect(props(`${id}SubscriptionPermission`)).toEqual({
        FunctionName: { "Fn::Sub": `\${${id}Function.Arn}:live` },
        Action: "lambda:InvokeFunction",
        Principal: "sns.amazonaws.com",
        SourceArn: { Ref: "EventsTopic" },
      });
      const dlqPolicy = props(`${id}DeadLetterQueuePolicy`).PolicyDocument as {
        Statement: Record<string, unknown>[];
      };
      expect(dlqPolicy.Statement).toEqual([
        {
          Sid: "EventsTopicRedrives",
          Effect: "Allow",
          Principal: { Service: "sns.amazonaws.com" },
          Action: "sqs:SendMessage",
          Resource: { "Fn::GetAtt": [`${id}DeadLetterQueue`, "Arn"] },
          Condition: { ArnEquals: { "aws:SourceArn": { Ref: "EventsTopic" } } },
        },
      ]);
      const dlq = props(`${id}DeadLetterQueue`);
      expect(dlq.SqsManagedSseEnabled).toBe(true);
      expect(dlq.MessageRetentionPeriod).toBe(queueDefinition(consumer).deadLetter.messageRetentionSeconds);
      // Async invocations that still fail after Lambda's retries go to the same DLQ.
      expect(props(`${id}Function`).DeadLetterConfig).toEqual({
        TargetArn: { "Fn::GetAtt": [`${id}DeadLetterQueue`, "Arn"] },
      });
    }
  });

  it("keeps scan jobs on the agent's own job queue: SSE, redrive to its DLQ, visibility = the agent's timeout", () => {
    const q = jobQueueDefinition("agent");
    expect(props("AgentJobQueue")).toMatchObject({
      QueueName: { "Fn::Sub": "vigil-agent-jobs-${IntegrationId}" },
      VisibilityTimeout: props("AgentFunction").Timeout,
      SqsManagedSseEnabled: true,
      RedrivePolicy: {
        deadLetterTargetArn: { "Fn::GetAtt": ["AgentJobDeadLetterQueue", "Arn"] },
        maxReceiveCount: q.deadLetter.maxReceiveCount,
      },
    });
    expect(props("AgentJobDeadLetterQueue").SqsManagedSseEnabled).toBe(true);
    expect(jobQueueNameFor("agent", "int-42")).toBe("vigil-agent-jobs-int-42");
  });

  it("creates the idempotency table from the topology: TTL on expiresAt, on demand, encrypted", () => {
    expect(props("IdempotencyTable")).toMatchObject({
      TableName: { "Fn::Sub": `${idempotencyTable.baseName}-\${IntegrationId}` },
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [{ AttributeName: idempotencyTable.partitionKey.name, KeyType: "HASH" }],
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it("gives the agent exactly the contract's environment variables", () => {
    const env = (props("AgentFunction").Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(env).sort()).toEqual(
      [
        "NODE_OPTIONS",
        "VIGIL_INTEGRATION_ID",
        "VIGIL_ACCOUNT_ID",
        "VIGIL_PARAMETER_PREFIX",
        "VIGIL_EVENTS_TOPIC_ARN",
        "VIGIL_ALERTS_TOPIC_ARN",
        "VIGIL_JOB_QUEUE_URL",
        "VIGIL_EVENT_TABLE",
        "VIGIL_IDEMPOTENCY_TABLE",
        "VIGIL_PLATFORM_URL",
        "VIGIL_SCAN_REGIONS",
        "VIGIL_POLICIES",
        "VIGIL_DISABLED_CHECKS",
        "VIGIL_EVENT_BUS_NAME",
        "VIGIL_EBS_SCANNING",
      ].sort(),
    );
    // Only when the platform's bus is routed to (organization members): result events go there.
    expect(resolve(env.VIGIL_EVENT_BUS_NAME, { PlatformEventBusArn: "" })).toBeUndefined();
    expect(env.VIGIL_POLICIES).toEqual({ Ref: "Policies" });
    expect(env.VIGIL_EBS_SCANNING).toEqual({ Ref: "EnableEbsScanning" });
    expect(resolve(env.VIGIL_DISABLED_CHECKS, { DisabledChecks: "" })).toBeUndefined();
    expect(env.VIGIL_JOB_QUEUE_URL).toEqual({ Ref: "AgentJobQueue" });
    expect(env.VIGIL_IDEMPOTENCY_TABLE).toEqual({ Ref: "IdempotencyTable" });
    expect(env.VIGIL_PARAMETER_PREFIX).toEqual({ "Fn::Sub": "/vigil/${IntegrationId}" });
    // Unset (not empty) when no regions are given: the agent then scans every enabled region.
    expect(resolve(env.VIGIL_SCAN_REGIONS, { ScanRegions: "" })).toBeUndefined();
    expect(resolve(env.VIGIL_SCAN_REGIONS, { ScanRegions: "eu-west-1" })).toBe("eu-west-1");
    expect(JSON.stringify(env)).not.toContain("VIGIL_RELEASE_VERSION"); // defined at build time
  });

  it("sends constant inputs on the heartbeat, scan and update-check schedules, parameterised", () => {
    const input = (rule: string) =>
      JSON.parse((props(rule).Targets as { Input: string }[])[0]?.Input ?? "null") as unknown;
    expect(input("HeartbeatRule")).toEqual({ kind: "vigil.heartbeat" });
    expect(input("ScanScheduleRule")).toEqual({ kind: "vigil.scan" });
    expect(input("UpdateCheckRule")).toEqual({ kind: "vigil.update-check" });
    const target = (rule: string) => (props(rule).Targets as { Arn: unknown }[])[0]?.Arn;
    expect(target("HeartbeatRule")).toEqual({ "Fn::Sub": "${AgentFunction.Arn}:live" });
    expect(target("UpdateCheckRule")).toEqual({ "Fn::Sub": "${UpdaterFunction.Arn}:live" });

    const defaults = Object.fromEntries(
      Object.entries(t.Parameters ?? {}).map(([k, p]) => [k, String(p.Default ?? "")]),
    );
    expect(resolve(props("HeartbeatRule").ScheduleExpression, defaults)).toBe("rate(10 minutes)");
    expect(resolve(props("ScanScheduleRule").ScheduleExpression, defaults)).toBe("rate(12 hours)");
    expect(resolve(props("UpdateCheckRule").ScheduleExpression, defaults)).toBe("rate(24 hours)");
    // EventBridge wants the singular for 1.
    const every = { ...defaults, HeartbeatMinutes: "1", ScanIntervalHours: "1", UpdateCheckHours: "72" };
    expect(resolve(props("HeartbeatRule").ScheduleExpression, every)).toBe("rate(1 minute)");
    expect(resolve(props("ScanScheduleRule").ScheduleExpression, every)).toBe("rate(1 hour)");
    expect(resolve(props("UpdateCheckRule").ScheduleExpression, every)).toBe("rate(72 hours)");
    expect(resolve(props("ParameterScanSchedule").Value, defaults)).toBe("rate(12 hours)");

    expect(props("Ec2StateChangeRule").EventPattern).toEqual({
      source: ["aws.ec2"],
      "detail-type": ["EC2 Instance State-change Notification"],
    });
    for (const rule of ["HeartbeatRule", "ScanScheduleRule", "UpdateCheckRule", "Ec2StateChangeRule"]) {
      expect(props(`${rule}Permission`)).toMatchObject({
        Principal: "events.amazonaws.com",
        SourceArn: { "Fn::GetAtt": [rule, "Arn"] },
      });
    }
  });

  it("registers through a custom resource backed by the agent, torn down before what it depends on", () => {
    const reg = t.Resources.Registration as CfnResource;
    expect(reg.Type).toBe("Custom::VigilRegistration");
    expect(reg.Properties).toMatchObject({
      ServiceToken: { "Fn::Sub": "${AgentFunction.Arn}:live" },
      IntegrationId: { Ref: "IntegrationId" },
      PlatformUrl: { Ref: "PlatformUrl" },
      RegistrationToken: { Ref: "RegistrationToken" },
      // What the agent's `registrationProperties` reads besides the three above.
      TemplateVersion: "0.1.0",
      EnabledRegions: { Ref: "ScanRegions" },
    });
    expect(reg.DependsOn).toEqual(
      expect.arrayContaining(["AgentSubscription", "AgentJobQueue", "EventTable", "IdempotencyTable"]),
    );
    expect(t.Parameters?.RegistrationToken?.NoEcho).toBe(true);
    expect(
      rootTemplate({ releaseVersion: "2.3.4" }).Resources.Registration?.Properties?.TemplateVersion,
    ).toBe("2.3.4");
  });

  it("refuses a topology that would poll a queue in the customer's account", () => {
    const polled = {
      ...topology,
      subscriptions: topology.subscriptions.map((s) =>
        s.consumer === "agent" ? { ...s, delivery: "sqs" as const } : s,
      ),
    };
    expect(() => rootTemplate({ topology: polled })).toThrow(/event-source mapping/);
  });

  it("puts EBS scanning (and its write permissions) behind the EnableEbsScanning condition", () => {
    expect(t.Resources.EbsScanningStack?.Condition).toBe("EbsScanningEnabled");
    expect(t.Resources.AgentEbsScanningPolicy?.Condition).toBe("EbsScanningEnabled");
    expect(JSON.stringify(props("EbsScanningStack").TemplateURL)).toContain(ARTIFACTS.ebsScanningTemplate);
  });
});

/** What the updater acts on, read from its source: the alias it moves and how it reads the running release. */
const updaterPort = readFileSync(
  new URL("../../updater/src/function-deployer/port.ts", import.meta.url),
  "utf8",
);

describe("the live alias (what the updater moves)", () => {
  const t = rootTemplate({ releaseVersion: "2.3.4" });
  const resource = (id: string) => t.Resources[id] as CfnResource;

  it("publishes a version of each function and points an alias named as the updater's LIVE_ALIAS at it", () => {
    expect(updaterPort).toMatch(/export const LIVE_ALIAS = "live";/);
    for (const id of ["Agent", "Updater"]) {
      expect(resource(`${id}Version`)).toEqual({
        Type: "AWS::Lambda::Version",
        Properties: { FunctionName: { Ref: `${id}Function` }, Description: "vigil 2.3.4" },
      });
      expect(resource(`${id}LiveAlias`)).toEqual({
        Type: "AWS::Lambda::Alias",
        Properties: {
          FunctionName: { Ref: `${id}Function` },
          FunctionVersion: { "Fn::GetAtt": [`${id}Version`, "Version"] },
          Name: "live",
          // The updater reads the running release back from the alias description (`vigil <version>`).
          Description: "vigil 2.3.4",
        },
      });
    }
  });

  it("points every trigger and every invoke permission at the alias, none at $LATEST", () => {
    const aliasOf: Record<string, string> = {
      '{"Fn::Sub":"${AgentFunction.Arn}:live"}': "AgentLiveAlias",
      '{"Fn::Sub":"${UpdaterFunction.Arn}:live"}': "UpdaterLiveAlias",
    };
    const invoked: [string, unknown][] = [];
    for (const [id, r] of Object.entries(t.Resources)) {
      const p = (r.Properties ?? {}) as Record<string, unknown>;
      if (r.Type === "AWS::Lambda::Permission") invoked.push([id, p.FunctionName]);
      if (r.Type === "AWS::SNS::Subscription" && p.Protocol === "lambda") invoked.push([id, p.Endpoint]);
      if (r.Type === "AWS::Events::Rule")
        // The one rule that invokes no function: result events to the platform's bus.
        for (const target of p.Targets as { Arn: unknown }[])
          if (id !== "ForwardToPlatformRule") invoked.push([id, target.Arn]);
      if (r.Type.startsWith("Custom::")) invoked.push([id, p.ServiceToken]);
    }
    // 2 subscriptions + their permissions, 4 rules + their permissions, the registration.
    expect(invoked).toHaveLength(13);
    expect(invoked.filter(([, target]) => !aliasOf[JSON.stringify(target)])).toEqual([]);
    // Named by ARN, not by Ref: each waits for its alias explicitly (the alias must exist first).
    const notWaiting = invoked
      .filter(([id, target]) => !resource(id).DependsOn?.includes(aliasOf[JSON.stringify(target)] ?? "?"))
      .map(([id]) => id);
    expect(notWaiting).toEqual([]);
  });

  it("lets the updater manage both functions (its environment names both)", () => {
    const properties = resource("UpdaterFunction").Properties ?? {};
    const env = (properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.VIGIL_AGENT_FUNCTION).toEqual({ "Fn::Sub": "vigil-agent-${IntegrationId}" });
    expect(env.VIGIL_UPDATER_FUNCTION).toEqual({ "Fn::Sub": "vigil-updater-${IntegrationId}" });
  });
});

describe("the updater's subscription", () => {
  it("carries vigil.update.requested (the command its handler acts on) in the deployed FilterPolicy", () => {
    const deployed = rootTemplate().Resources.UpdaterSubscription?.Properties?.FilterPolicy as Parameters<
      typeof filterPolicyMatches
    >[0];
    expect(filterPolicyMatches(deployed, "vigil.update.requested.v1")).toBe(true);
    expect(filterPolicyMatches(deployed, "vigil.scan.requested.v1")).toBe(false);
  });
});

describe("PlatformUrl", () => {
  const parameter = rootTemplate().Parameters?.PlatformUrl;
  // CloudFormation matches AllowedPattern against the whole value.
  const allowed = (url: string) => new RegExp(`^(?:${parameter?.AllowedPattern})$`).test(url);

  it.each([
    "https://vigil.example.com",
    "https://vigil.example.com/",
    "https://api.vigil.example.com:8443/v1",
    "https://[2001:db8::1]:443",
    "http://127.0.0.1",
    "http://127.0.0.1:8787",
    "http://localhost:8787/",
    "http://[::1]:9000",
  ])("accepts %s", (url) => {
    expect(allowed(url)).toBe(true);
  });

  it.each([
    "http://vigil.example.com",
    "http://localhost.example.com",
    "http://127.0.0.1.example.com",
    "http://127.0.0.1@example.com",
    "http://10.0.0.1:8787",
    "https://",
    "https://vigil.example.com extra",
    "ftp://vigil.example.com",
    "vigil.example.com",
  ])("refuses %s", (url) => {
    expect(allowed(url)).toBe(false);
  });

  it("says why in a ConstraintDescription, in the root and the organization template", () => {
    expect(parameter?.ConstraintDescription).toMatch(/https:\/\/.*loopback/);
    expect(stackSetTemplate().Parameters?.PlatformUrl).toEqual(parameter);
  });
});

describe("the enabled-regions parameter", () => {
  const value = rootTemplate().Resources.ParameterEnabledRegions?.Properties?.Value;
  it("is the ScanRegions list when given", () => {
    expect(resolve(value, { ScanRegions: "eu-west-1,us-east-1" })).toBe("eu-west-1,us-east-1");
  });
  it("is all when ScanRegions is empty", () => {
    expect(resolve(value, { ScanRegions: "" })).toBe("all");
  });
});

describe("organization template", () => {
  const org = stackSetTemplate();
  const set = org.Resources.VigilStackSet?.Properties as Record<string, unknown>;
  const member = memberTemplate();
  const nested = member.Resources.Integration?.Properties as {
    TemplateURL: unknown;
    Parameters: Record<string, unknown>;
  };
  const root = rootTemplate();

  it("is a service-managed StackSet that auto-deploys to new accounts and deletes the stacks of accounts that leave", () => {
    expect(set.PermissionModel).toBe("SERVICE_MANAGED");
    expect(set.AutoDeployment).toEqual({ Enabled: true, RetainStacksOnAccountRemoval: false });
    expect(JSON.stringify(set.TemplateURL)).toContain("vigil-member.template.json");
  });

  it("covers the management account, which service-managed StackSets skip, with the same member stack", () => {
    const management = org.Resources.ManagementAccountStack;
    expect(management?.Condition).toBe("CoverManagementAccount");
    expect(management?.Properties?.TemplateURL).toEqual(set.TemplateURL);
    const passed = Object.keys(management?.Properties?.Parameters as Record<string, unknown>).sort();
    const stackSetPassed = (set.Parameters as { ParameterKey: string }[]).map((p) => p.ParameterKey).sort();
    expect(passed).toEqual(stackSetPassed);
  });

  it("passes every member parameter, the EBS scanning ones included, and nothing the member does not take", () => {
    const stackSetPassed = (set.Parameters as { ParameterKey: string }[]).map((p) => p.ParameterKey).sort();
    expect(stackSetPassed).toEqual(Object.keys(member.Parameters ?? {}).sort());
    for (const name of [
      "EnableEbsScanning",
      "ScannerSubnetIds",
      "ScannerImageParameter",
      "OrganizationId",
      "EnrollmentSecret",
      "PlatformEventBusArn",
    ])
      expect(stackSetPassed).toContain(name);
  });

  it("gives every member stack everything the root stack needs: its own integration id, no token, the organization's secret", () => {
    const required = Object.entries(root.Parameters ?? {})
      .filter(([, p]) => p.Default === undefined)
      .map(([name]) => name);
    for (const name of required) expect(Object.keys(nested.Parameters)).toContain(name);
    for (const name of Object.keys(nested.Parameters))
      expect(Object.keys(root.Parameters ?? {})).toContain(name);
    expect(nested.Parameters.IntegrationId).toEqual({ "Fn::Sub": "${IntegrationId}-${AWS::AccountId}" });
    expect(nested.Parameters.RegistrationToken).toBe("");
    expect(nested.Parameters.EnrollmentSecret).toEqual({ Ref: "EnrollmentSecret" });
    expect(member.Parameters?.EnrollmentSecret?.NoEcho).toBe(true);
    expect(JSON.stringify(nested.TemplateURL)).toContain("vigil-root.template.json");
  });

  it("keeps member integration ids within AWS's name limits (vigil-updater-<id> ≤ 64 characters)", () => {
    const id = `org-${"a".repeat(12)}-123456789012`;
    expect(
      new RegExp(member.Parameters?.IntegrationId?.AllowedPattern ?? "").test(`org-${"a".repeat(12)}`),
    ).toBe(true);
    expect(new RegExp(root.Parameters?.IntegrationId?.AllowedPattern ?? "").test(id)).toBe(true);
    expect(`vigil-updater-${id}`.length).toBeLessThanOrEqual(64);
  });

  it("routes the agent's result events to the platform's bus through a role that may put there only", () => {
    const rule = root.Resources.ForwardToPlatformRule;
    expect(rule?.Condition).toBe("HasPlatformEventBus");
    expect(rule?.Properties?.EventBusName).toEqual({ "Fn::GetAtt": ["AgentEventBus", "Name"] });
    // The agent's own events and the EBS scanner's results, which the agent passes on.
    expect(rule?.Properties?.EventPattern).toEqual({
      source: [{ prefix: "urn:vigil:agent:" }, { prefix: "urn:vigil:ebs-scanner:" }],
      "detail-type": [{ prefix: "vigil." }],
    });
    expect(rule?.Properties?.Targets).toEqual([
      {
        Id: "platform-bus",
        Arn: { Ref: "PlatformEventBusArn" },
        RoleArn: { "Fn::GetAtt": ["ForwardToPlatformRole", "Arn"] },
      },
    ]);
    const role = root.Resources.ForwardToPlatformRole?.Properties as {
      Policies: { PolicyDocument: unknown }[];
    };
    expect(role.Policies.map((p) => p.PolicyDocument)).toEqual([
      {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: "events:PutEvents", Resource: { Ref: "PlatformEventBusArn" } },
        ],
      },
    ]);
  });

  it("makes an isolated scanner subnet when EBS scanning has no subnets (every member account has its own VPCs)", () => {
    const ebs = ebsScanningTemplate();
    expect(ebs.Resources.ScannerSubnet?.Condition).toBe("CreateScannerNetwork");
    expect(ebs.Resources.ScannerVpc?.Condition).toBe("CreateScannerNetwork");
    expect(Object.values(ebs.Resources).some((r) => r.Type === "AWS::EC2::InternetGateway")).toBe(false);
    // The scanner still reaches what it calls, through endpoints: S3 (bundle, manifest, packages), SNS, EC2.
    const endpoints = Object.values(ebs.Resources).filter((r) => r.Type === "AWS::EC2::VPCEndpoint");
    expect(endpoints.every((r) => r.Condition === "CreateScannerNetwork")).toBe(true);
    expect(
      endpoints.map((r) => [
        (r.Properties as { ServiceName: { "Fn::Sub": string } }).ServiceName["Fn::Sub"],
        r.Properties?.VpcEndpointType,
      ]),
    ).toEqual([
      ["com.amazonaws.${AWS::Region}.s3", "Gateway"],
      ["com.amazonaws.${AWS::Region}.sns", "Interface"],
      ["com.amazonaws.${AWS::Region}.ec2", "Interface"],
    ]);
    expect(ebs.Resources.ScannerS3Endpoint?.Properties?.RouteTableIds).toEqual([
      { Ref: "ScannerRouteTable" },
    ]);
    expect(ebs.Resources.ScannerSubnetRouteTable?.Properties).toEqual({
      SubnetId: { Ref: "ScannerSubnet" },
      RouteTableId: { Ref: "ScannerRouteTable" },
    });
    const subnets = (
      (root.Resources.EbsScanningStack?.Properties?.Parameters ?? {}) as Record<string, unknown>
    ).SubnetIds;
    // No subnets given: none passed on (so the nested stack makes its own).
    expect(subnets).toEqual({
      "Fn::If": ["HasScannerSubnets", { "Fn::Join": [",", { Ref: "ScannerSubnetIds" }] }, ""],
    });
  });
});

describe("topology", () => {
  it("routes scan requests and delete requests to the agent, any version", () => {
    expect(consumersFor("vigil.scan.requested.v1")).toContain("agent");
    expect(consumersFor("vigil.scan.requested.v7")).toContain("agent");
    expect(consumersFor("vigil.integration.delete-requested.v1")).toContain("agent");
    expect(consumersFor("vigil.scan.asset-assessed.v1")).toEqual(["platform"]);
    expect(consumersFor("vigil.update.available.v1").sort()).toEqual(["platform", "updater"]);
  });

  it("pushes the agent commands, not its own progress (one invocation per shard would cost ~8,000 a month)", () => {
    expect(consumersFor("vigil.scan.shard-completed.v1")).toEqual(["platform"]);
    expect(consumersFor("vigil.scan.resumed.v1")).toEqual(["platform"]);
  });

  it("matches on a dot boundary, not a bare prefix", () => {
    const agent = subscriptionsOf("agent")[0]?.filterPolicy;
    expect(agent && filterPolicyMatches(agent, "vigil.scan.requested-later.v1")).toBe(false);
  });

  it("pushes to in-account consumers by SNS and polls only the control plane's ingest", () => {
    expect(deliveryOf("agent")).toBe("lambda");
    expect(deliveryOf("updater")).toBe("lambda");
    expect(deliveryOf("platform")).toBe("sqs");
  });

  it("gives every queue a DLQ and 20 s long polling", () => {
    for (const q of [...topology.queues, ...topology.jobQueues]) {
      expect(q.receiveWaitTimeSeconds).toBe(20);
      expect(q.deadLetter.maxReceiveCount).toBeGreaterThan(1);
    }
  });

  it("names queues per integration and rejects ids a queue name cannot hold", () => {
    expect(queueNameFor("agent")).toBe("vigil-agent");
    expect(queueNameFor("agent", "int-42")).toBe("vigil-agent-int-42");
    expect(() => queueNameFor("agent", "bad id/..")).toThrow(TopologyError);
  });
});
