import {
  createEvent,
  type DataOf,
  deterministicEventId,
  type EventType,
  type ReleaseChannel,
  type ReleaseFunction,
  type ReleaseManifest,
  type ReleasePublicKey,
  releaseKeys,
  verifyReleaseManifest,
} from "@vigil/events";
import type { Alerts, UpdateAlert } from "./alerts/port.ts";
import { applyFunctions, applyTemplate, type FunctionPlan } from "./apply.ts";
import {
  isTransient,
  ReleaseObjectMissingError,
  ReleaseObjectTooLargeError,
  type TransientError,
} from "./errors.ts";
import type { EventSink } from "./event-sink/port.ts";
import { type FunctionDeployer, LIVE_ALIAS, type LiveFunction } from "./function-deployer/port.ts";
import { decideUpdate, type UpdatePolicy } from "./policy.ts";
import type { ReleaseHashes } from "./release-hashes/port.ts";
import { type ReleaseStore, readAll } from "./release-store/port.ts";
import { defaultRetry, type RetryOptions, withRetry } from "./retry.ts";
import type { StackDeployer } from "./stack-deployer/port.ts";
import { verifyArtifact } from "./verify.ts";
import { compareVersions, isSemver } from "./versions.ts";

export interface UpdaterDeps {
  releases: ReleaseStore;
  hashes: ReleaseHashes;
  functions: FunctionDeployer;
  /** Absent when the integration's stack is not managed by the updater. */
  stack?: StackDeployer;
  events: EventSink;
  alerts: Alerts;
  /** Release public keys the manifest's signature must verify against. */
  trustedKeys: readonly ReleasePublicKey[];
  retry?: RetryOptions;
  log?: (line: string) => void;
}

export interface UpdaterConfig {
  integrationId: string;
  /** CloudEvents `source` of the updater, e.g. `urn:vigil:updater:123456789012`. */
  source: string;
  channel: ReleaseChannel;
  /** Deployed function name of each component the updater manages. */
  functionNames: Partial<Record<ReleaseFunction, string>>;
  stackName?: string;
  policy: UpdatePolicy;
}

export interface UpdateRequest {
  trigger: "schedule" | "force";
  /** A version the platform asked for (force only); the customer's pin wins over it. */
  version?: string;
  now: Date;
  /** Id of this invocation, so a retried invocation emits the same event ids. */
  checkId: string;
}

/** Why an update was refused, more precisely than the event's `reason` (which `detail` completes). */
export type RefusalReason =
  | "signature-invalid"
  | "manifest-invalid"
  | "downgrade"
  | "sha256-mismatch"
  | "size-mismatch"
  | "hash-missing"
  | "hash-disagrees"
  | "artifact-missing";

export type Component = "agent" | "updater" | "stack";

export type UpdateOutcome =
  | { kind: "up-to-date"; running: string | undefined; detail: string }
  | { kind: "deferred"; version: string; detail: string }
  | { kind: "applied"; from: string | undefined; to: string; components: Component[] }
  | {
      kind: "refused";
      version: string | undefined;
      reason: RefusalReason;
      component: Component;
      detail: string;
    }
  | { kind: "rolled-back"; version: string; component: Component; detail: string }
  | {
      kind: "failed";
      reason: "release-unreachable" | "platform-unreachable" | "release-missing" | "apply-error";
      detail: string;
      attempts?: number;
    };

/**
 * Why every update is refused while no release key is configured (secure default: nothing unsigned
 * is ever applied). Says exactly what to set.
 */
export const NO_RELEASE_KEYS_DETAIL =
  "no release public key is configured, so no release can be verified and every update is refused: set the stack parameter ReleasePublicKeys (it becomes the updater's VIGIL_RELEASE_PUBLIC_KEYS environment variable) to the Ed25519 PEM public key(s) Vigil releases are signed with (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----), then update the stack";

const MAX_MANIFEST_BYTES = 256 * 1024;
const MAX_SIGNATURE_BYTES = 4 * 1024;
const NO_VERSION = "0.0.0";

