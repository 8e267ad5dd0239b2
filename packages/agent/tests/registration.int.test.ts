import { GetParametersCommand, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import {
  generateServiceKeyPair,
  integrationParameters,
  parameterNameFor,
  type VigilEvent,
} from "@vigil/events";
import { type MotoServer, startMoto } from "@vigil/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type CustomResourceDeps,
  type CustomResourceEvent,
  credentialParameterNames,
  handleCustomResource,
  jsonLogger,
  type PlatformClient,
  PlatformRequestError,
  registrationProperties,
  type ServiceCredentials,
} from "../src/lifecycle/index.ts";

/**
 * The registration custom resource against SSM Parameter Store (moto, the emulated account's server)
 * through the real SDK client, with faults injected per call, and a recording platform: a Create either registers completely or leaves nothing behind, and the agent touches
 * only the parameters it owns.
 */

const INTEGRATION = "int-1";
const STACK_ID =
  "arn:aws:cloudformation:eu-west-1:123456789012:stack/vigil/5f1e0d10-0000-4000-8000-000000000001";
const PLATFORM_URL = "https://platform.example";
const pair = generateServiceKeyPair();
const KEY_ID = `vigil-key.${INTEGRATION}.${"k".repeat(43)}`;

type Step = string;

let moto: MotoServer;
let store: SSMClient;

