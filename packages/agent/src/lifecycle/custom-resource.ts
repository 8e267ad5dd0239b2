import type { SSMClient } from "@aws-sdk/client-ssm";
import {
  createEvent,
  type DataOf,
  deterministicEventId,
  type EventType,
  type VigilEvent,
} from "@vigil/events";
import * as z from "zod";
import {
  CredentialsMissingError,
  credentialParameterNames,
  deleteCredentials,
  readCredentials,
  ServiceCredentials,
  writeCredentials,
} from "./credentials.ts";
/** The request CloudFormation sends a custom resource (only the fields used here). */
import type {
  CustomResourceEvent,
  CustomResourceResponse,
  LambdaContextLike,
} from "./custom-resource-event.ts";
import { enrollmentAudience, type IdentityProof } from "./identity-proof.ts";
import { jsonLogger, type Logger } from "./log.ts";
import { type PlatformClient, PlatformRequestError } from "./platform-client.ts";
import { platformUrlProblem } from "./platform-url.ts";
import { type TeardownApi, tearDown } from "./teardown.ts";

export {
  type CustomResourceEvent,
  type CustomResourceResponse,
  isCustomResourceEvent,
  type LambdaContextLike,
} from "./custom-resource-event.ts";

/** The registration resource's properties, as the template passes them. */
export const registrationProperties = z.object({
  /** A single account's one-time token; empty for an organization member, which enrolls instead. */
  RegistrationToken: z.string().default(""),
  /** An organization member: the secret the StackSet passes to every stack (empty otherwise). */
  EnrollmentSecret: z.string().default(""),
  /** The integration id the stack was given: for a member, `<organization integration id>-<account id>`. */
  IntegrationId: z.string().default(""),
  /** The AWS Organization a member stack belongs to (the StackSet passes it). */
  OrganizationId: z.string().default(""),
  /** https:// (plain http only on loopback, for local runs): the exchange returns the private key. */
  PlatformUrl: z.string("the platform's base URL").superRefine((url, ctx) => {
    const problem = platformUrlProblem(url);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  TemplateVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/)
    .default("0.0.0"),
  /** A list, or the comma-separated string a CommaDelimitedList parameter becomes. */
  EnabledRegions: z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((r) => r.trim()).filter((r) => r !== ""))
    .default([]),
});
export type RegistrationProperties = z.infer<typeof registrationProperties>;

export interface CustomResourceDeps {
  ssm: SSMClient;
  /** A platform client; with credentials it signs. */
  platform(platformUrl: string, credentials?: ServiceCredentials): PlatformClient;
  teardown: TeardownApi;
  /**
   * Presigns the account's identity proof for the platform (organization members): GetCallerIdentity
   * and DescribeOrganization signed with the agent role's credentials, for `audience`.
   */
  identityProof?: (audience: string) => Promise<IdentityProof>;
  /**
   * SSM prefix of the credentials (the stack's `VIGIL_PARAMETER_PREFIX`, `/vigil/<integrationId>`);
   * `{id}` stands for the integration id, which is known only after the exchange. Default `/vigil/{id}`.
   */
  parameterPrefix?: string;
  /** Regions to tear down when the properties name none (e.g. every region the account has enabled). */
  allRegions(): Promise<string[]>;
  log: Logger;
  now?: () => Date;
  /** PUT the response to the pre-signed URL; `fetch` by default. */
  respond?: (url: string, body: string) => Promise<void>;
  /**
   * Answer this long before the Lambda deadline (default 10 s). When the deadline passes after the
   * token exchange, half of it goes to undoing the registration, the rest to answering.
   */
  safetyMarginMs?: number;
}

/** How to answer when the dependencies themselves could not be built (a misconfigured Lambda). */
export interface CustomResourceFallback {
  log?: Logger;
  respond?: CustomResourceDeps["respond"];
}

const PHYSICAL_PREFIX = "vigil-integration/";
const UNREGISTERED_PREFIX = "vigil-unregistered/";

function prefixFor(deps: CustomResourceDeps, integrationId: string): string | undefined {
  return deps.parameterPrefix?.replaceAll("{id}", integrationId);
}
const REASON_LIMIT = 3000; // the whole response must stay under CloudFormation's 4 KB.

/** Failure of one step, with the reason CloudFormation shows the person deploying the stack. */
export class RegistrationError extends Error {
  override readonly name = "RegistrationError";
}

