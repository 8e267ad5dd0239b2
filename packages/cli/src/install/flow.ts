import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { generateReleaseSigningKey, type ReleaseSigningKey } from "@vigil/events";
import { buildRelease, LAMBDA_ENTRIES, type LambdaEntry, writeRelease } from "@vigil/infra";
import { type RunningPlatform, type StartPlatformOptions, startPlatform } from "@vigil/platform";
import {
  createStack,
  deleteStack,
  type EmulatedAccount,
  type EmulatedAccountOptions,
  type Invocation,
  type StackOutcome,
  startEmulatedAccount,
  updateStack,
  uploadRelease,
} from "@vigil/testkit";
import { publishRelease } from "@vigil/updater";
import { repoRoot } from "../commands/release-options.ts";

/**
 * A user's installation, played in the emulated AWS account: the release built as `vigil templates`
 * builds it, uploaded to S3 and deployed through CloudFormation, every function running from its
 * built zip in Node 22, the platform beside it. `vigil demo` and the install tests drive the same
 * steps; each step checks its outcome and throws with what went wrong (failed invocations with their
 * logs, the stack's events) instead of carrying on.
 */

export const RELEASE_BUCKET = "vigil-releases";
export const STACK_NAME = "vigil";

export class InstallStepError extends Error {
  override readonly name = "InstallStepError";
}

export interface IntegrationView {
  integration: {
    status: string;
    lastScan?: { scanId: string; status: string; at: string };
    lastHeartbeat?: { at: string; agentVersion: string; updaterVersion?: string; enabledRegions: string[] };
  } & Record<string, unknown>;
  counts: { total: number } | null;
  /** The updater's alerts the platform holds (relayed by the agent), newest first. */
  alerts: { component: string; severity: string; message: string; version?: string }[];
}

export class EmulatedInstallation {
  readonly signingKey: ReleaseSigningKey = generateReleaseSigningKey();
  #stackId: string | undefined;
  #installed: { version: string; parameters: Record<string, string> } | undefined;

  private constructor(
    readonly account: EmulatedAccount,
    readonly platform: RunningPlatform,
    readonly adminToken: string,
  ) {}

  static async start(
    options: {
      adminToken: string;
      account?: EmulatedAccountOptions;
      platform?: Omit<StartPlatformOptions, "adminToken">;
    } = { adminToken: "" },
  ): Promise<EmulatedInstallation> {
    // VIGIL_RUNNER_LOGS=1 prints every line the functions log (their CloudWatch logs) to stderr.
    const logs =
      process.env.VIGIL_RUNNER_LOGS === "1"
        ? { onLog: (fn: string, line: string) => process.stderr.write(`[${fn}] ${line}\n`) }
        : {};
    const account = await startEmulatedAccount({ ...logs, ...options.account });
    try {
      const platform = await startPlatform({ ...options.platform, adminToken: options.adminToken });
      return new EmulatedInstallation(account, platform, options.adminToken);
    } catch (error) {
      await account.stop();
      throw error;
    }
  }

  get stackId(): string | undefined {
    return this.#stackId;
  }

  async stop(): Promise<void> {
    await this.platform.stop();
    await this.account.stop();
  }

  /** The admin's API, as `curl` would call it. */
  async api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.platform.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${this.adminToken}`,
        "content-type": "application/json",
        ...init.headers,
      },
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async createIntegration(): Promise<{ integrationId: string; registrationToken: string }> {
    const created = await this.api<{ integrationId: string; registrationToken: string }>(
      "/admin/integrations",
      {
        method: "POST",
        body: JSON.stringify({ accountId: this.account.accountId, homeRegion: this.account.region }),
      },
    );
    if (created.status !== 201)
      throw new InstallStepError(`the platform refused the integration: ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async newRegistrationToken(integrationId: string): Promise<string> {
    const token = await this.api<{ registrationToken: string }>(
      `/admin/integrations/${integrationId}/registration-tokens`,
      { method: "POST", body: "{}" },
    );
    if (token.status !== 201)
      throw new InstallStepError(`the platform issued no new token: ${JSON.stringify(token.body)}`);
    return token.body.registrationToken;
  }

  async integration(integrationId: string): Promise<IntegrationView> {
    const view = await this.api<IntegrationView>(`/api/integrations/${integrationId}`);
    if (view.status !== 200) throw new InstallStepError(`GET integration answered ${view.status}`);
    return view.body;
  }

