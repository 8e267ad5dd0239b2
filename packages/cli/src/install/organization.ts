import { randomBytes } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { DynamoDbEventStore, generateReleaseSigningKey, type ReleaseSigningKey } from "@vigil/events";
import { ARTIFACTS, PLATFORM_ARTIFACTS } from "@vigil/infra";
import { type RunningPlatform, type StartPlatformOptions, startPlatform } from "@vigil/platform";
import {
  createEmulatedOrganization,
  createStack,
  deleteStack,
  type EmulatedAccount,
  type EmulatedAccountOptions,
  type EmulatedOrganization,
  type Invocation,
  type StackOutcome,
  type StackSetsState,
  startEmulatedAccount,
  uploadRelease,
} from "@vigil/testkit";
import { describeFailure, InstallStepError, publishAndRecordRelease, RELEASE_BUCKET } from "./flow.ts";

/**
 * An organization's install, played in the emulated AWS: an AWS Organization (moto's, run from its
 * management account), the organization template deployed there from the built release — the
 * service-managed StackSet, which the emulated CloudFormation deploys to every member account and
 * to accounts that join later, and the management account's own member stack — and the platform
 * beside it, verifying enrollments against the emulated STS and Organizations. Each step checks its
 * outcome and throws with what went wrong.
 */

export const ORGANIZATION_STACK = "vigil-organization";
export const PLATFORM_STACK = "vigil-platform";

export interface MemberView {
  accountId: string;
  integrationId: string;
  status: string;
  keyId?: string;
  lastScan?: { scanId: string; status: string; at: string };
}

export interface OrganizationView {
  organization: { organizationIntegrationId: string; organizationId: string };
  members: MemberView[];
  rollup: {
    accounts: number;
    byStatus: Record<string, number>;
    assets: number;
    failed: number;
    failedBySeverity: Record<string, number>;
    notAssessed: number;
    byAccount: {
      accountId: string;
      integrationId: string;
      status: string;
      assets: number;
      failed: number;
      failedBySeverity: Record<string, number>;
    }[];
  };
}

export interface OrganizationScanProgress {
  scanId: string;
  byStatus: Record<string, number>;
  done: boolean;
  accounts: {
    accountId: string;
    integrationId: string;
    status: string;
    shards: { completed: number; total: number | null };
    assets: number;
    failed: number;
  }[];
}

export class EmulatedOrganizationInstallation {
  readonly signingKey: ReleaseSigningKey = generateReleaseSigningKey();
  #registered: { organizationIntegrationId: string; enrollmentSecret: string } | undefined;
  #stackId: string | undefined;
  #eventStore: { close(): void } | undefined;

  private constructor(
    readonly account: EmulatedAccount,
    readonly organization: EmulatedOrganization,
    readonly platform: RunningPlatform,
    readonly adminToken: string,
    /** The platform's own stack (its bus, ingest queue and function, tables), when routing is on. */
    readonly platformStack: StackOutcome | undefined,
  ) {}

  /**
   * The emulated AWS with its organization, and the platform. With `routing`, the platform's own
   * stack is deployed from that release in the management account first (its bus admits the
   * organization, its ingest function records what arrives there) and the platform's API runs on
   * that stack's event log, so what members send over EventBridge and what they send over HTTP meet
   * in one log; member stacks then get `PlatformEventBusArn`. Without it the platform's log is in
   * memory and members report over signed HTTP only.
   */
  static async start(options: {
    adminToken: string;
    account?: EmulatedAccountOptions;
    platform?: Omit<StartPlatformOptions, "adminToken">;
    routing?: { releaseDir: string; version: string };
  }): Promise<EmulatedOrganizationInstallation> {
    const logs =
      process.env.VIGIL_RUNNER_LOGS === "1"
        ? { onLog: (fn: string, line: string) => process.stderr.write(`[${fn}] ${line}\n`) }
        : {};
    const account = await startEmulatedAccount({ ...logs, ...options.account });
    try {
      const organization = await createEmulatedOrganization(account);
      const stack = options.routing
        ? await deployPlatformStack(account, organization, options.routing)
        : undefined;
      const platform = await startPlatform({
        ...options.platform,
        ...(stack ? { eventStore: stack.eventStore } : {}),
        adminToken: options.adminToken,
        // The platform holds no AWS credentials: it executes what members presign, against the emulated AWS.
        config: {
          ...options.platform?.config,
          awsEndpoints: { sts: account.endpoint, organizations: account.endpoint },
        },
      });
      const world = new EmulatedOrganizationInstallation(
        account,
        organization,
        platform,
        options.adminToken,
        stack?.outcome,
      );
      world.#eventStore = stack ? { close: stack.close } : undefined;
      return world;
    } catch (error) {
      await account.stop();
      throw error;
    }
  }

