import { inspect } from "node:util";
import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { EC2Client } from "@aws-sdk/client-ec2";
import type { SSMClient } from "@aws-sdk/client-ssm";
import { generateServiceKeyPair, type VigilEvent } from "@vigil/events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CREATED_BY_TAG,
  type CustomResourceDeps,
  type CustomResourceEvent,
  ec2TeardownApi,
  executeTeardown,
  handleCustomResource,
  jsonLogger,
  type PlatformClient,
  PlatformRequestError,
  planTeardown,
  ServiceCredentials,
  type TaggedResource,
  TEARDOWN_ORDER,
  type TeardownApi,
} from "../src/lifecycle/index.ts";

const kinds = TEARDOWN_ORDER;
/** The spec's tag key, spelled out: the second tag every Vigil resource carries. */
const INTEGRATION_TAG = { key: "Vigil Integration" } as const;
const OURS = "int-1";
const ours = { [CREATED_BY_TAG.key]: CREATED_BY_TAG.value, [INTEGRATION_TAG.key]: OURS };
const cfnManaged = {
  "aws:cloudformation:stack-id": "arn:aws:cloudformation:eu-west-1:123456789012:stack/vigil-ebs/1",
  "aws:cloudformation:logical-id": "ScannerGroup",
};
const resourceArb = fc.record({
  kind: fc.constantFrom(...kinds),
  id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
  region: fc.constantFrom("eu-west-1", "us-east-1"),
  tags: fc.oneof(
    fc.constant(ours),
    fc.constant({ ...ours, ...cfnManaged }),
    fc.constant({ ...ours, "aws:cloudformation:logical-id": "ScannerTemplate" }),
    fc.constant({ [CREATED_BY_TAG.key]: CREATED_BY_TAG.value, [INTEGRATION_TAG.key]: "int-2" }),
    fc.constant({ [CREATED_BY_TAG.key]: CREATED_BY_TAG.value }),
    fc.constant({ [INTEGRATION_TAG.key]: OURS }),
    fc.constant({ [CREATED_BY_TAG.key]: "vigil", [INTEGRATION_TAG.key]: OURS }),
    fc.constant({ "created by": "Vigil" }),
    fc.constant({}),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })),
  ),
  state: fc.option(fc.constantFrom("running", "available", "terminated", "deleting"), { nil: undefined }),
}) as fc.Arbitrary<TaggedResource>;

const isOurs = (tags: Readonly<Record<string, string>>) =>
  tags[CREATED_BY_TAG.key] === CREATED_BY_TAG.value &&
  tags[INTEGRATION_TAG.key] === OURS &&
  !Object.keys(tags).some((k) => k.startsWith("aws:cloudformation:"));