  /** Deploys the root stack from the release in S3 under `releases/<version>`; throws unless CREATE_COMPLETE. */
  async install(options: {
    releaseDir: string;
    version: string;
    integrationId: string;
    registrationToken: string;
    parameters?: Record<string, string>;
  }): Promise<StackOutcome> {
    const prefix = `releases/${options.version}`;
    await uploadRelease(this.account, { dir: options.releaseDir, bucket: RELEASE_BUCKET, prefix });
    const parameters = {
      IntegrationId: options.integrationId,
      PlatformUrl: this.platform.url,
      RegistrationToken: options.registrationToken,
      ArtifactBucket: RELEASE_BUCKET,
      ArtifactPrefix: prefix,
      ScanRegions: this.account.region,
      ReleasePublicKeys: this.signingKey.publicKeyPem,
      ...options.parameters,
    };
    const outcome = await createStack(this.account, {
      stackName: STACK_NAME,
      bucket: RELEASE_BUCKET,
      templateKey: `${prefix}/vigil-root.template.json`,
      parameters,
    });
    await this.account.runner.settle();
    this.#stackId = outcome.stackId;
    this.#installed = { version: options.version, parameters };
    if (outcome.status !== "CREATE_COMPLETE")
      throw new InstallStepError(
        `the stack is ${outcome.status}: ${stackReasons(outcome)}${this.failureReport()}`,
      );
    return outcome;
  }