  get organizationIntegrationId(): string {
    if (!this.#registered) throw new InstallStepError("the organization is not registered at the platform");
    return this.#registered.organizationIntegrationId;
  }

  async stop(): Promise<void> {
    this.organization.destroy();
    await this.platform.stop();
    this.#eventStore?.close();
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

  /** The admin registers the organization at the platform and gets its enrollment secret. */
  async register(): Promise<{ organizationIntegrationId: string; enrollmentSecret: string }> {
    const created = await this.api<{ organizationIntegrationId: string; enrollmentSecret: string }>(
      "/admin/organizations",
      {
        method: "POST",
        body: JSON.stringify({
          organizationId: this.organization.organizationId,
          homeRegion: this.account.region,
          managementAccountId: this.organization.managementAccountId,
          enrollmentSecret: { validForDays: 30 },
        }),
      },
    );
    if (created.status !== 201)
      throw new InstallStepError(`the platform refused the organization: ${JSON.stringify(created.body)}`);
    this.#registered = created.body;
    return created.body;
  }

  /**
   * Deploys the organization template in the management account from the release in S3: the
   * StackSet targets `organizationalUnitIds` (default: the root, so every account), and the
   * management account's member stack; waits until the StackSet's instances are deployed and their
   * registrations have run. Throws unless the stack is CREATE_COMPLETE and every instance CURRENT.
   */
  async deploy(options: {
    releaseDir: string;
    version: string;
    organizationalUnitIds?: string[];
    parameters?: Record<string, string>;
  }): Promise<StackOutcome> {
    const registered = this.#registered ?? (await this.register());
    const prefix = `releases/${options.version}`;
    await uploadRelease(this.account, { dir: options.releaseDir, bucket: RELEASE_BUCKET, prefix });
    const outcome = await createStack(this.account, {
      stackName: ORGANIZATION_STACK,
      bucket: RELEASE_BUCKET,
      templateKey: `${prefix}/${ARTIFACTS.stackSetTemplate}`,
      parameters: {
        IntegrationId: registered.organizationIntegrationId,
        OrganizationId: this.organization.organizationId,
        EnrollmentSecret: registered.enrollmentSecret,
        PlatformUrl: this.platform.url,
        ArtifactBucket: RELEASE_BUCKET,
        ArtifactPrefix: prefix,
        ScanRegions: this.account.region,
        ReleasePublicKeys: this.signingKey.publicKeyPem,
        OrganizationalUnitIds: (options.organizationalUnitIds ?? [this.organization.rootId]).join(","),
        ...(this.platformStack
          ? { PlatformEventBusArn: this.platformStack.outputs.EventBusArn as string }
          : {}),
        ...options.parameters,
      },
    });
    this.#stackId = outcome.stackId;
    const sets = await this.account.settleStackSets();
    if (outcome.status !== "CREATE_COMPLETE")
      throw new InstallStepError(
        `the organization stack is ${outcome.status}: ${outcome.events
          .filter((e) => /FAILED/.test(e.ResourceStatus ?? ""))
          .map((e) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`)
          .join("; ")}${this.failureReport()}`,
      );
    const failed = sets.stackSets.flatMap((s) => s.instances).filter((i) => i.status !== "CURRENT");
    if (failed.length > 0)
      throw new InstallStepError(
        `StackSet instances failed: ${JSON.stringify(failed)}${this.failureReport()}`,
      );
    return outcome;
  }

  /** Deletes the organization stack (the StackSet deletes every member stack first). */
  async undeploy(): Promise<StackOutcome> {
    if (!this.#stackId) throw new InstallStepError("the organization template is not deployed");
    const outcome = await deleteStack(this.account, this.#stackId, 600_000);
    await this.account.settleStackSets();
    if (outcome.status !== "DELETE_COMPLETE")
      throw new InstallStepError(`the organization stack is ${outcome.status}${this.failureReport()}`);
    this.#stackId = undefined;
    return outcome;
  }

  stackSets(): Promise<StackSetsState> {
    return this.account.stackSets();
  }

  async view(): Promise<OrganizationView> {
    const out = await this.api<OrganizationView>(`/api/organizations/${this.organizationIntegrationId}`);
    if (out.status !== 200)
      throw new InstallStepError(
        `GET /api/organizations answered ${out.status}: ${JSON.stringify(out.body)}`,
      );
    return out.body;
  }

  /** Polls the organization's view until `done` holds (the views follow the log). */
  async waitForView(
    what: string,
    done: (view: OrganizationView) => boolean,
    timeoutMs = 60_000,
  ): Promise<OrganizationView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const view = await this.view();
      if (done(view)) return view;
      if (Date.now() > deadline)
        throw new InstallStepError(
          `${what}: not reached within ${timeoutMs / 1000} s; members: ${JSON.stringify(view.members.map((m) => [m.accountId, m.status]))}${this.failureReport()}`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * Publishes a release to the release bucket as Vigil's release process does (signed manifest,
   * channel pointer) and records its hashes at the platform: what every member's updater checks.
   */
  async publish(releaseDir: string, version: string): Promise<void> {
    await publishAndRecordRelease(this.account, this, this.signingKey, releaseDir, version);
  }

  /**
   * Scan now, organization-wide: the admin's command, then each active member's heartbeat schedule
   * fires (the agent checks in, takes the command, its scan runs and its heartbeats drain the jobs)
   * until the platform shows every account's scan completed. Returns the scan and its progress.
   */
  async scanOrganization(
    options: { spreadMinutes?: number; timeoutMs?: number } = {},
  ): Promise<{ scanId: string; progress: OrganizationScanProgress }> {
    const started = await this.api<{ scanId: string; accounts: { accountId: string }[] }>(
      `/admin/organizations/${this.organizationIntegrationId}/commands`,
      {
        method: "POST",
        body: JSON.stringify({ command: "scan", spreadMinutes: options.spreadMinutes ?? 0 }),
      },
    );
    if (started.status !== 202)
      throw new InstallStepError(`the platform refused the scan: ${JSON.stringify(started.body)}`);
    const { scanId, accounts } = started.body;
    const deadline = Date.now() + (options.timeoutMs ?? 300_000);
    for (;;) {
      const progress = await this.scanProgress(scanId);
      if (progress.done) return { scanId, progress };
      if (Date.now() > deadline) {
        // What the agents said about reaching the platform (a copy they could not deliver).
        const warnings = this.account.runner
          .invocations()
          .flatMap((i) => i.logs.split("\n"))
          .filter((line) => /could not report|did not take|could not be put/.test(line))
          .slice(-20);
        throw new InstallStepError(
          `the organization's scan did not complete: ${JSON.stringify(progress.accounts)}${
            warnings.length > 0 ? `\nagents' delivery warnings:\n${warnings.join("\n")}` : ""
          }`,
        );
      }
      for (const { accountId } of accounts) {
        const account = progress.accounts.find((a) => a.accountId === accountId);
        if (account?.status === "completed" || account?.status === "failed") continue;
        await this.account.fireSchedules(/Heartbeat/, accountId);
      }
      await this.account.runner.settle();
      this.throwOnFailures(`scan ${scanId}`);
    }
  }

  async scanProgress(scanId: string): Promise<OrganizationScanProgress> {
    const out = await this.api<OrganizationScanProgress>(
      `/api/organizations/${this.organizationIntegrationId}/scans/${scanId}`,
    );
    if (out.status !== 200)
      throw new InstallStepError(`the scan's progress answered ${out.status}: ${JSON.stringify(out.body)}`);
    return out.body;
  }