describe("planTeardown", () => {
  it("only ever deletes resources tagged Created By: Vigil and this integration, never CloudFormation's, in dependency order", () => {
    fc.assert(
      fc.property(fc.array(resourceArb, { maxLength: 40 }), (resources) => {
        const plan = planTeardown(resources, OURS);
        for (const r of plan.delete) expect(isOurs(r.tags), JSON.stringify(r.tags)).toBe(true);
        for (const { resource, reason } of plan.keep) {
          if (reason === "not-created-by-vigil") expect(resource.tags[CREATED_BY_TAG.key]).not.toBe("Vigil");
          if (reason === "other-integration") expect(resource.tags[INTEGRATION_TAG.key]).not.toBe(OURS);
        }
        const order = plan.delete.map((r) => kinds.indexOf(r.kind));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        const unique = new Set(resources.map((r) => `${r.region}/${r.kind}/${r.id}`));
        expect(plan.delete.length + plan.keep.length).toBe(unique.size);
      }),
    );
  });

  it("keeps another integration's resources, untagged ones and those CloudFormation manages", () => {
    const plan = planTeardown(
      [
        { kind: "volume", id: "vol-ours", region: "eu-west-1", tags: ours },
        {
          kind: "volume",
          id: "vol-theirs",
          region: "eu-west-1",
          tags: { [CREATED_BY_TAG.key]: CREATED_BY_TAG.value, [INTEGRATION_TAG.key]: "int-2" },
        },
        {
          kind: "volume",
          id: "vol-no-integration",
          region: "eu-west-1",
          tags: { [CREATED_BY_TAG.key]: CREATED_BY_TAG.value },
        },
        {
          kind: "auto-scaling-group",
          id: "vigil-ebs-scanners",
          region: "eu-west-1",
          tags: { ...ours, ...cfnManaged },
        },
        { kind: "launch-template", id: "lt-1", region: "eu-west-1", tags: { ...ours, ...cfnManaged } },
      ],
      OURS,
    );
    expect(plan.delete.map((r) => r.id)).toEqual(["vol-ours"]);
    expect(Object.fromEntries(plan.keep.map((k) => [k.resource.id, k.reason]))).toEqual({
      "vol-theirs": "other-integration",
      "vol-no-integration": "other-integration",
      "vigil-ebs-scanners": "managed-by-cloudformation",
      "lt-1": "managed-by-cloudformation",
    });
  });

  it("keeps an instance of ours whose termination would delete another integration's volume", () => {
    const plan = planTeardown(
      [
        { kind: "instance", id: "i-ours", region: "eu-west-1", tags: ours, deletesVolumes: ["vol-theirs"] },
        {
          kind: "volume",
          id: "vol-theirs",
          region: "eu-west-1",
          tags: { [CREATED_BY_TAG.key]: CREATED_BY_TAG.value, [INTEGRATION_TAG.key]: "int-2" },
          attachedTo: ["i-ours"],
        },
      ],
      OURS,
    );
    expect(plan.delete).toEqual([]);
    expect(plan.keep.find((k) => k.resource.id === "i-ours")?.reason).toBe("would-delete-foreign-volume");
  });

  it("leaves our volume on the stack's own (CloudFormation-managed) instance, saying so", async () => {
    const plan = planTeardown(
      [
        { kind: "instance", id: "i-scanner", region: "eu-west-1", tags: { ...ours, ...cfnManaged } },
        { kind: "volume", id: "vol-scan", region: "eu-west-1", tags: ours, attachedTo: ["i-scanner"] },
      ],
      OURS,
    );
    expect(plan.delete).toEqual([]);
    expect(Object.fromEntries(plan.keep.map((k) => [k.resource.id, k.reason]))).toEqual({
      "i-scanner": "managed-by-cloudformation",
      "vol-scan": "attached-to-stack-instance",
    });
    const result = await executeTeardown(
      plan,
      { listTagged: async () => [], currentTags: async () => undefined, delete: async () => {} },
      OURS,
    );
    expect(result.left).toEqual([
      expect.objectContaining({
        resource: "eu-west-1/volume/vol-scan",
        error: expect.objectContaining({ code: "AttachedToStackInstance" }),
      }),
    ]);
  });

  it("keeps instances already terminated", () => {
    const plan = planTeardown(
      [{ kind: "instance", id: "i-1", region: "eu-west-1", tags: ours, state: "terminated" }],
      OURS,
    );
    expect(plan.delete).toEqual([]);
    expect(plan.keep[0]?.reason).toBe("already-gone");
  });
});

describe("executeTeardown", () => {
  it("re-checks the tag before each deletion and spares a resource whose tag is gone", async () => {
    const deleted: string[] = [];
    const api: TeardownApi = {
      listTagged: async () => [],
      currentTags: async (r) =>
        r.id === "vol-untagged-now"
          ? {}
          : r.id === "vol-gone"
            ? undefined
            : r.id === "vol-moved"
              ? { ...r.tags, [INTEGRATION_TAG.key]: "int-2" }
              : r.id === "vol-stack-now"
                ? { ...r.tags, ...cfnManaged }
                : r.tags,
      delete: async (r) => {
        if (r.id === "snap-busy")
          throw Object.assign(new Error("snapshot in use"), { name: "InvalidSnapshot.InUse" });
        deleted.push(r.id);
      },
    };
    const tag = ours;
    const result = await executeTeardown(
      planTeardown(
        [
          { kind: "volume", id: "vol-1", region: "eu-west-1", tags: tag },
          { kind: "volume", id: "vol-untagged-now", region: "eu-west-1", tags: tag },
          { kind: "volume", id: "vol-gone", region: "eu-west-1", tags: tag },
          { kind: "snapshot", id: "snap-busy", region: "eu-west-1", tags: tag },
          { kind: "auto-scaling-group", id: "asg", region: "eu-west-1", tags: tag },
          { kind: "volume", id: "vol-moved", region: "eu-west-1", tags: tag },
          { kind: "volume", id: "vol-stack-now", region: "eu-west-1", tags: tag },
        ],
        OURS,
      ),
      api,
      OURS,
    );
    expect(deleted).toEqual(["asg", "vol-1"]);
    expect(result.removed).toEqual({ autoScalingGroups: 1, volumes: 1 });
    expect(result.spared).toEqual([
      "eu-west-1/volume/vol-gone",
      "eu-west-1/volume/vol-moved",
      "eu-west-1/volume/vol-stack-now",
      "eu-west-1/volume/vol-untagged-now",
    ]);
    expect(result.failures).toEqual([
      expect.objectContaining({
        resource: "eu-west-1/snapshot/snap-busy",
        error: expect.objectContaining({ code: "InvalidSnapshot.InUse" }),
      }),
    ]);
  });
});