const eventReason = {
  "signature-invalid": "signature-invalid",
  "manifest-invalid": "manifest-invalid",
  "artifact-missing": "manifest-invalid",
  downgrade: "downgrade",
  "sha256-mismatch": "sha256-mismatch",
  "size-mismatch": "size-mismatch",
  "hash-missing": "hash-missing",
  "hash-disagrees": "hash-disagrees",
} as const satisfies Record<RefusalReason, DataOf<"vigil.update.refused.v1">["reason"]>;

class Refusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly component: Component,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * One update check: read the release manifest, verify its signature and every artifact's SHA-256
 * against the hash the platform recorded, decide with the customer's policy, apply with health
 * checks, and roll back on failure. Never throws for an expected failure: the outcome says what
 * happened, and the events and alerts have been sent.
 */
export async function runUpdateCheck(
  deps: UpdaterDeps,
  config: UpdaterConfig,
  request: UpdateRequest,
): Promise<UpdateOutcome> {
  const log = deps.log ?? (() => {});
  const retry = deps.retry ?? defaultRetry;
  let seq = 0;
  const emit = async <T extends EventType>(type: T, data: DataOf<T>) => {
    seq++;
    await deps.events.emit(
      createEvent(type, data, {
        source: config.source,
        integrationId: config.integrationId,
        subject: `update-check/${request.checkId}`,
        correlationId: request.checkId,
        id: deterministicEventId(`update-check#${request.checkId}`, seq, type),
        time: request.now,
      }),
    );
  };
  const alert = async (component: Component, a: UpdateAlert) => {
    await emit("vigil.update.alert-raised.v1", {
      component,
      severity: a.severity,
      message: a.message.slice(0, 2048),
      ...(a.version && isSemver(a.version) ? { version: a.version } : {}),
    });
    try {
      await deps.alerts.raise(a);
    } catch (error) {
      log(`alert notification failed (the alert event was emitted): ${(error as Error).message}`);
    }
  };

  // What runs now.
  const live = new Map<ReleaseFunction, LiveFunction & { functionName: string }>();
  try {
    for (const [fn, functionName] of Object.entries(config.functionNames) as [ReleaseFunction, string][]) {
      live.set(fn, { functionName, ...(await deps.functions.getAlias(functionName, LIVE_ALIAS)) });
    }
  } catch (error) {
    const detail = `cannot read the running versions: ${(error as Error).message}`;
    await alert("updater", {
      severity: "high",
      subject: "Vigil updater cannot read running versions",
      message: detail,
    });
    return { kind: "failed", reason: "apply-error", detail };
  }
  const runningVersions = [...live.values()]
    .map((l) => l.releaseVersion)
    .filter((v): v is string => !!v && isSemver(v));
  const running = runningVersions.sort(compareVersions).at(-1);
  const current = running ?? NO_VERSION;

  const requested =
    config.policy.pinnedVersion ?? (request.trigger === "force" ? request.version : undefined);
  const manifestKey = requested
    ? releaseKeys.manifest(requested)
    : releaseKeys.channelManifest(config.channel);
  await emit("vigil.update.check-started.v1", {
    component: "updater",
    currentVersion: current,
    channel: config.channel,
    manifestUrl: deps.releases.locationOf(manifestKey),
  });
  log(
    `running ${running ?? "unknown"}; reading ${deps.releases.locationOf(manifestKey)} (${request.trigger})`,
  );

  const refuse = async (r: Refusal, version: string | undefined): Promise<UpdateOutcome> => {
    log(`refused ${version ?? "?"}: ${r.reason}: ${r.detail}`);
    await emit("vigil.update.refused.v1", {
      component: r.component,
      ...(version && isSemver(version) ? { version } : {}),
      reason: eventReason[r.reason],
      detail: `${r.reason}: ${r.detail}`.slice(0, 1024),
    });
    await alert(r.component, {
      severity: r.reason === "downgrade" ? "high" : "critical",
      subject: `Vigil update ${version ?? ""} refused: ${r.reason}`,
      message: `The update to ${version ?? "an unknown version"} was refused and ${current} keeps running. ${r.detail}`,
      ...(version ? { version } : {}),
    });
    return { kind: "refused", version, reason: r.reason, component: r.component, detail: r.detail };
  };
  const fail = async (
    reason: Extract<UpdateOutcome, { kind: "failed" }>["reason"],
    error: unknown,
  ): Promise<UpdateOutcome> => {
    const attempts = (error as TransientError & { attempts?: number }).attempts;
    const detail = `${(error as Error).message}${attempts ? ` (after ${attempts} attempts)` : ""}; ${current} keeps running, the next check retries`;
    log(`failed: ${reason}: ${detail}`);
    await emit("vigil.update.check-failed.v1", {
      component: "updater",
      currentVersion: current,
      reason,
      detail: detail.slice(0, 1024),
      ...(attempts ? { attempts } : {}),
    });
    await alert("updater", {
      severity: "medium",
      subject: `Vigil update check failed: ${reason}`,
      message: detail,
    });
    return { kind: "failed", reason, detail, ...(attempts ? { attempts } : {}) };
  };

  // 0. Without a trusted key nothing can be verified: refuse before reading anything.
  if (deps.trustedKeys.length === 0)
    return refuse(new Refusal("signature-invalid", "updater", NO_RELEASE_KEYS_DETAIL), requested);

  // 1. The manifest and its detached signature.
  let manifestBytes: Buffer;
  let signatureBytes: Buffer;
  try {
    manifestBytes = await withRetry(() => readAll(deps.releases, manifestKey, MAX_MANIFEST_BYTES), retry);
  } catch (error) {
    if (isTransient(error)) return fail("release-unreachable", error);
    if (error instanceof ReleaseObjectMissingError) return fail("release-missing", error);
    if (error instanceof ReleaseObjectTooLargeError)
      return refuse(new Refusal("manifest-invalid", "updater", error.message), requested);
    return fail("apply-error", error);
  }
  const claimed = claimedVersion(manifestBytes) ?? requested;
  try {
    signatureBytes = await withRetry(
      () => readAll(deps.releases, releaseKeys.signature(manifestKey), MAX_SIGNATURE_BYTES),
      retry,
    );
  } catch (error) {
    if (isTransient(error)) return fail("release-unreachable", error);
    if (error instanceof ReleaseObjectMissingError || error instanceof ReleaseObjectTooLargeError)
      return refuse(
        new Refusal("signature-invalid", "updater", `no usable signature: ${error.message}`),
        claimed,
      );
    return fail("apply-error", error);
  }
  const verified = verifyReleaseManifest(manifestBytes, signatureBytes, deps.trustedKeys);
  if (!verified.ok) return refuse(new Refusal(verified.reason, "updater", verified.detail), claimed);
  const manifest = verified.manifest;
  if (requested && manifest.version !== requested)
    return refuse(
      new Refusal(
        "manifest-invalid",
        "updater",
        `${manifestKey} describes ${manifest.version}, not ${requested}`,
      ),
      manifest.version,
    );

  // 2. The customer's policy.
  const decision = decideUpdate({
    running,
    available: manifest.version,
    policy: config.policy,
    now: request.now,
  });
  if (decision.action === "refuse")
    return refuse(new Refusal("downgrade", "updater", decision.detail), manifest.version);
  if (decision.action === "none") return { kind: "up-to-date", running, detail: decision.detail };

  const functionFiles = manifest.files.filter(
    (f) => f.function && live.has(f.function) && live.get(f.function)?.releaseVersion !== manifest.version,
  );
  const withTemplate = manifest.template && deps.stack && config.stackName ? manifest.template : undefined;
  if (functionFiles.length === 0 && !withTemplate)
    return { kind: "up-to-date", running, detail: `no managed component differs from ${manifest.version}` };

  for (const f of functionFiles)
    await emit("vigil.update.available.v1", {
      component: f.function ?? "agent",
      currentVersion: (f.function && live.get(f.function)?.releaseVersion) || NO_VERSION,
      availableVersion: manifest.version,
      sha256: f.sha256,
      releasedAt: manifest.createdAt,
    });
  if (withTemplate)
    await emit("vigil.update.available.v1", {
      component: "stack",
      currentVersion: current,
      availableVersion: manifest.version,
      sha256: withTemplate.sha256,
      releasedAt: manifest.createdAt,
    });
  if (decision.action === "defer") {
    log(decision.detail);
    return { kind: "deferred", version: manifest.version, detail: decision.detail };
  }

  // 3. Every artifact against the hash the platform recorded (a channel separate from the bucket).
  let verifiedBytes: Map<string, { bytes: Buffer; sha256: string }>;
  try {
    verifiedBytes = await verifyRelease(deps, manifest, retry, new Set(functionFiles.map((f) => f.name)));
  } catch (error) {
    if (error instanceof Refusal) return refuse(error, manifest.version);
    if (isTransient(error))
      return fail(
        error.name === "PlatformUnavailableError" ? "platform-unreachable" : "release-unreachable",
        error,
      );
    return fail("apply-error", error);
  }

  // 4. Apply: the template first (functions may need what it adds), then each function.
  const applied: Component[] = [];
  try {
    if (withTemplate && deps.stack && config.stackName) {
      const template = verifiedBytes.get(TEMPLATE);
      if (!template) throw new Error("verified template missing");
      const result = await applyTemplate(deps.stack, {
        stackName: config.stackName,
        changeSetName: changeSetName(manifest.version, request.checkId),
        template: template.bytes,
      });
      if (!result.ok) {
        await emit("vigil.update.rolled-back.v1", {
          component: "stack",
          fromVersion: manifest.version,
          toVersion: current,
          healthCheck: result.detail.slice(0, 1024),
        });
        await alert("stack", {
          severity: "high",
          subject: `Vigil update ${manifest.version}: stack update failed`,
          message: `${result.detail}. ${result.executed ? "CloudFormation rolled the stack back" : "The change set was deleted; nothing changed"}; ${current} keeps running.`,
          version: manifest.version,
        });
        return { kind: "rolled-back", version: manifest.version, component: "stack", detail: result.detail };
      }
      if (result.changed) {
        applied.push("stack");
        await emit("vigil.update.applied.v1", {
          component: "stack",
          fromVersion: current,
          toVersion: manifest.version,
          sha256: template.sha256,
          signatureVerified: true,
        });
      }
    }

    const plans: FunctionPlan[] = functionFiles.map((f) => {
      const fn = f.function as ReleaseFunction;
      const target = live.get(fn);
      const verifiedFile = verifiedBytes.get(f.name);
      if (!target || !verifiedFile) throw new Error(`no verified package for ${fn}`);
      return {
        function: fn,
        functionName: target.functionName,
        previous: target,
        zip: verifiedFile.bytes,
        sha256: verifiedFile.sha256,
      };
    });
    const result = await applyFunctions(deps.functions, plans, manifest.version);
    if (!result.ok) {
      for (const plan of result.restored)
        await emit("vigil.update.rolled-back.v1", {
          component: plan.function,
          fromVersion: manifest.version,
          toVersion:
            (plan.previous.releaseVersion &&
              isSemver(plan.previous.releaseVersion) &&
              plan.previous.releaseVersion) ||
            NO_VERSION,
          healthCheck: result.detail.slice(0, 1024),
        });
      const stranded = result.stranded.map((s) => `${s.plan.functionName}: ${s.error}`).join("; ");
      await alert(result.failed, {
        severity: stranded ? "critical" : "high",
        subject: `Vigil update ${manifest.version} rolled back`,
        message: `${result.detail}. ${
          stranded
            ? `Could not move these aliases back, set them by hand: ${stranded}`
            : `Every function is back on its previous version (${current}).`
        }`,
        version: manifest.version,
      });
      return {
        kind: "rolled-back",
        version: manifest.version,
        component: result.failed,
        detail: result.detail,
      };
    }
    for (const plan of result.applied) {
      applied.push(plan.function);
      await emit("vigil.update.applied.v1", {
        component: plan.function,
        fromVersion:
          (plan.previous.releaseVersion &&
            isSemver(plan.previous.releaseVersion) &&
            plan.previous.releaseVersion) ||
          NO_VERSION,
        toVersion: manifest.version,
        sha256: plan.sha256,
        signatureVerified: true,
      });
    }
  } catch (error) {
    return fail("apply-error", error);
  }
  log(`applied ${manifest.version} to ${applied.join(", ") || "nothing"}`);
  return { kind: "applied", from: running, to: manifest.version, components: applied };
}