/**
 * Handle one custom resource request and always answer CloudFormation — SUCCESS, or FAILED with
 * a reason — before the Lambda deadline, so a stack never waits an hour for a lost answer.
 * `deps` may be a function that builds them: when it throws (the Lambda is misconfigured), the
 * request is still answered, through `fallback` — FAILED with the reason, except the Delete of a
 * Create that never registered, which touches nothing and succeeds.
 */
export async function handleCustomResource(
  event: CustomResourceEvent,
  context: LambdaContextLike,
  source: CustomResourceDeps | (() => CustomResourceDeps),
  fallback: CustomResourceFallback = {},
): Promise<CustomResourceResponse> {
  let deps: CustomResourceDeps;
  try {
    deps = typeof source === "function" ? source() : source;
  } catch (error) {
    return answerWithoutDeps(event, error, fallback);
  }
  const log = deps.log;
  log("info", "custom resource request", {
    requestType: event.RequestType,
    logicalResourceId: event.LogicalResourceId,
    stackId: event.StackId,
    requestId: event.RequestId,
  });
  const safetyMarginMs = deps.safetyMarginMs ?? 10_000;
  const budgetMs = Math.max(0, context.getRemainingTimeInMillis() - safetyMarginMs);
  const rollback = new Rollback();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), budgetMs);
  });
  let response: CustomResourceResponse;
  try {
    const first = await Promise.race([
      run(event, deps, rollback).catch((error: unknown) => {
        log("error", "custom resource failed", { requestType: event.RequestType, error: describe(error) });
        return failed(event, reasonOf(error));
      }),
      deadline,
    ]);
    if (first === "deadline") {
      const timedOut = `Vigil did not finish the ${event.RequestType} within the Lambda's time limit; answered before it so the stack does not wait.`;
      // A registration cut short after the exchange is undone before CloudFormation hears of it.
      const undone = await rollback.abort(timedOut, Math.floor(safetyMarginMs / 2));
      log("error", "custom resource timed out", {
        requestType: event.RequestType,
        undone: undone ?? "nothing",
      });
      response = failed(
        event,
        undone
          ? `${timedOut} ${undone}`
          : `${timedOut} Retry the stack operation; see the agent's logs for where it stopped.`,
      );
    } else response = first;
  } finally {
    clearTimeout(timer);
  }
  await answer(event.ResponseURL, response, deps);
  log("info", "custom resource answered", { status: response.Status, requestType: event.RequestType });
  return response;
}

/**
 * What a registration must undo if it does not complete: set once the token is exchanged, cleared
 * once the stack's creation is reported. `abort` (the deadline) runs it, and stops the registration
 * at its next step.
 */
class Rollback {
  #undo: ((cause: string) => Promise<string>) | undefined;
  #aborted = false;

  get aborted(): boolean {
    return this.#aborted;
  }

