import { inspect } from "node:util";
import type { SSMClient } from "@aws-sdk/client-ssm";
import { generateServiceKeyPair, type VigilEvent } from "@vigil/events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CREATED_BY_TAG,
  type CustomResourceDeps,
  type CustomResourceEvent,
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
const resourceArb = fc.record({
  kind: fc.constantFrom(...kinds),
  id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
  region: fc.constantFrom("eu-west-1", "us-east-1"),
  tags: fc.oneof(
    fc.constant({ [CREATED_BY_TAG.key]: CREATED_BY_TAG.value }),
    fc.constant({ [CREATED_BY_TAG.key]: "vigil" }),
    fc.constant({ "created by": "Vigil" }),
    fc.constant({}),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })),
  ),
  state: fc.option(fc.constantFrom("running", "available", "terminated", "deleting"), { nil: undefined }),
}) as fc.Arbitrary<TaggedResource>;

describe("planTeardown", () => {
  it("always deletes exactly the resources tagged Created By: Vigil that still exist, in dependency order", () => {
    fc.assert(
      fc.property(fc.array(resourceArb, { maxLength: 40 }), (resources) => {
        const plan = planTeardown(resources);
        for (const r of plan.delete) expect(r.tags[CREATED_BY_TAG.key]).toBe(CREATED_BY_TAG.value);
        for (const { resource, reason } of plan.keep) {
          if (reason === "not-created-by-vigil") expect(resource.tags[CREATED_BY_TAG.key]).not.toBe("Vigil");
        }
        const order = plan.delete.map((r) => kinds.indexOf(r.kind));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        const unique = new Set(resources.map((r) => `${r.region}/${r.kind}/${r.id}`));
        expect(plan.delete.length + plan.keep.length).toBe(unique.size);
      }),
    );
  });

  it("keeps instances already terminated", () => {
    const plan = planTeardown([
      {
        kind: "instance",
        id: "i-1",
        region: "eu-west-1",
        tags: { "Created By": "Vigil" },
        state: "terminated",
      },
    ]);
    expect(plan.delete).toEqual([]);
    expect(plan.keep[0]?.reason).toBe("already-gone");
  });
});

describe("executeTeardown", () => {
  it("re-checks the tag before each deletion and spares a resource whose tag is gone", async () => {
    const deleted: string[] = [];
    const api: TeardownApi = {
      listTagged: async () => [],
      currentTags: async (r) => (r.id === "vol-untagged-now" ? {} : r.id === "vol-gone" ? undefined : r.tags),
      delete: async (r) => {
        if (r.id === "snap-busy")
          throw Object.assign(new Error("snapshot in use"), { name: "InvalidSnapshot.InUse" });
        deleted.push(r.id);
      },
    };
    const tag = { "Created By": "Vigil" };
    const result = await executeTeardown(
      planTeardown([
        { kind: "volume", id: "vol-1", region: "eu-west-1", tags: tag },
        { kind: "volume", id: "vol-untagged-now", region: "eu-west-1", tags: tag },
        { kind: "volume", id: "vol-gone", region: "eu-west-1", tags: tag },
        { kind: "snapshot", id: "snap-busy", region: "eu-west-1", tags: tag },
        { kind: "auto-scaling-group", id: "asg", region: "eu-west-1", tags: tag },
      ]),
      api,
    );
    expect(deleted).toEqual(["asg", "vol-1"]);
    expect(result.removed).toEqual({ autoScalingGroups: 1, volumes: 1 });
    expect(result.spared).toEqual(["eu-west-1/volume/vol-gone", "eu-west-1/volume/vol-untagged-now"]);
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
      report: async (_: readonly VigilEvent[]) => {},
      heartbeat: async () => {},
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
    const tag = { "Created By": "Vigil" };
    const plan = planTeardown([
      { kind: "instance", id: "i-vigil", region: "eu-west-1", tags: tag, state: "running" },
      { kind: "volume", id: "vol-on-vigil", region: "eu-west-1", tags: tag, attachedTo: ["i-vigil"] },
      { kind: "volume", id: "vol-on-customer", region: "eu-west-1", tags: tag, attachedTo: ["i-customer"] },
    ]);
    expect(plan.delete.map((r) => r.id)).toEqual(["i-vigil", "vol-on-vigil"]);
    expect(plan.keep).toEqual([
      expect.objectContaining({
        reason: "attached-to-foreign-instance",
        resource: expect.objectContaining({ id: "vol-on-customer" }),
      }),
    ]);
  });
});
