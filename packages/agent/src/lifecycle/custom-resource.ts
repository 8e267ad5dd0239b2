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
  deleteCredentials,
  readCredentials,
  type ServiceCredentials,
  writeCredentials,
} from "./credentials.ts";
import type { Logger } from "./log.ts";
import { type PlatformClient, PlatformRequestError } from "./platform-client.ts";
import { type TeardownApi, tearDown } from "./teardown.ts";

/** The request CloudFormation sends a custom resource (only the fields used here). */
export interface CustomResourceEvent {
  RequestType: "Create" | "Update" | "Delete";
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  ResourceType: string;
  PhysicalResourceId?: string;
  ResourceProperties: Record<string, unknown>;
  OldResourceProperties?: Record<string, unknown>;
}

export interface CustomResourceResponse {
  Status: "SUCCESS" | "FAILED";
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: Record<string, string>;
}

export interface LambdaContextLike {
  getRemainingTimeInMillis(): number;
}

export function isCustomResourceEvent(event: unknown): event is CustomResourceEvent {
  const e = event as Partial<CustomResourceEvent> | undefined;
  return (
    typeof e?.ResponseURL === "string" &&
    typeof e.StackId === "string" &&
    typeof e.RequestId === "string" &&
    (e.RequestType === "Create" || e.RequestType === "Update" || e.RequestType === "Delete")
  );
}

/** The registration resource's properties, as the template passes them. */
export const registrationProperties = z.object({
  RegistrationToken: z.string().min(1, "the registration token from the platform"),
  PlatformUrl: z.url("the platform's base URL"),
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
  /** Answer this long before the Lambda deadline (default 10 s). */
  safetyMarginMs?: number;
}

const PHYSICAL_PREFIX = "vigil-integration/";

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
 */
export async function handleCustomResource(
  event: CustomResourceEvent,
  context: LambdaContextLike,
  deps: CustomResourceDeps,
): Promise<CustomResourceResponse> {
  const log = deps.log;
  log("info", "custom resource request", {
    requestType: event.RequestType,
    logicalResourceId: event.LogicalResourceId,
    stackId: event.StackId,
    requestId: event.RequestId,
  });
  const budgetMs = Math.max(0, context.getRemainingTimeInMillis() - (deps.safetyMarginMs ?? 10_000));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<CustomResourceResponse>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(
          failed(
            event,
            `Vigil did not finish the ${event.RequestType} within the Lambda's time limit; answered before it so the stack does not wait. Retry the stack operation; see the agent's logs for where it stopped.`,
          ),
        ),
      budgetMs,
    );
  });
  let response: CustomResourceResponse;
  try {
    response = await Promise.race([
      run(event, deps).catch((error: unknown) => {
        log("error", "custom resource failed", { requestType: event.RequestType, error: describe(error) });
        return failed(event, reasonOf(error));
      }),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
  await answer(event.ResponseURL, response, deps);
  log("info", "custom resource answered", { status: response.Status, requestType: event.RequestType });
  return response;
}

async function run(event: CustomResourceEvent, deps: CustomResourceDeps): Promise<CustomResourceResponse> {
  switch (event.RequestType) {
    case "Create":
      return register(event, deps);
    case "Update":
      return update(event, deps);
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
  return parsed.data;
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

async function register(
  event: CustomResourceEvent,
  deps: CustomResourceDeps,
): Promise<CustomResourceResponse> {
  const props = propertiesOf(event);
  const stack = stackOf(event);
  const exchanged = await exchange(deps, props, stack.accountId);
  const prefix = prefixFor(deps, exchanged.integrationId);
  await writeCredentials(deps.ssm, {
    integrationId: exchanged.integrationId,
    keyId: exchanged.keyId,
    platformUrl: props.PlatformUrl,
    privateKeyPem: exchanged.privateKeyPem,
    ...(prefix !== undefined ? { prefix } : {}),
  });
  const credentials = await readCredentials(deps.ssm, exchanged.integrationId, prefix);
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
  deps.log("info", "registered", { integrationId: exchanged.integrationId, keyId: exchanged.keyId });
  return success(event, `${PHYSICAL_PREFIX}${exchanged.integrationId}`, {
    IntegrationId: exchanged.integrationId,
    KeyId: exchanged.keyId,
  });
}

async function exchange(deps: CustomResourceDeps, props: RegistrationProperties, accountId: string) {
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

async function update(event: CustomResourceEvent, deps: CustomResourceDeps): Promise<CustomResourceResponse> {
  const integrationId = integrationOf(event);
  if (!integrationId) return register(event, deps); // the previous Create never completed
  const props = propertiesOf(event);
  const stack = stackOf(event);
  const old = registrationProperties.safeParse(event.OldResourceProperties ?? {});
  if (old.success && old.data.RegistrationToken !== props.RegistrationToken) {
    // A new token: new credentials, for the same integration only (another id would delete this one).
    const exchanged = await exchange(deps, props, stack.accountId);
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
 * Stack deletion: tell the platform, delete every resource tagged `Created By: Vigil` in the
 * integration's regions, report what was removed, and remove the credentials last.
 */
async function remove(event: CustomResourceEvent, deps: CustomResourceDeps): Promise<CustomResourceResponse> {
  const integrationId = integrationOf(event);
  const physicalId = event.PhysicalResourceId ?? `vigil-unregistered/${event.RequestId}`;
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
  const result = await tearDown(deps.teardown, regions);
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
        )}. Fix the cause and delete the stack again; resources without the tag "Created By: Vigil" are never touched.`,
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
    PhysicalResourceId: event.PhysicalResourceId ?? `vigil-unregistered/${event.RequestId}`,
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

/** PUT to the pre-signed S3 URL (empty content type, as the signature expects); retried. */
async function answer(
  url: string,
  response: CustomResourceResponse,
  deps: CustomResourceDeps,
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