describe("service credentials", () => {
  it("never show the private key when logged, inspected or serialized", () => {
    const pair = generateServiceKeyPair();
    const credentials = new ServiceCredentials(
      "int-1",
      "vigil-key.int-1.x",
      "https://p.example",
      pair.privateKeyPem,
    );
    const body = pair.privateKeyPem.split("\n")[1] as string;
    for (const shown of [JSON.stringify(credentials), inspect(credentials), `${inspect({ credentials })}`]) {
      expect(shown).not.toContain(body);
      expect(shown).toContain("vigil-key.int-1.x");
    }
    const lines: string[] = [];
    jsonLogger((l) => lines.push(l))("info", "oops", {
      leaked: pair.privateKeyPem,
      token: `vigil-rt.int-1.${"a".repeat(43)}`,
    });
    expect(lines.join("\n")).not.toContain(body);
    expect(lines.join("\n")).not.toContain("a".repeat(43));
  });
});

const STACK_ID =
  "arn:aws:cloudformation:eu-west-1:123456789012:stack/vigil/5f1e0d10-0000-4000-8000-000000000001";

function cfnEvent(overrides: Partial<CustomResourceEvent> = {}): CustomResourceEvent {
  return {
    RequestType: "Create",
    ResponseURL: "https://cloudformation-custom-resource-response.example/presigned",
    StackId: STACK_ID,
    RequestId: "req-1",
    LogicalResourceId: "Registration",
    ResourceType: "Custom::VigilRegistration",
    ResourceProperties: {
      RegistrationToken: "vigil-rt.int-1.expired",
      PlatformUrl: "https://platform.example",
    },
    ...overrides,
  };
}

function deps(platform: Partial<PlatformClient>, extra: Partial<CustomResourceDeps> = {}) {
  const answers: { url: string; body: Record<string, unknown> }[] = [];
  const lines: string[] = [];
  const d: CustomResourceDeps = {
    ssm: { send: async () => ({}) } as unknown as SSMClient,
    platform: () => ({
      exchange: async () => {
        throw new Error("not expected");
      },
      enroll: async () => {
        throw new Error("not expected");
      },
      report: async (_: readonly VigilEvent[]) => {},
      heartbeat: async () => {},
      revoke: async () => {},
      ...platform,
    }),
    teardown: { listTagged: async () => [], currentTags: async () => undefined, delete: async () => {} },
    allRegions: async () => [],
    log: jsonLogger((l) => lines.push(l)),
    respond: async (url, body) => {
      answers.push({ url, body: JSON.parse(body) });
    },
    ...extra,
  };
  return { d, answers, lines };
}

describe("custom resource", () => {
  it("answers FAILED with the platform's reason when the token is expired, and the stack does not hang", async () => {
    const { d, answers, lines } = deps({
      exchange: async () => {
        throw new PlatformRequestError(
          410,
          "registration_token_expired",
          "This registration token expired at 2025-03-01T13:00:00.000Z.",
        );
      },
    });
    const response = await handleCustomResource(cfnEvent(), { getRemainingTimeInMillis: () => 60_000 }, d);
    expect(response.Status).toBe("FAILED");
    expect(answers).toHaveLength(1);
    expect(answers[0]?.body).toMatchObject({
      Status: "FAILED",
      RequestId: "req-1",
      StackId: STACK_ID,
      LogicalResourceId: "Registration",
      Reason: expect.stringContaining("registration_token_expired"),
    });
    expect(lines.join("\n")).not.toContain("vigil-rt.int-1.expired");
  });

  it("answers FAILED naming the field when a property is missing", async () => {
    const { d, answers } = deps({});
    await handleCustomResource(
      cfnEvent({ ResourceProperties: { PlatformUrl: "https://platform.example" } }),
      { getRemainingTimeInMillis: () => 60_000 },
      d,
    );
    expect(answers[0]?.body).toMatchObject({
      Status: "FAILED",
      Reason: expect.stringContaining("RegistrationToken"),
    });
  });

  it("answers before the Lambda deadline when the work hangs", async () => {
    const { d, answers } = deps({ exchange: () => new Promise(() => {}) }, { safetyMarginMs: 50 });
    const started = Date.now();
    const response = await handleCustomResource(cfnEvent(), { getRemainingTimeInMillis: () => 150 }, d);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(response.Status).toBe("FAILED");
    expect(answers[0]?.body.Reason).toContain("time limit");
  });

  it("answers SUCCESS to the Delete of a Create that never completed, touching nothing", async () => {
    let listed = false;
    const { d, answers } = deps(
      {},
      {
        teardown: {
          listTagged: async () => {
            listed = true;
            return [];
          },
          currentTags: async () => undefined,
          delete: async () => {},
        },
      },
    );
    await handleCustomResource(
      cfnEvent({ RequestType: "Delete", PhysicalResourceId: "vigil-unregistered/req-0" }),
      { getRemainingTimeInMillis: () => 60_000 },
      d,
    );
    expect(answers[0]?.body).toMatchObject({
      Status: "SUCCESS",
      PhysicalResourceId: "vigil-unregistered/req-0",
    });
    expect(listed).toBe(false);
  });
});