beforeAll(async () => {
  moto = await startMoto({ region: "eu-west-1" });
  store = new SSMClient({
    region: "eu-west-1",
    endpoint: moto.endpoint,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
}, 60_000);

afterAll(async () => {
  store?.destroy();
  await moto?.stop();
});

// A fresh account for every test.
beforeEach(async () => {
  const reset = await fetch(`${moto.endpoint}/moto-api/reset`, { method: "POST" });
  expect(reset.status).toBe(200);
});

/** The real SSMClient, recording each call; `fail` can refuse a call (by operation and input). */
function ssmOver(
  store: SSMClient,
  steps: Step[],
  fail?: (op: string, input: Record<string, unknown>) => unknown,
) {
  const puts: Record<string, unknown>[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const op = command.constructor.name.replace(/Command$/, "");
      const input = command.input;
      const named = (input.Name as string | undefined) ?? (input.Names as string[] | undefined)?.join(",");
      steps.push(`ssm ${op} ${named ?? ""}`);
      const error = fail?.(op, input);
      if (error) throw error;
      if (op === "PutParameter") puts.push(input);
      if (
        !["PutParameter", "GetParameters", "GetParameter", "DeleteParameters", "DeleteParameter"].includes(op)
      )
        throw new Error(`unexpected SSM call ${op}`);
      return store.send(command as never);
    },
  };
  return { ssm: client as unknown as SSMClient, puts };
}

/** The stack's own parameters, as CloudFormation creates them before the registration resource. */
async function withStackParameters(store: SSMClient) {
  for (const p of integrationParameters)
    await put(store, {
      Name: parameterNameFor(INTEGRATION, p.key),
      Value: p.key === "platform-url" ? PLATFORM_URL : p.defaultValue,
      Type: "String",
      Tags: [
        { Key: "Created By", Value: "Vigil" },
        { Key: "Vigil Integration", Value: INTEGRATION },
        { Key: "aws:cloudformation:stack-id", Value: STACK_ID },
      ],
    });
}

function put(store: SSMClient, input: ConstructorParameters<typeof PutParameterCommand>[0]) {
  return store.send(new PutParameterCommand(input));
}

async function stackParameters(store: SSMClient) {
  const { Parameters = [] } = await store.send(
    new GetParametersCommand({
      Names: integrationParameters.map((p) => parameterNameFor(INTEGRATION, p.key)),
    }),
  );
  return Parameters.map((p) => ({ name: p.Name ?? "", value: p.Value, version: p.Version })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

async function owned(store: SSMClient) {
  const { Parameters = [] } = await store.send(
    new GetParametersCommand({ Names: Object.values(credentialParameterNames(INTEGRATION)) }),
  );
  return Parameters;
}

function create(overrides: Partial<CustomResourceEvent> = {}): CustomResourceEvent {
  return {
    RequestType: "Create",
    ResponseURL: "https://cloudformation-custom-resource-response.example/presigned",
    StackId: STACK_ID,
    RequestId: "req-1",
    LogicalResourceId: "Registration",
    ResourceType: "Custom::VigilRegistration",
    ResourceProperties: {
      RegistrationToken: `vigil-rt.${INTEGRATION}.${"a".repeat(43)}`,
      PlatformUrl: PLATFORM_URL,
      TemplateVersion: "1.0.0",
      EnabledRegions: "eu-west-1",
    },
    ...overrides,
  };
}

interface World {
  deps: CustomResourceDeps;
  steps: Step[];
  answers: Record<string, unknown>[];
  revoked: { keyId: string; platformUrl: string; reason: string }[];
  reported: VigilEvent[];
  puts: Record<string, unknown>[];
  listed: string[];
}

function world(
  store: SSMClient,
  options: {
    ssmFail?: (op: string, input: Record<string, unknown>) => unknown;
    report?: (events: readonly VigilEvent[]) => Promise<void>;
    revoke?: () => Promise<void>;
  } = {},
): World {
  const steps: Step[] = [];
  const answers: Record<string, unknown>[] = [];
  const revoked: World["revoked"] = [];
  const reported: VigilEvent[] = [];
  const listed: string[] = [];
  const { ssm, puts } = ssmOver(store, steps, options.ssmFail);
  const platform = (platformUrl: string, credentials?: ServiceCredentials): PlatformClient => ({
    enroll: async () => {
      throw new Error("a single account never enrolls");
    },
    exchange: async () => {
      steps.push("platform exchange");
      return {
        integrationId: INTEGRATION,
        keyId: KEY_ID,
        privateKeyPem: pair.privateKeyPem,
        parameterName: `/vigil/${INTEGRATION}/service-key`,
      };
    },
    report: async (events) => {
      steps.push(`platform report ${events.map((e) => e.type).join(",")}`);
      if (options.report) await options.report(events);
      reported.push(...events);
    },
    heartbeat: async () => {},
    revoke: async (request) => {
      steps.push("platform revoke");
      if (!credentials) throw new Error("revoke must be signed");
      revoked.push({ keyId: credentials.keyId, platformUrl, reason: request.reason });
      if (options.revoke) await options.revoke();
    },
  });
  const deps: CustomResourceDeps = {
    ssm,
    platform,
    teardown: {
      listTagged: async (region) => {
        listed.push(region);
        return [];
      },
      currentTags: async () => undefined,
      delete: async () => {},
    },
    allRegions: async () => ["eu-west-1"],
    log: jsonLogger(() => undefined),
    respond: async (_url, body) => {
      steps.push("answer");
      answers.push(JSON.parse(body));
    },
  };
  return { deps, steps, answers, revoked, reported, puts, listed };
}

const context = { getRemainingTimeInMillis: () => 60_000 };

describe("a Create is all or nothing", () => {
  it("revokes the issued key and deletes what it wrote when the SSM write fails, then answers FAILED", async () => {
    await withStackParameters(store);
    const before = await stackParameters(store);
    const w = world(store, {
      ssmFail: (op, input) =>
        op === "PutParameter" && String(input.Name).endsWith("/service-key-id")
          ? Object.assign(new Error("User is not authorized to perform ssm:PutParameter"), {
              name: "AccessDeniedException",
            })
          : undefined,
    });
    const response = await handleCustomResource(create(), context, w.deps);

    expect(response).toMatchObject({ Status: "FAILED", PhysicalResourceId: "vigil-unregistered/req-1" });
    expect(response.Reason).toContain("AccessDeniedException");
    expect(response.Reason).toMatch(/revoked/);
    expect(w.answers).toEqual([expect.objectContaining({ Status: "FAILED", RequestId: "req-1" })]);
    expect(w.revoked).toEqual([{ keyId: KEY_ID, platformUrl: PLATFORM_URL, reason: expect.any(String) }]);
    // Revoked and cleaned up before CloudFormation hears of the failure; nothing was reported.
    const at = (prefix: string) => w.steps.findIndex((s) => s.startsWith(prefix));
    expect(at("platform revoke")).toBeGreaterThan(at("platform exchange"));
    expect(at("ssm DeleteParameters")).toBeGreaterThan(at("platform exchange"));
    expect(w.steps.at(-1)).toBe("answer");
    expect(w.reported).toEqual([]);
    expect(await owned(store)).toEqual([]);
    expect(await stackParameters(store)).toEqual(before);
  });

  it("revokes and cleans up when reporting the stack's creation fails", async () => {
    await withStackParameters(store);
    const before = await stackParameters(store);
    const w = world(store, {
      report: async () => {
        throw new PlatformRequestError(503, "http_error", "The platform answered 503 for /agent/events.");
      },
    });
    const response = await handleCustomResource(create(), context, w.deps);

    expect(response).toMatchObject({ Status: "FAILED", PhysicalResourceId: "vigil-unregistered/req-1" });
    expect(response.Reason).toContain("503");
    expect(w.revoked.map((r) => r.keyId)).toEqual([KEY_ID]);
    expect(w.steps.indexOf("platform revoke")).toBeGreaterThan(
      w.steps.findIndex((s) => s.startsWith("platform report")),
    );
    expect(w.steps.at(-1)).toBe("answer");
    expect(await owned(store)).toEqual([]);
    expect(await stackParameters(store)).toEqual(before);
  });

  it("still deletes the credentials and answers FAILED when the revocation fails too, saying what to do", async () => {
    const w = world(store, {
      report: async () => {
        throw new PlatformRequestError(0, "platform_unreachable", "The platform is unreachable.");
      },
      revoke: async () => {
        throw new PlatformRequestError(0, "platform_unreachable", "The platform is unreachable.");
      },
    });
    const response = await handleCustomResource(create(), context, w.deps);
    expect(response.Status).toBe("FAILED");
    expect(response.Reason).toMatch(/could not be revoked/);
    expect(response.Reason).toContain(KEY_ID);
    expect(await owned(store)).toEqual([]);
    expect(w.steps.at(-1)).toBe("answer");
  });

  it("undoes the registration before answering when the deadline passes after the exchange", async () => {
    await withStackParameters(store);
    const before = await stackParameters(store);
    const w = world(store);
    // Writing the key id hangs; every other SSM call goes to the stand-in.
    const ssm = w.deps.ssm;
    w.deps.ssm = {
      send: (command: { input: Record<string, unknown> }) =>
        String(command.input.Name ?? "").endsWith("/service-key-id")
          ? new Promise(() => {})
          : ssm.send(command as never),
    } as never;
    const started = Date.now();
    const response = await handleCustomResource(
      create(),
      { getRemainingTimeInMillis: () => 400 },
      {
        ...w.deps,
        safetyMarginMs: 200,
      },
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response).toMatchObject({ Status: "FAILED", PhysicalResourceId: "vigil-unregistered/req-1" });
    expect(response.Reason).toMatch(/time limit/);
    expect(response.Reason).toMatch(/revoked the key/);
    expect(w.revoked.map((r) => r.keyId)).toEqual([KEY_ID]);
    expect(w.steps.at(-1)).toBe("answer");
    expect(await owned(store)).toEqual([]);
    expect(await stackParameters(store)).toEqual(before);
  });

  it("revokes a key the exchange returns after the deadline already answered", async () => {
    const w = world(store);
    let release: () => void = () => {};
    const exchangeDone = new Promise<void>((r) => {
      release = r;
    });
    const platform = w.deps.platform;
    w.deps.platform = (url, credentials) => {
      const client = platform(url, credentials);
      return {
        ...client,
        exchange: async (request) => {
          await exchangeDone; // answers only after the deadline
          return client.exchange(request);
        },
      };
    };
    const response = await handleCustomResource(
      create(),
      { getRemainingTimeInMillis: () => 300 },
      {
        ...w.deps,
        safetyMarginMs: 200,
      },
    );
    expect(response.Status).toBe("FAILED");
    expect(w.revoked).toEqual([]);
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(w.revoked.map((r) => r.keyId)).toEqual([KEY_ID]);
    expect(w.puts).toEqual([]);
    expect(await owned(store)).toEqual([]);
  });

  it("answers the rollback's Delete of the failed Create with SUCCESS, touching nothing", async () => {
    await withStackParameters(store);
    const failing = world(store, {
      report: async () => {
        throw new PlatformRequestError(503, "http_error", "unavailable");
      },
    });
    const failedCreate = await handleCustomResource(create(), context, failing.deps);
    expect(failedCreate.Status).toBe("FAILED");

    const w = world(store);
    const rollback = await handleCustomResource(
      create({
        RequestType: "Delete",
        RequestId: "req-2",
        PhysicalResourceId: failedCreate.PhysicalResourceId,
      }),
      context,
      w.deps,
    );
    expect(rollback).toMatchObject({ Status: "SUCCESS", PhysicalResourceId: "vigil-unregistered/req-1" });
    expect(w.steps).toEqual(["answer"]);
    expect(w.listed).toEqual([]);
  });
});

describe("the agent touches only the parameters it owns", () => {
  it("writes its credentials tagged for the integration, and never overwrites or deletes the stack's parameters", async () => {
    await withStackParameters(store);
    const before = await stackParameters(store);
    const w = world(store);
    const created = await handleCustomResource(create(), context, w.deps);
    expect(created).toMatchObject({
      Status: "SUCCESS",
      PhysicalResourceId: `vigil-integration/${INTEGRATION}`,
    });
    expect(await stackParameters(store)).toEqual(before);
    const stackNames = new Set(integrationParameters.map((p) => parameterNameFor(INTEGRATION, p.key)));
    expect(w.puts.map((p) => p.Name).filter((n) => stackNames.has(n as string))).toEqual([]);
    expect(await owned(store)).toHaveLength(Object.keys(credentialParameterNames(INTEGRATION)).length);
    for (const put of w.puts)
      expect(put.Tags).toEqual(
        expect.arrayContaining([
          { Key: "Created By", Value: "Vigil" },
          { Key: "Vigil Integration", Value: INTEGRATION },
        ]),
      );

    const d = world(store);
    const deleted = await handleCustomResource(
      create({ RequestType: "Delete", RequestId: "req-3", PhysicalResourceId: created.PhysicalResourceId }),
      context,
      d.deps,
    );
    expect(deleted.Status).toBe("SUCCESS");
    expect(await owned(store)).toEqual([]);
    expect(await stackParameters(store)).toEqual(before);
    // The platform still heard of the deletion: the credentials were read before they went.
    expect(d.reported.map((e) => e.type)).toContain("vigil.integration.deleted.v1");
  });

  it("still reads credentials registered before it owned its platform URL (the stack's parameter)", async () => {
    await withStackParameters(store);
    const names = credentialParameterNames(INTEGRATION);
    await put(store, { Name: names.privateKey, Value: pair.privateKeyPem, Type: "SecureString" });
    await put(store, { Name: names.keyId, Value: KEY_ID, Type: "String" });
    await put(store, { Name: names.integrationId, Value: INTEGRATION, Type: "String" });
    const w = world(store);
    const deleted = await handleCustomResource(
      create({
        RequestType: "Delete",
        RequestId: "req-4",
        PhysicalResourceId: `vigil-integration/${INTEGRATION}`,
      }),
      context,
      w.deps,
    );
    expect(deleted.Status).toBe("SUCCESS");
    expect(w.reported.map((e) => e.type)).toContain("vigil.integration.deleted.v1");
    expect(await owned(store)).toEqual([]);
    expect(await stackParameters(store)).toHaveLength(integrationParameters.length);
  });
});

describe("the platform URL is https", () => {
  it("refuses a plain-http platform URL, except on loopback", () => {
    const parse = (url: string) =>
      registrationProperties.safeParse({ RegistrationToken: "t", PlatformUrl: url });
    for (const url of [
      "https://platform.example",
      "https://platform.example:8443/base",
      "http://127.0.0.1:8787",
      "http://localhost",
      "http://localhost:3000/",
      "http://[::1]:9000",
    ])
      expect(parse(url).success, url).toBe(true);
    for (const url of [
      "http://platform.example",
      "http://10.0.0.5:8787",
      "ftp://platform.example",
      "http://127.0.0.1.example",
    ]) {
      const parsed = parse(url);
      expect(parsed.success, url).toBe(false);
      expect(parsed.error?.issues[0]?.message, url).toMatch(/https/);
    }
  });

  it("answers FAILED without exchanging the token when PlatformUrl is plain http", async () => {
    const w = world(store);
    const response = await handleCustomResource(
      create({
        ResourceProperties: {
          RegistrationToken: `vigil-rt.${INTEGRATION}.${"a".repeat(43)}`,
          PlatformUrl: "http://platform.example",
        },
      }),
      context,
      w.deps,
    );
    expect(response.Status).toBe("FAILED");
    expect(response.Reason).toMatch(/PlatformUrl: .*https:\/\//);
    expect(w.steps).toEqual(["answer"]);
  });
});

describe("an organization member enrolls instead of exchanging a token", () => {
  const SECRET = `vigil-es.org-abcdefghijkl.k3x9q2m7.${"s".repeat(43)}`;
  const member = (properties: Record<string, unknown> = {}) =>
    create({
      ResourceProperties: {
        RegistrationToken: "",
        EnrollmentSecret: SECRET,
        IntegrationId: INTEGRATION,
        OrganizationId: "o-a1b2c3d4e5",
        PlatformUrl: PLATFORM_URL,
        TemplateVersion: "1.0.0",
        EnabledRegions: "eu-west-1",
        ...properties,
      },
    });

  it("sends the secret, its claims and an identity proof made for this platform and organization", async () => {
    await withStackParameters(store);
    const w = world(store);
    const audiences: string[] = [];
    const enrollments: unknown[] = [];
    const platform = w.deps.platform;
    w.deps.identityProof = async (audience) => {
      audiences.push(audience);
      const request = {
        method: "POST" as const,
        url: "https://sts.eu-west-1.amazonaws.com/",
        headers: {},
        body: "",
      };
      return { identity: request, organization: request };
    };
    w.deps.platform = (url, credentials) => ({
      ...platform(url, credentials),
      enroll: async (request) => {
        enrollments.push(request);
        return {
          integrationId: INTEGRATION,
          keyId: KEY_ID,
          privateKeyPem: pair.privateKeyPem,
          parameterName: `/vigil/${INTEGRATION}/service-key`,
        };
      },
    });
    const response = await handleCustomResource(member(), context, w.deps);
    expect(response, JSON.stringify(response)).toMatchObject({ Status: "SUCCESS", Data: { KeyId: KEY_ID } });
    expect(audiences).toEqual(["https://platform.example/organizations/org-abcdefghijkl"]);
    expect(enrollments).toEqual([
      expect.objectContaining({
        enrollmentSecret: SECRET,
        integrationId: INTEGRATION,
        accountId: "123456789012",
        organizationId: "o-a1b2c3d4e5",
        homeRegion: "eu-west-1",
      }),
    ]);
    expect(w.steps).not.toContain("platform exchange");
    expect((await owned(store)).map((p) => p.Name).sort()).toEqual(
      Object.values(credentialParameterNames(INTEGRATION)).sort(),
    );
    expect(w.reported.map((e) => e.type)).toEqual(["vigil.integration.stack-created.v1"]);
  });

  it("answers FAILED saying what is missing when a stack has neither a token nor a secret, or both", async () => {
    for (const properties of [
      { EnrollmentSecret: "" },
      { RegistrationToken: `vigil-rt.${INTEGRATION}.${"a".repeat(43)}` },
      { OrganizationId: "" },
    ]) {
      const w = world(store);
      const response = await handleCustomResource(member(properties), context, w.deps);
      expect(response.Status).toBe("FAILED");
      expect(response.Reason).toMatch(/RegistrationToken|EnrollmentSecret|OrganizationId/);
      expect(w.steps.filter((s) => s.startsWith("platform"))).toEqual([]);
    }
  });

  it("passes the platform's refusal on to CloudFormation", async () => {
    const w = world(store);
    w.deps.identityProof = async () => {
      const request = {
        method: "POST" as const,
        url: "https://sts.eu-west-1.amazonaws.com/",
        headers: {},
        body: "",
      };
      return { identity: request, organization: request };
    };
    const platform = w.deps.platform;
    w.deps.platform = (url, credentials) => ({
      ...platform(url, credentials),
      enroll: async () => {
        throw new PlatformRequestError(
          403,
          "organization_mismatch",
          "Account 123456789012 is in o-zzzzzzzzzz.",
        );
      },
    });
    const response = await handleCustomResource(member(), context, w.deps);
    expect(response.Status).toBe("FAILED");
    expect(response.Reason).toContain("organization_mismatch");
    expect(await owned(store)).toEqual([]);
  });
});