  /** A stack update with some parameters changed (the installed release's template); throws unless UPDATE_COMPLETE. */
  async updateParameters(changed: Record<string, string>): Promise<StackOutcome> {
    if (!this.#stackId || !this.#installed) throw new InstallStepError("nothing is installed");
    const parameters = { ...this.#installed.parameters, ...changed };
    const outcome = await updateStack(this.account, {
      stackId: this.#stackId,
      bucket: RELEASE_BUCKET,
      templateKey: `releases/${this.#installed.version}/vigil-root.template.json`,
      parameters,
    });
    await this.account.runner.settle();
    if (outcome.status !== "UPDATE_COMPLETE")
      throw new InstallStepError(
        `the stack is ${outcome.status}: ${stackReasons(outcome)}${this.failureReport()}`,
      );
    this.#installed = { ...this.#installed, parameters };
    return outcome;
  }

  /** Deletes the stack (the agent's teardown runs as its custom resource's Delete); throws unless DELETE_COMPLETE. */
  async uninstall(): Promise<StackOutcome> {
    if (!this.#stackId) throw new InstallStepError("nothing is installed");
    const outcome = await deleteStack(this.account, this.#stackId);
    await this.account.runner.settle();
    if (outcome.status !== "DELETE_COMPLETE")
      throw new InstallStepError(
        `the stack is ${outcome.status}: ${stackReasons(outcome)}${this.failureReport()}`,
      );
    this.#stackId = undefined;
    this.#installed = undefined;
    return outcome;
  }

  /**
   * A scheduled scan: the scan rule fires, then heartbeats (each drains pending jobs) until the
   * platform shows the scan completed. Returns the scan's id.
   */
  async scheduledScan(
    integrationId: string,
    timeoutMs = 120_000,
    options: {
      /** Between heartbeats: what else happens in the account (the EBS scanner instance acting). */
      between?: () => Promise<unknown>;
    } = {},
  ): Promise<string> {
    const before = (await this.integration(integrationId)).integration.lastScan?.scanId;
    const fired = await this.account.fireSchedules(/ScanSchedule/);
    if (fired.length !== 1)
      throw new InstallStepError(`expected one scan schedule rule, found ${fired.length}`);
    await this.account.runner.settle();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.throwOnFailures("the scan");
      const last = (await this.integration(integrationId)).integration.lastScan;
      const scan = last?.scanId !== before ? last : undefined;
      if (scan?.status === "completed") return scan.scanId;
      if (scan?.status === "failed")
        throw new InstallStepError(`scan ${scan.scanId} failed${this.failureReport()}`);
      if (Date.now() > deadline) {
        // What the agent last said: its drains and their outcomes, to tell a stall from a slow machine.
        const recent = this.account.runner
          .invocations()
          .slice(-6)
          .map((i) => `\n  ${i.function.functionName} (${i.trigger.source}): ${JSON.stringify(i.result)}`)
          .join("");
        throw new InstallStepError(
          `the scan did not complete within ${timeoutMs / 1000} s: ${JSON.stringify(scan)}; the last invocations:${recent}`,
        );
      }
      if (options.between) {
        await options.between();
        await this.account.runner.settle();
      }
      await this.account.fireSchedules(/Heartbeat/);
      await this.account.runner.settle();
    }
  }

  /**
   * Publishes a release to the release bucket as Vigil's release process does: artifacts under
   * `releases/<version>/`, the manifest signed with the release key the stack trusts, the channel
   * pointed at it, and the hashes recorded at the platform.
   */
  async publish(releaseDir: string, version: string): Promise<void> {
    await publishAndRecordRelease(this.account, this, this.signingKey, releaseDir, version);
  }

  /** The updater's schedule fires once; returns what the updater answered. */
  async updateCheck(): Promise<unknown> {
    const fired = await this.account.fireSchedules(/UpdateCheck/);
    if (fired.length !== 1)
      throw new InstallStepError(`expected one update-check rule, found ${fired.length}`);
    await this.account.runner.settle();
    const check = this.account.runner
      .invocations({ source: "events" })
      .filter((i) => i.function.functionName.includes("updater"))
      .at(-1);
    if (!check) throw new InstallStepError("the update check did not run");
    if (check.status !== "succeeded")
      throw new InstallStepError(`the update check ${check.status}${this.failureReport()}`);
    return check.result;
  }

  failures(): Invocation[] {
    return this.account.runner.invocations().filter((i) => i.status !== "succeeded");
  }

  /** Every failed invocation with its error and the end of its log. */
  failureReport(): string {
    const failed = this.failures();
    if (failed.length === 0) return "";
    return `\n${failed.map(describeFailure).join("\n")}`;
  }

  throwOnFailures(step: string): void {
    const failed = this.failures();
    const refusals = this.account.runner.refusals;
    if (failed.length > 0 || refusals.length > 0)
      throw new InstallStepError(
        `${step}: ${failed.length} invocation(s) failed, ${refusals.length} delivery(ies) refused${this.failureReport()}${refusals
          .map((r) => `\n${r.reason}`)
          .join("")}`,
      );
  }
}

/** The failed ones among `invocations`, each with its error and the end of its log ("" when none failed). */
export function failedInvocationsReport(invocations: readonly Invocation[]): string {
  return invocations
    .filter((i) => i.status !== "succeeded")
    .map(describeFailure)
    .join("\n");
}

export function describeFailure(i: Invocation): string {
  return `${i.function.functionName} v${i.function.version} (${i.trigger.source}, try ${i.attempt}): ${i.status} ${i.error?.type}: ${i.error?.message}\n${i.logs.slice(-1500)}`;
}

function stackReasons(outcome: StackOutcome): string {
  return outcome.events
    .filter((e) => e.ResourceStatusReason && /FAILED/.test(e.ResourceStatus ?? ""))
    .map((e) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`)
    .join("; ");
}

/** `vigil templates` for one version into a fresh directory (the build a user runs). */
export async function buildReleaseDir(
  version: string,
  options: { entries?: readonly LambdaEntry[]; dir?: string } = {},
): Promise<string> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `vigil-release-${version}-`));
  const release = await buildRelease({
    version,
    root: repoRoot(),
    entries: options.entries ?? LAMBDA_ENTRIES,
    createdAt: "2026-01-01T00:00:00.000Z",
  });
  writeRelease(release, dir);
  return dir;
}

/**
 * Publishes a release to the emulated account's release bucket as Vigil's release process does
 * (artifacts under `releases/<version>/`, the signed manifest, the channel) and records its hashes
 * at the platform: what every updater checks. Shared by the single-account and organization installs.
 */
export async function publishAndRecordRelease(
  account: { clientConfig(): S3ClientConfig },
  platform: { api<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> },
  signingKey: ReleaseSigningKey,
  releaseDir: string,
  version: string,
): Promise<void> {
  const s3 = new S3Client(account.clientConfig());
  try {
    // The functions the updater updates: the platform's zip belongs to the platform's own stack.
    const files = readdirSync(releaseDir)
      .filter((name) => name === "agent.zip" || name === "updater.zip")
      .map((name) => ({
        name,
        body: readFileSync(join(releaseDir, name)),
        function: name.replace(/\.zip$/, "") as "agent" | "updater",
      }));
    const published = await publishRelease(s3, RELEASE_BUCKET, files, signingKey, { version });
    const recorded = await platform.api("/releases", {
      method: "POST",
      body: JSON.stringify({
        version,
        files: Object.fromEntries(
          published.manifest.files.map((f) => [f.name, { sha256: f.sha256, size: f.size }]),
        ),
      }),
    });
    if (recorded.status !== 201 && recorded.status !== 200)
      throw new InstallStepError(
        `the platform did not record release ${version}: ${JSON.stringify(recorded.body)}`,
      );
  } finally {
    s3.destroy();
  }
}