describe("planTeardown and attachments", () => {
  it("leaves a Vigil volume attached to an instance Vigil did not create, and deletes one on its own instance", () => {
    const tag = ours;
    const plan = planTeardown(
      [
        { kind: "instance", id: "i-vigil", region: "eu-west-1", tags: tag, state: "running" },
        { kind: "volume", id: "vol-on-vigil", region: "eu-west-1", tags: tag, attachedTo: ["i-vigil"] },
        { kind: "volume", id: "vol-on-customer", region: "eu-west-1", tags: tag, attachedTo: ["i-customer"] },
      ],
      OURS,
    );
    expect(plan.delete.map((r) => r.id)).toEqual(["i-vigil", "vol-on-vigil"]);
    expect(plan.keep).toEqual([
      expect.objectContaining({
        reason: "attached-to-foreign-instance",
        resource: expect.objectContaining({ id: "vol-on-customer" }),
      }),
    ]);
  });
});

describe("stack deletion tears down only this integration's resources", () => {
  it("lists with the integration id and deletes only what carries both tags and no CloudFormation tag", async () => {
    const listedFor: string[] = [];
    const deleted: string[] = [];
    const resources: TaggedResource[] = [
      { kind: "snapshot", id: "snap-ours", region: "eu-west-1", tags: ours },
      {
        kind: "snapshot",
        id: "snap-theirs",
        region: "eu-west-1",
        tags: { [CREATED_BY_TAG.key]: CREATED_BY_TAG.value, [INTEGRATION_TAG.key]: "int-2" },
      },
      {
        kind: "snapshot",
        id: "snap-vigil-only",
        region: "eu-west-1",
        tags: { [CREATED_BY_TAG.key]: "Vigil" },
      },
      { kind: "auto-scaling-group", id: "scanners", region: "eu-west-1", tags: { ...ours, ...cfnManaged } },
      { kind: "launch-template", id: "lt-scanner", region: "eu-west-1", tags: { ...ours, ...cfnManaged } },
    ];
    const { d, answers } = deps(
      {},
      {
        ssm: {
          send: async () => ({
            Parameters: [],
          }),
        } as unknown as SSMClient,
        teardown: {
          // A listing that ignores its filters: the plan and the re-check must still hold.
          listTagged: async (_region, integrationId) => {
            listedFor.push(integrationId);
            return resources;
          },
          currentTags: async (r) => r.tags,
          delete: async (r) => {
            deleted.push(r.id);
          },
        },
        allRegions: async () => ["eu-west-1"],
      },
    );
    await handleCustomResource(
      cfnEvent({ RequestType: "Delete", PhysicalResourceId: `vigil-integration/${OURS}` }),
      { getRemainingTimeInMillis: () => 60_000 },
      d,
    );
    expect(answers[0]?.body).toMatchObject({ Status: "SUCCESS" });
    expect(listedFor).toEqual([OURS]);
    expect(deleted).toEqual(["snap-ours"]);
  });

  it("the EC2 adapter filters every listing on both tags", async () => {
    const filters: { op: string; filters: unknown }[] = [];
    const send = async (command: { constructor: { name: string }; input: { Filters?: unknown } }) => {
      filters.push({ op: command.constructor.name, filters: command.input.Filters });
      return {};
    };
    // Real clients (the paginators check), answering from `send`.
    const ec2 = Object.assign(new EC2Client({ region: "eu-west-1" }), { send });
    const autoscaling = Object.assign(new AutoScalingClient({ region: "eu-west-1" }), { send });
    const api = ec2TeardownApi(() => ({ ec2, autoscaling }) as never);
    await api.listTagged("eu-west-1", OURS);
    expect(filters.map((f) => f.op).sort()).toEqual([
      "DescribeAutoScalingGroupsCommand",
      "DescribeInstancesCommand",
      "DescribeLaunchTemplatesCommand",
      "DescribeSnapshotsCommand",
      "DescribeVolumesCommand",
    ]);
    for (const f of filters)
      expect(f.filters, f.op).toEqual(
        expect.arrayContaining([
          { Name: "tag:Created By", Values: ["Vigil"] },
          { Name: "tag:Vigil Integration", Values: [OURS] },
        ]),
      );
  });
});
