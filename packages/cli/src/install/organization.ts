import { generateReleaseSigningKey, type ReleaseSigningKey } from "@vigil/events";
import { ARTIFACTS } from "@vigil/infra";
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
import { describeFailure, InstallStepError, RELEASE_BUCKET } from "./flow.ts";

/**
 * An organization's install, played in the emulated AWS: an AWS Organization (moto's, run from its
 * management account), the organization template deployed there from the built release — the
 * service-managed StackSet, which the emulated CloudFormation deploys to every member account and
 * to accounts that join later, and the management account's own member stack — and the platform
 * beside it, verifying enrollments against the emulated STS and Organizations. Each step checks its
 * outcome and throws with what went wrong.
 */

export const ORGANIZATION_STACK = "vigil-organization";

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

export class EmulatedOrganizationInstallation {
  readonly signingKey: ReleaseSigningKey = generateReleaseSigningKey();
  #registered: { organizationIntegrationId: string; enrollmentSecret: string } | undefined;
  #stackId: string | undefined;

  private constructor(
    readonly account: EmulatedAccount,
    readonly organization: EmulatedOrganization,
    readonly platform: RunningPlatform,
    readonly adminToken: string,
  ) {}

  static async start(options: {
    adminToken: string;
    account?: EmulatedAccountOptions;
    platform?: Omit<StartPlatformOptions, "adminToken">;
  }): Promise<EmulatedOrganizationInstallation> {
    const logs =
      process.env.VIGIL_RUNNER_LOGS === "1"
        ? { onLog: (fn: string, line: string) => process.stderr.write(`[${fn}] ${line}\n`) }
        : {};
    const account = await startEmulatedAccount({ ...logs, ...options.account });
    try {
      const organization = await createEmulatedOrganization(account);
      const platform = await startPlatform({
        ...options.platform,
        adminToken: options.adminToken,
        // The platform holds no AWS credentials: it executes what members presign, against the emulated AWS.
        config: {
          ...options.platform?.config,
          awsEndpoints: { sts: account.endpoint, organizations: account.endpoint },
        },
      });
      return new EmulatedOrganizationInstallation(account, organization, platform, options.adminToken);
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
