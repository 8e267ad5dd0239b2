import { createHash } from "node:crypto";
import {
  buildReleaseManifest,
  generateReleaseSigningKey,
  type RecordedReleaseHashes,
  type ReleaseFunction,
  type ReleaseManifest,
  type ReleaseSigningKey,
  releaseKeys,
  signReleaseManifest,
} from "@vigil/events";
import type { ReleaseStore, UpdaterConfig, UpdaterDeps } from "../../src/index.ts";
import {
  FakeFunctionDeployer,
  FakeStackDeployer,
  MemoryAlerts,
  MemoryEventSink,
  MemoryReleaseHashes,
  MemoryReleaseStore,
} from "../../src/testing.ts";

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** A deterministic, version-specific stand-in for a deployment package. */
export function artifact(label: string, size = 3000): Buffer {
  const out = Buffer.alloc(size);
  const seed = createHash("sha256").update(label).digest();
  for (let i = 0; i < size; i++) out[i] = (seed[i % 32] ?? 0) ^ (i & 0xff);
  return out;
}

export function releaseFiles(version: string): { name: string; body: Buffer; function?: ReleaseFunction }[] {
  return [
    { name: "agent.zip", body: artifact(`agent ${version}`), function: "agent" },
    { name: "updater.zip", body: artifact(`updater ${version}`, 2000), function: "updater" },
    { name: "permissions.json", body: Buffer.from(`{"version":"${version}"}`) },
  ];
}

/** Publish a signed release into an in-memory bucket (the same layout `publishRelease` writes to S3). */
export function publishToMemory(
  store: MemoryReleaseStore,
  version: string,
  key: Pick<ReleaseSigningKey, "keyId" | "privateKey">,
  options: { template?: Buffer; channel?: boolean; files?: ReturnType<typeof releaseFiles> } = {},
): { manifest: ReleaseManifest; recorded: RecordedReleaseHashes } {
  const files = options.files ?? releaseFiles(version);
  const manifest = buildReleaseManifest({
    version,
    createdAt: "2030-01-01T00:00:00.000Z",
    artifacts: files.map((f) => ({
      name: f.name,
      data: f.body,
      ...(f.function ? { function: f.function } : {}),
    })),
    ...(options.template ? { template: { name: "template.json", data: options.template } } : {}),
  });
  for (const f of files) store.put(releaseKeys.artifact(version, f.name), f.body);
  if (options.template) store.put(releaseKeys.artifact(version, "template.json"), options.template);
  const { manifestJson, signature } = signReleaseManifest(manifest, key);
  const keys = [releaseKeys.manifest(version)];
  if (options.channel !== false) keys.push(releaseKeys.channelManifest("stable"));
  for (const k of keys) {
    store.put(k, manifestJson);
    store.put(releaseKeys.signature(k), JSON.stringify(signature));
  }
  return {
    manifest,
    recorded: {
      version,
      files: Object.fromEntries(manifest.files.map((f) => [f.name, f.sha256])),
      ...(manifest.template ? { template: manifest.template.sha256 } : {}),
    },
  };
}

export interface World {
  key: ReleaseSigningKey;
  store: MemoryReleaseStore;
  hashes: MemoryReleaseHashes;
  functions: FakeFunctionDeployer;
  stack: FakeStackDeployer;
  events: MemoryEventSink;
  alerts: MemoryAlerts;
  deps: UpdaterDeps;
  config: UpdaterConfig;
  sleeps: number[];
}

const signingKey = generateReleaseSigningKey();

/** Agent and updater running `running`; the bucket and platform hold nothing yet. */
export function world(
  running = "1.0.0",
  overrides: { releases?: ReleaseStore; config?: Partial<UpdaterConfig>; stack?: boolean } = {},
): World {
  const store = new MemoryReleaseStore();
  const hashes = new MemoryReleaseHashes();
  const functions = new FakeFunctionDeployer()
    .seed("vigil-agent", running, artifact(`agent ${running}`))
    .seed("vigil-updater", running, artifact(`updater ${running}`, 2000));
  const stack = new FakeStackDeployer("{}");
  const events = new MemoryEventSink();
  const alerts = new MemoryAlerts();
  const sleeps: number[] = [];
  const deps: UpdaterDeps = {
    releases: overrides.releases ?? store,
    hashes,
    functions,
    ...(overrides.stack ? { stack } : {}),
    events,
    alerts,
    trustedKeys: [{ keyId: signingKey.keyId, key: signingKey.publicKey }],
    retry: {
      attempts: 3,
      delayMs: (n) => 100 * n,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  };
  const config: UpdaterConfig = {
    integrationId: "int-1",
    source: "urn:vigil:updater:123456789012",
    channel: "stable",
    functionNames: { agent: "vigil-agent", updater: "vigil-updater" },
    ...(overrides.stack ? { stackName: "vigil" } : {}),
    policy: {},
    ...overrides.config,
  };
  return { key: signingKey, store, hashes, functions, stack, events, alerts, deps, config, sleeps };
}

export const NOW = new Date("2030-01-07T03:00:00Z"); // a Monday, 03:00 UTC

/** The version each alias serves and the code behind it. */
export function liveState(w: World) {
  return {
    agent: w.functions.live("vigil-agent"),
    updater: w.functions.live("vigil-updater"),
  };
}