  set(undo: (cause: string) => Promise<string>): void {
    this.#undo = undo;
    // The deadline passed during the exchange: its answer is gone without this undo, so start it
    // now (it never throws); the registration stops at its first check.
    if (this.#aborted) void undo("The Lambda's time limit passed during the token exchange.");
  }

  commit(): void {
    this.#undo = undefined;
  }

  /** Throws when the deadline passed: the registration must not write anything more. */
  check(): void {
    if (this.#aborted)
      throw new RegistrationError("The registration was stopped at the Lambda's time limit.");
  }

  /** Undo within `withinMs`; the summary of what was undone, or undefined when nothing needed it. */
  async abort(cause: string, withinMs: number): Promise<string | undefined> {
    this.#aborted = true;
    const undo = this.#undo;
    if (!undo) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(
        () =>
          resolve(
            "Undoing the registration did not finish in time either: the key the platform issued may still be active and its parameters in SSM; issue a new registration token (it replaces the key) and create the stack again.",
          ),
        withinMs,
      );
    });
    try {
      return await Promise.race([undo(cause), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function run(
  event: CustomResourceEvent,
  deps: CustomResourceDeps,
  rollback: Rollback,
): Promise<CustomResourceResponse> {
  switch (event.RequestType) {
    case "Create":
      return register(event, deps, rollback);
    case "Update":
      return update(event, deps, rollback);
    case "Delete":
      return remove(event, deps);
  }
}

function stackOf(event: CustomResourceEvent): { accountId: string; region: string; stackName: string } {
  // arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>
  const [, , , region = "", accountId = "", resource = ""] = event.StackId.split(":");
  const stackName = resource.split("/")[1] ?? "";
  if (!/^\d{12}$/.test(accountId) || region === "" || stackName === "") {
    throw new RegistrationError(`StackId ${event.StackId} is not a CloudFormation stack ARN.`);
  }
  return { accountId, region, stackName };
}

function propertiesOf(event: CustomResourceEvent): RegistrationProperties {
  const parsed = registrationProperties.safeParse(event.ResourceProperties);
  if (!parsed.success) {
    throw new RegistrationError(
      `The registration resource's properties are invalid: ${parsed.error.issues
        .map((i) => `${i.path.join(".") || "(properties)"}: ${i.message}`)
        .join("; ")}.`,
    );
  }
  const p = parsed.data;
  if ((p.RegistrationToken === "") === (p.EnrollmentSecret === "")) {
    throw new RegistrationError(
      p.RegistrationToken === ""
        ? "The stack has neither a RegistrationToken (a single account: POST /admin/integrations) nor an EnrollmentSecret (an organization's StackSet: POST /admin/organizations); give it one."
        : "The stack has both a RegistrationToken and an EnrollmentSecret; a single account takes the token, an organization's member stacks the secret. Give it one.",
    );
  }
  if (p.EnrollmentSecret !== "" && (p.OrganizationId === "" || p.IntegrationId === "")) {
    throw new RegistrationError(
      "An organization member stack needs its OrganizationId and IntegrationId besides the EnrollmentSecret; deploy it through the organization's StackSet (vigil-organization.template.json).",
    );
  }
  return p;
}

/** Event factory for one request: ids derive from the request, so a retried request repeats them. */
function eventsFor(event: CustomResourceEvent, integrationId: string, accountId: string, now: Date) {
  let seq = 0;
  return <T extends EventType>(type: T, data: DataOf<T>): VigilEvent =>
    createEvent(type, data, {
      source: `urn:vigil:agent:${accountId}`,
      integrationId,
      id: deterministicEventId(`custom-resource#${event.RequestId}`, ++seq, type),
      correlationId: event.RequestId,
      time: now,
    });
}

/**
 * Create: exchange the token, store the credentials, report the stack — all or nothing. A failure
 * after the exchange revokes the issued key at the platform and deletes the credentials from SSM
 * before the FAILED answer, so the rollback leaves neither an `active` integration nor a key behind
 * (and the rollback's Delete, for `vigil-unregistered/<RequestId>`, has nothing to do).
 */
async function register(
  event: CustomResourceEvent,
  deps: CustomResourceDeps,
  rollback: Rollback,
): Promise<CustomResourceResponse> {
  const props = propertiesOf(event);
  const stack = stackOf(event);
  const exchanged = await exchange(deps, props, stack.accountId, stack.region);
  const issued = new ServiceCredentials(
    exchanged.integrationId,
    exchanged.keyId,
    props.PlatformUrl,
    exchanged.privateKeyPem,
  );
  const prefix = prefixFor(deps, exchanged.integrationId);
  let undoing: Promise<string> | undefined;
  const undo = (cause: string) => {
    undoing ??= undoRegistration(deps, issued, prefix, cause);
    return undoing;
  };
  rollback.set(undo);
  try {
    rollback.check();
    await writeCredentials(deps.ssm, {
      integrationId: exchanged.integrationId,
      keyId: exchanged.keyId,
      platformUrl: props.PlatformUrl,
      privateKeyPem: exchanged.privateKeyPem,
      ...(prefix !== undefined ? { prefix } : {}),
    });
    rollback.check();
    const credentials = await readCredentials(deps.ssm, exchanged.integrationId, prefix);
    rollback.check();
    const now = (deps.now ?? (() => new Date()))();
    const emit = eventsFor(event, exchanged.integrationId, stack.accountId, now);
    await deps.platform(props.PlatformUrl, credentials).report([
      emit("vigil.integration.stack-created.v1", {
        accountId: stack.accountId,
        stack: {
          stackId: event.StackId,
          stackName: stack.stackName,
          region: stack.region,
          templateVersion: props.TemplateVersion,
        },
        enabledRegions: props.EnabledRegions,
      }),
    ]);
    rollback.check();
  } catch (error) {
    if (rollback.aborted) throw error; // the deadline's answer carries the undo
    const cause = reasonOf(error);
    deps.log("error", "registration failed after the token exchange; undoing it", {
      integrationId: exchanged.integrationId,
      keyId: exchanged.keyId,
      error: describe(error),
    });
    // The cause is capped so that what was undone, and what to do, fits in the reason.
    throw new RegistrationError(`${cause.slice(0, 1500)} ${await undo(cause)}`);
  }
  rollback.commit();
  deps.log("info", "registered", { integrationId: exchanged.integrationId, keyId: exchanged.keyId });
  return success(event, `${PHYSICAL_PREFIX}${exchanged.integrationId}`, {
    IntegrationId: exchanged.integrationId,
    KeyId: exchanged.keyId,
  });
}

/**
 * Undo a registration that did not complete: give the issued key back to the platform (signed
 * with it), then delete the agent's parameters. Both are attempted whatever the other's outcome;
 * the answer says what was done and, for what failed, what the person deploying should do.
 */
async function undoRegistration(
  deps: CustomResourceDeps,
  issued: ServiceCredentials,
  prefix: string | undefined,
  cause: string,
): Promise<string> {
  const said: string[] = [];
  try {
    await withRetries(() =>
      deps
        .platform(issued.platformUrl, issued)
        .revoke({ reason: `The stack's Create failed after the token exchange: ${cause}` }),
    );
    deps.log("info", "issued key revoked", { integrationId: issued.integrationId, keyId: issued.keyId });
    said.push(
      `Vigil revoked the key the platform issued (${issued.keyId}); the integration waits for a new registration token.`,
    );
  } catch (error) {
    deps.log("error", "could not revoke the issued key", { keyId: issued.keyId, error: describe(error) });
    said.push(
      `The key the platform issued (${issued.keyId}) could not be revoked (${reasonOf(error)}): the integration may still show as active. Issuing a new registration token (POST /admin/integrations/${issued.integrationId}/registration-tokens) and exchanging it replaces the key.`,
    );
  }
  try {
    await deleteCredentials(deps.ssm, issued.integrationId, prefix);
    said.push("Its credentials were removed from SSM.");
  } catch (error) {
    const names = Object.values(credentialParameterNames(issued.integrationId, prefix));
    deps.log("error", "could not delete the credentials", { parameters: names, error: describe(error) });
    said.push(
      `Its credentials could not be removed from SSM (${describe(error)}): delete ${names.join(", ")}.`,
    );
  }
  said.push("Fix the cause, issue a new registration token and create the stack again.");
  return said.join(" ");
}

/** Transient platform failures (unreachable, 429, 5xx) are retried twice, briefly. */
async function withRetries(run: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 2 || !(error instanceof PlatformRequestError && error.transient)) throw error;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }
}

async function exchange(
  deps: CustomResourceDeps,
  props: RegistrationProperties,
  accountId: string,
  region: string,
) {
  if (props.EnrollmentSecret !== "") return enroll(deps, props, accountId, region);
  try {
    return await deps.platform(props.PlatformUrl).exchange({ token: props.RegistrationToken, accountId });
  } catch (error) {
    if (error instanceof PlatformRequestError) {
      throw new RegistrationError(
        `The platform refused the registration token (${error.code}): ${error.message}`,
      );
    }
    throw error;
  }
}

/**
 * An organization member enrolls: the shared secret, plus its account's identity proven by AWS
 * (presigned requests the platform executes). Transient failures are retried with new signatures
 * (the platform accepts each presigned request once).
 */
async function enroll(
  deps: CustomResourceDeps,
  props: RegistrationProperties,
  accountId: string,
  region: string,
) {
  if (!deps.identityProof) {
    throw new RegistrationError("This agent cannot presign its identity proof (no STS signer configured).");
  }
  const organizationIntegrationId = props.EnrollmentSecret.split(".")[1] ?? "";
  const audience = enrollmentAudience(props.PlatformUrl, organizationIntegrationId);
  for (let attempt = 0; ; attempt++) {
    const proof = await deps.identityProof(audience);
    try {
      return await deps.platform(props.PlatformUrl).enroll({
        enrollmentSecret: props.EnrollmentSecret,
        integrationId: props.IntegrationId,
        accountId,
        organizationId: props.OrganizationId,
        homeRegion: region,
        identity: proof.identity,
        organization: proof.organization,
      });
    } catch (error) {
      if (error instanceof PlatformRequestError) {
        if (error.transient && attempt < 2) {
          await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
          continue;
        }
        throw new RegistrationError(`The platform refused the enrollment (${error.code}): ${error.message}`);
      }
      throw error;
    }
  }
}

async function update(
  event: CustomResourceEvent,
  deps: CustomResourceDeps,
  rollback: Rollback,
): Promise<CustomResourceResponse> {
  const integrationId = integrationOf(event);
  if (!integrationId) return register(event, deps, rollback); // the previous Create never completed
  const props = propertiesOf(event);
  const stack = stackOf(event);
  const old = registrationProperties.safeParse(event.OldResourceProperties ?? {});
  if (
    old.success &&
    props.RegistrationToken !== "" &&
    old.data.RegistrationToken !== props.RegistrationToken
  ) {
    // A new token: new credentials, for the same integration only (another id would delete this one).
    // (A member's new enrollment secret changes nothing: its key stays valid.)
    const exchanged = await exchange(deps, props, stack.accountId, stack.region);
    if (exchanged.integrationId !== integrationId) {
      throw new RegistrationError(
        `The new registration token is for integration ${exchanged.integrationId}, but this stack is integration ${integrationId}. Install a new stack for another integration.`,
      );
    }
    const prefix = prefixFor(deps, integrationId);
    await writeCredentials(deps.ssm, {
      integrationId,
      keyId: exchanged.keyId,
      platformUrl: props.PlatformUrl,
      privateKeyPem: exchanged.privateKeyPem,
      ...(prefix !== undefined ? { prefix } : {}),
    });
  }
  const credentials = await readCredentials(deps.ssm, integrationId, prefixFor(deps, integrationId));
  const emit = eventsFor(event, integrationId, stack.accountId, (deps.now ?? (() => new Date()))());
  await deps.platform(credentials.platformUrl, credentials).report([
    emit("vigil.integration.stack-updated.v1", {
      accountId: stack.accountId,
      stack: {
        stackId: event.StackId,
        stackName: stack.stackName,
        region: stack.region,
        templateVersion: props.TemplateVersion,
      },
      previousTemplateVersion: old.success ? old.data.TemplateVersion : "0.0.0",
      enabledRegions: props.EnabledRegions,
    }),
  ]);
  return success(event, `${PHYSICAL_PREFIX}${integrationId}`, {
    IntegrationId: integrationId,
    KeyId: credentials.keyId,
  });
}

/**
 * Stack deletion: tell the platform, delete every resource tagged `Created By: Vigil` and
 * `Vigil Integration: <this integration>` (not CloudFormation's own) in the integration's regions,
 * report what was removed, and remove the credentials last.
 */
async function remove(event: CustomResourceEvent, deps: CustomResourceDeps): Promise<CustomResourceResponse> {
  const integrationId = integrationOf(event);
  const physicalId = event.PhysicalResourceId ?? `${UNREGISTERED_PREFIX}${event.RequestId}`;
  // A Create that failed left nothing behind: answering SUCCESS lets the rollback finish.
  if (!integrationId) return success(event, physicalId, {});
  const stack = stackOf(event);
  const emit = eventsFor(event, integrationId, stack.accountId, (deps.now ?? (() => new Date()))());
  let credentials: ServiceCredentials | undefined;
  try {
    credentials = await readCredentials(deps.ssm, integrationId, prefixFor(deps, integrationId));
  } catch (error) {
    if (!(error instanceof CredentialsMissingError)) throw error;
    deps.log("warn", "credentials missing at deletion; tearing down without reporting", { integrationId });
  }
  const platform = credentials ? deps.platform(credentials.platformUrl, credentials) : undefined;
  await reportBestEffort(deps, platform, [
    emit("vigil.integration.delete-requested.v1", {
      accountId: stack.accountId,
      requestedBy: "stack-deletion",
    }),
  ]);

  const props = registrationProperties.safeParse(event.ResourceProperties);
  const regions =
    props.success && props.data.EnabledRegions.length > 0
      ? props.data.EnabledRegions
      : await deps.allRegions();
  const result = await tearDown(deps.teardown, regions, integrationId);
  deps.log("info", "teardown finished", {
    integrationId,
    removed: result.removed,
    failures: result.failures.length,
    left: result.left.length,
    spared: result.spared.length,
    kept: result.plan.keep.length,
  });
  const cleaned = emit("vigil.integration.resources-cleaned-up.v1", {
    accountId: stack.accountId,
    removed: result.removed,
    // What was left on purpose is reported with the failures, so the platform shows it.
    failures: [...result.failures, ...result.left].slice(0, 100),
  });
  if (result.left.length > 0) {
    deps.log("warn", "left Vigil resources attached to instances Vigil did not create", {
      resources: result.left.map((l) => l.resource),
    });
  }
  if (result.failures.length > 0) {
    await reportBestEffort(deps, platform, [cleaned]);
    // Keep the credentials: retrying the deletion runs teardown again and can still report.
    throw new RegistrationError(
      `Vigil could not delete ${result.failures.length} of its resources: ${result.failures
        .slice(0, 5)
        .map((f) => `${f.resource} (${f.error.code}: ${f.error.message})`)
        .join(
          "; ",
        )}. Fix the cause and delete the stack again; only resources tagged both "Created By: Vigil" and "Vigil Integration: ${integrationId}" are ever touched.`,
    );
  }
  await reportBestEffort(deps, platform, [
    cleaned,
    emit("vigil.integration.deleted.v1", {
      accountId: stack.accountId,
      deletedAt: (deps.now ?? (() => new Date()))().toISOString(),
    }),
  ]);
  const deleted = await deleteCredentials(deps.ssm, integrationId, prefixFor(deps, integrationId));
  deps.log("info", "credentials deleted", { integrationId, parameters: deleted });
  return success(event, physicalId, { IntegrationId: integrationId });
}

/** Deleting a stack must not fail because the platform is down: what cannot be reported is logged. */
async function reportBestEffort(
  deps: CustomResourceDeps,
  platform: PlatformClient | undefined,
  events: VigilEvent[],
): Promise<void> {
  if (!platform) return;
  try {
    await platform.report(events);
  } catch (error) {
    deps.log("warn", "could not report to the platform", {
      types: events.map((e) => e.type),
      error: describe(error),
    });
  }
}

function integrationOf(event: CustomResourceEvent): string | undefined {
  const id = event.PhysicalResourceId;
  return id?.startsWith(PHYSICAL_PREFIX) ? id.slice(PHYSICAL_PREFIX.length) : undefined;
}

function success(
  event: CustomResourceEvent,
  physicalId: string,
  data: Record<string, string>,
): CustomResourceResponse {
  return {
    Status: "SUCCESS",
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: data,
  };
}

function failed(event: CustomResourceEvent, reason: string): CustomResourceResponse {
  return {
    Status: "FAILED",
    Reason: reason.slice(0, REASON_LIMIT),
    // A failed Create still needs an id; CloudFormation sends Delete for it on rollback.
    PhysicalResourceId: event.PhysicalResourceId ?? `${UNREGISTERED_PREFIX}${event.RequestId}`,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof RegistrationError || error instanceof CredentialsMissingError) return error.message;
  if (error instanceof PlatformRequestError)
    return `The platform answered ${error.status} (${error.code}): ${error.message}`;
  return `Vigil's custom resource failed: ${describe(error)}. See the agent's CloudWatch logs.`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The dependencies could not be built (a misconfigured Lambda): answer anyway. The Delete of a
 * Create that never registered needs nothing and succeeds, so a rollback can finish; anything else
 * fails with the reason, so the stack does not wait an hour for an answer.
 */
async function answerWithoutDeps(
  event: CustomResourceEvent,
  error: unknown,
  fallback: CustomResourceFallback,
): Promise<CustomResourceResponse> {
  const log = fallback.log ?? jsonLogger();
  const physicalId = event.PhysicalResourceId;
  const response =
    event.RequestType === "Delete" && physicalId !== undefined && integrationOf(event) === undefined
      ? success(event, physicalId, {})
      : failed(
          event,
          `The agent Lambda could not start the ${event.RequestType}: ${error instanceof Error ? error.message : String(error)}`,
        );
  log("error", "custom resource dependencies could not be built", {
    requestType: event.RequestType,
    error: describe(error),
    status: response.Status,
  });
  await answer(event.ResponseURL, response, {
    log,
    ...(fallback.respond ? { respond: fallback.respond } : {}),
  });
  log("info", "custom resource answered", { status: response.Status, requestType: event.RequestType });
  return response;
}

/** PUT to the pre-signed S3 URL (empty content type, as the signature expects); retried. */
async function answer(
  url: string,
  response: CustomResourceResponse,
  deps: Pick<CustomResourceDeps, "log" | "respond">,
): Promise<void> {
  const body = JSON.stringify(response);
  const send =
    deps.respond ??
    (async (target: string, payload: string) => {
      const res = await fetch(target, {
        method: "PUT",
        headers: { "content-type": "", "content-length": String(Buffer.byteLength(payload)) },
        body: payload,
        signal: AbortSignal.timeout(5_000),
      });
      if (!res.ok) throw new Error(`the response URL answered ${res.status}`);
    });
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await send(url, body);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }
  deps.log("error", "could not answer CloudFormation", { error: describe(lastError) });
  throw lastError;
}
