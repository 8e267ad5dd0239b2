import { createHash } from "node:crypto";
import { createAgentHandler } from "@vigil/agent";
import {
  generateReleaseSigningKey,
  HealthCheckRequest,
  HealthCheckResponse,
  releaseKeys,
  S3PayloadStore,
} from "@vigil/events";
import { type RunningPlatform, startPlatform } from "@vigil/platform";
import { type LocalAws, startLocalAws } from "@vigil/testkit";
import {
  createUpdaterHandler,
  type HealthCheckResult,
  HttpReleaseHashes,
  type PublishedRelease,
  publishRelease,
  readAll,
  runUpdateCheck,
  S3ReleaseStore,
  type UpdaterConfig,
  type UpdaterDeps,
} from "@vigil/updater";
import { FakeFunctionDeployer, MemoryAlerts, MemoryEventSink } from "@vigil/updater/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Self-update on the local stack: a signed release on the local S3 (fauxqs), its hashes recorded at
 * the real platform (DynamoDB Local), and the updater's real `runUpdateCheck` over the real S3 store
 * and HTTP hashes. Lambda has no local stand-in, so the functions are the shared in-memory fake —
 * but the health check it forwards is answered by the agent's and updater's real handlers, through
 * the `HealthCheckRequest`/`HealthCheckResponse` contract of `@vigil/events`.
 */

const ADMIN_TOKEN = "update-lifecycle-admin-token-0123456789";
const AGENT = "vigil-agent";
const UPDATER = "vigil-updater";

let aws: LocalAws;
let platform: RunningPlatform;

beforeAll(async () => {
  aws = await startLocalAws();
  platform = await startPlatform({ adminToken: ADMIN_TOKEN, localAws: aws });
});

afterAll(async () => {
  await platform?.stop();
  await aws?.stop();
});

type HealthHandler = (event: unknown) => Promise<unknown>;

/**
 * The fake Lambda with its health check crossing into the function's real handler. The handlers
 * answer with their build-time version (`VIGIL_RELEASE_VERSION`, unset here → "0.0.0"), not the
 * release just deployed, so `ok` is the signal the updater gets; the answers are kept to assert on.
 */
class HandlerAnsweredDeployer extends FakeFunctionDeployer {
  readonly answers: { functionName: string; request: HealthCheckRequest; response: HealthCheckResponse }[] =
    [];

  constructor(private readonly handlers: Record<string, HealthHandler>) {
    super();
  }

  override async invokeHealthCheck(
    functionName: string,
    alias: string,
    expectedVersion: string,
  ): Promise<HealthCheckResult> {
    // Records the call and consults the fake's own `health` (healthy unless a test says otherwise).
    const fake = await super.invokeHealthCheck(functionName, alias, expectedVersion);
    if (!fake.ok) return fake;
    const handler = this.handlers[functionName];
    if (!handler) return { ok: false, detail: `no handler behind ${functionName}` };
    const request = HealthCheckRequest.parse({ kind: "vigil.health-check", expectedVersion });
    const parsed = HealthCheckResponse.safeParse(await handler(request));
    if (!parsed.success)
      return { ok: false, detail: `${functionName} answered outside the contract: ${parsed.error.message}` };
    this.answers.push({ functionName, request, response: parsed.data });
    return {
      ok: parsed.data.ok,
      detail:
        parsed.data.detail ?? `${functionName} answered ok=${parsed.data.ok} (build ${parsed.data.version})`,
    };
  }
}

const zip = (label: string) => Buffer.from(`PK\u0003\u0004 ${label} `.repeat(40), "utf8");
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const release = (version: string) => [
  { name: "agent.zip", body: zip(`agent ${version}`), function: "agent" as const },
  { name: "updater.zip", body: zip(`updater ${version}`), function: "updater" as const },
];

/** `POST /releases` as admin, with the sizes from the manifest the release was published with. */
async function recordAtPlatform(published: PublishedRelease): Promise<number> {
  const res = await fetch(`${platform.url}/releases`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({
      version: published.manifest.version,
      files: Object.fromEntries(
        published.manifest.files.map((f) => [f.name, { sha256: f.sha256, size: f.size }]),
      ),
    }),
  });
  await res.body?.cancel();
  return res.status;
}