  /** Invocations of the platform's ingest function (what arrived over EventBridge). */
  ingestInvocations(): readonly Invocation[] {
    const name = this.platformStack?.outputs.IngestFunctionName;
    return name ? this.account.runner.invocations({ functionName: name }) : [];
  }

  failures(): Invocation[] {
    return this.account.runner.invocations().filter((i) => i.status !== "succeeded");
  }

  failureReport(): string {
    const failed = this.failures();
    const refusals = this.account.runner.refusals;
    return `${failed.length > 0 ? `\n${failed.map(describeFailure).join("\n")}` : ""}${refusals
      .map((r) => `\nrefused: ${r.reason}`)
      .join("")}`;
  }

  throwOnFailures(step: string): void {
    const failed = this.failures();
    const refusals = this.account.runner.refusals;
    if (failed.length > 0 || refusals.length > 0)
      throw new InstallStepError(
        `${step}: ${failed.length} invocation(s) failed, ${refusals.length} delivery(ies) refused${this.failureReport()}`,
      );
  }
}

/**
 * The platform's own stack in the management account, as an operator deploys it (its secrets in an
 * SSM SecureString, `OrganizationId` so its bus admits the organization), and an event store on
 * its event table for the platform's API running beside it.
 */
async function deployPlatformStack(
  account: EmulatedAccount,
  organization: EmulatedOrganization,
  release: { releaseDir: string; version: string },
): Promise<{ outcome: StackOutcome; eventStore: DynamoDbEventStore; close(): void }> {
  const prefix = `releases/${release.version}`;
  await uploadRelease(account, { dir: release.releaseDir, bucket: RELEASE_BUCKET, prefix });
  const secrets = "/vigil/platform/secrets";
  const ssm = new SSMClient(account.clientConfig());
  try {
    await ssm.send(
      new PutParameterCommand({
        Name: secrets,
        Type: "SecureString",
        Value: JSON.stringify({
          adminToken: randomBytes(32).toString("base64url"),
          sessionSecret: randomBytes(32).toString("base64url"),
        }),
      }),
    );
  } finally {
    ssm.destroy();
  }
  const outcome = await createStack(account, {
    stackName: PLATFORM_STACK,
    bucket: RELEASE_BUCKET,
    templateKey: `${prefix}/${PLATFORM_ARTIFACTS.template}`,
    parameters: {
      ArtifactBucket: RELEASE_BUCKET,
      ArtifactPrefix: prefix,
      ProtectedSettingsParameter: secrets,
      OrganizationId: organization.organizationId,
    },
  });
  if (outcome.status !== "CREATE_COMPLETE")
    throw new InstallStepError(`the platform stack is ${outcome.status}`);
  const dynamodb = new DynamoDBClient(account.clientConfig());
  const s3 = new S3Client(account.clientConfig());
  const eventStore = new DynamoDbEventStore({
    client: dynamodb,
    tableName: outcome.outputs.EventTableName as string,
    claimCheck: { s3, bucket: outcome.outputs.ClaimCheckBucketName as string },
    // The deployed store's settle window (5 s): the ingest function's appends, stamped in another
    // process, are never skipped by the API's views.
  });
  return {
    outcome,
    eventStore,
    close: () => {
      dynamodb.destroy();
      s3.destroy();
    },
  };
}