const TEMPLATE = "\u0000template";

/**
 * Download and verify every file (and the template) the manifest lists. Only the packages that will
 * be applied are kept in memory. Throws `Refusal` for anything that does not match the platform's
 * record, or a transient error once retries are spent.
 */
async function verifyRelease(
  deps: UpdaterDeps,
  manifest: ReleaseManifest,
  retry: RetryOptions,
  keep: ReadonlySet<string>,
): Promise<Map<string, { bytes: Buffer; sha256: string }>> {
  const recorded = await withRetry(() => deps.hashes.getRecordedHashes(manifest.version), retry);
  if (!recorded)
    throw new Refusal(
      "hash-missing",
      "updater",
      `the platform has no hashes recorded for ${manifest.version}; an unrecorded release is never applied`,
    );
  const items = manifest.files.map((f) => ({
    name: f.name,
    key: f.key,
    size: f.size,
    manifestSha: f.sha256,
    recordedSha: recorded.files[f.name],
    component: (f.function ?? "updater") as Component,
    keepBytes: keep.has(f.name),
  }));
  if (manifest.template)
    items.push({
      name: TEMPLATE,
      key: manifest.template.key,
      size: manifest.template.size,
      manifestSha: manifest.template.sha256,
      recordedSha: recorded.template,
      component: "stack",
      keepBytes: true,
    });
  const out = new Map<string, { bytes: Buffer; sha256: string }>();
  for (const item of items) {
    const label = item.name === TEMPLATE ? "template" : item.name;
    if (!item.recordedSha)
      throw new Refusal(
        "hash-missing",
        item.component,
        `the platform recorded no SHA-256 for ${label} of ${manifest.version}`,
      );
    if (item.recordedSha !== item.manifestSha)
      throw new Refusal(
        "hash-disagrees",
        item.component,
        `${label}: the manifest says ${item.manifestSha}, the platform recorded ${item.recordedSha}`,
      );
    let check: Awaited<ReturnType<typeof verifyArtifact>>;
    try {
      check = await withRetry(
        async () =>
          verifyArtifact(await deps.releases.open(item.key, item.size), {
            name: label,
            sha256: item.recordedSha as string,
            size: item.size,
          }),
        retry,
      );
    } catch (error) {
      if (error instanceof ReleaseObjectMissingError)
        throw new Refusal("artifact-missing", item.component, error.message);
      if (error instanceof ReleaseObjectTooLargeError)
        throw new Refusal("size-mismatch", item.component, `${label}: ${error.message}`);
      throw error;
    }
    if (!check.ok)
      throw new Refusal(
        check.problem === "sha256-mismatch" ? "sha256-mismatch" : "size-mismatch",
        item.component,
        check.detail,
      );
    if (item.keepBytes) out.set(item.name, { bytes: check.bytes, sha256: check.sha256 });
  }
  return out;
}

/** The version a manifest claims, read without trusting it (for refusal events only). */
function claimedVersion(bytes: Buffer): string | undefined {
  try {
    const v = (JSON.parse(bytes.toString("utf8")) as { version?: unknown }).version;
    return typeof v === "string" && isSemver(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `[a-zA-Z][-a-zA-Z0-9]*`, ≤ 128 characters, unique per check. */
function changeSetName(version: string, checkId: string): string {
  return `vigil-update-${version}-${checkId}`.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 128);
}