describe("self-update lifecycle on the local stack", () => {
  it("applies a signed, recorded release with health checks answered by the real handlers, then refuses one tampered in S3", async () => {
    const s3 = aws.clients.s3;
    const bucket = `vigil-releases-lifecycle-${Date.now().toString(36)}`;
    const signingKey = generateReleaseSigningKey();
    const functions = new HandlerAnsweredDeployer({
      [AGENT]: createAgentHandler({ env: {} }),
      [UPDATER]: createUpdaterHandler({ log: () => {} }),
    })
      .seed(AGENT, "1.0.0", zip("agent 1.0.0"))
      .seed(UPDATER, "1.0.0", zip("updater 1.0.0"));
    const events = new MemoryEventSink();
    const alerts = new MemoryAlerts();
    const deps: UpdaterDeps = {
      releases: new S3ReleaseStore(s3, bucket),
      hashes: new HttpReleaseHashes({ platformUrl: platform.url, timeoutMs: 5_000 }),
      functions,
      events,
      alerts,
      trustedKeys: [{ keyId: signingKey.keyId, key: signingKey.publicKey }],
      retry: { attempts: 2, delayMs: () => 20 },
    };
    const config: UpdaterConfig = {
      integrationId: "update-lifecycle",
      source: "urn:vigil:updater:123456789012",
      channel: "stable",
      functionNames: { agent: AGENT, updater: UPDATER },
      policy: {},
    };

    // 1. Release 1.1.0: signed into the bucket, hashes recorded at the platform.
    const v110 = await publishRelease(s3, bucket, release("1.1.0"), signingKey, {
      version: "1.1.0",
      previousVersion: "1.0.0",
      createBucket: true,
    });
    expect(await recordAtPlatform(v110)).toBe(201);

    // 2. The scheduled check applies it.
    const applied = await runUpdateCheck(deps, config, {
      trigger: "schedule",
      now: new Date(),
      checkId: "update-lifecycle-1",
    });

    expect(applied).toEqual({
      kind: "applied",
      from: "1.0.0",
      to: "1.1.0",
      components: ["agent", "updater"],
    });
    for (const [name, file] of [
      [AGENT, "agent.zip"],
      [UPDATER, "updater.zip"],
    ] as const) {
      const live = functions.live(name);
      expect(live.releaseVersion).toBe("1.1.0");
      expect(live.codeSha256).toBe(v110.recorded.files[file]);
    }
    const appliedMutations = [
      `updateFunctionCode ${AGENT}`,
      `publishVersion ${AGENT} 1.1.0`,
      `updateAlias ${AGENT} live 2`,
      `invokeHealthCheck ${AGENT} live`,
      `updateFunctionCode ${UPDATER}`,
      `publishVersion ${UPDATER} 1.1.0`,
      `updateAlias ${UPDATER} live 2`,
      `invokeHealthCheck ${UPDATER} live`,
    ];
    expect(functions.mutations()).toEqual(appliedMutations);
    // The health check really crossed into each handler, through the shared contract.
    expect(functions.answers).toEqual([
      {
        functionName: AGENT,
        request: { kind: "vigil.health-check", expectedVersion: "1.1.0" },
        response: { ok: true, version: "0.0.0" },
      },
      {
        functionName: UPDATER,
        request: { kind: "vigil.health-check", expectedVersion: "1.1.0" },
        response: { ok: true, version: "0.0.0" },
      },
    ]);
    const appliedEvents = events.events.filter((e) => e.type === "vigil.update.applied.v1");
    expect(appliedEvents.map((e) => e.data)).toEqual([
      {
        component: "agent",
        fromVersion: "1.0.0",
        toVersion: "1.1.0",
        sha256: v110.recorded.files["agent.zip"],
        signatureVerified: true,
      },
      {
        component: "updater",
        fromVersion: "1.0.0",
        toVersion: "1.1.0",
        sha256: v110.recorded.files["updater.zip"],
        signatureVerified: true,
      },
    ]);
    expect(alerts.raised).toEqual([]);

    // 3. Release 1.2.0, recorded honestly, then its agent.zip altered in the bucket.
    const v120 = await publishRelease(s3, bucket, release("1.2.0"), signingKey, {
      version: "1.2.0",
      previousVersion: "1.1.0",
    });
    expect(await recordAtPlatform(v120)).toBe(201);
    const agentKey = releaseKeys.artifact("1.2.0", "agent.zip");
    const tampered = zip("agent 1.2.0");
    tampered[100] = (tampered[100] ?? 0) ^ 0x01; // an ASCII byte stays ASCII, so the text put below is exact
    // cli has no S3 SDK of its own; the events package's payload store is a plain PutObject through the same client.
    await new S3PayloadStore({ s3, bucket }).put(agentKey, tampered.toString("utf8"));
    const inBucket = await readAll(deps.releases, agentKey, 1024 * 1024);
    expect(inBucket.equals(tampered)).toBe(true);
    expect(sha256(inBucket)).not.toBe(v120.recorded.files["agent.zip"]);
    const eventsBefore = events.events.length;

    const refused = await runUpdateCheck(deps, config, {
      trigger: "schedule",
      now: new Date(),
      checkId: "update-lifecycle-2",
    });

    expect(refused).toMatchObject({
      kind: "refused",
      version: "1.2.0",
      reason: "sha256-mismatch",
      component: "agent",
    });
    const newEvents = events.events.slice(eventsBefore);
    expect(newEvents.map((e) => e.type)).not.toContain("vigil.update.applied.v1");
    const refusal = newEvents.find((e) => e.type === "vigil.update.refused.v1");
    expect(refusal?.data).toMatchObject({ component: "agent", version: "1.2.0", reason: "sha256-mismatch" });
    expect(refusal?.data).toHaveProperty(
      "detail",
      `sha256-mismatch: agent.zip: SHA-256 ${sha256(tampered)} differs from the ${v120.recorded.files["agent.zip"]} recorded at release`,
    );
    expect(newEvents.find((e) => e.type === "vigil.update.alert-raised.v1")?.data).toMatchObject({
      component: "agent",
      severity: "critical",
      version: "1.2.0",
    });
    expect(alerts.raised).toHaveLength(1);
    expect(alerts.raised[0]).toMatchObject({ severity: "critical", version: "1.2.0" });
    expect(alerts.raised[0]?.subject).toContain("sha256-mismatch");
    // Nothing moved: 1.1.0 still serves, and the fake saw no new mutating call.
    expect(functions.live(AGENT)).toMatchObject({
      releaseVersion: "1.1.0",
      codeSha256: v110.recorded.files["agent.zip"],
    });
    expect(functions.live(UPDATER).releaseVersion).toBe("1.1.0");
    expect(functions.mutations()).toEqual(appliedMutations);
    expect(functions.answers).toHaveLength(2);
  });
});
