import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import {
  ForceUpdateRequest,
  type HealthCheckResponse,
  isHealthCheckRequest,
  parseEvent,
} from "@vigil/events";
import { SnsAlerts } from "../alerts/sns.ts";
import { SnsEventSink } from "../event-sink/sns.ts";
import { LambdaFunctionDeployer } from "../function-deployer/lambda.ts";
import { HttpReleaseHashes } from "../release-hashes/http.ts";
import { S3ReleaseStore } from "../release-store/s3.ts";
import { CloudFormationStackDeployer } from "../stack-deployer/cloudformation.ts";
import { runUpdateCheck, type UpdateOutcome, type UpdaterDeps } from "../update-check.ts";
import { type UpdaterEnvironment, updaterEnvironment } from "./config.ts";

/**
 * The updater Lambda: an EventBridge schedule (every 24 h by default) or an SQS-delivered force
 * update from the platform runs one update check; a health-check invocation (sent by an updater
 * to a freshly published version of this function) answers with the version this code is.
 */

/** Replaced at bundle time (esbuild `define`) with the release version of this code. */
const CODE_VERSION = process.env.VIGIL_RELEASE_VERSION ?? "0.0.0";

interface SqsEvent {
  Records: { messageId: string; body: string; eventSource?: string }[];
}

let wired: { env: UpdaterEnvironment; deps: UpdaterDeps } | undefined;

function wire(): { env: UpdaterEnvironment; deps: UpdaterDeps } {
  if (wired) return wired;
  const env = updaterEnvironment(process.env);
  if ("errors" in env) throw new Error(`updater misconfigured: ${env.errors.join("; ")}`);
  const sns = new SNSClient({});
  wired = {
    env,
    deps: {
      releases: new S3ReleaseStore(new S3Client({}), env.releaseBucket),
      hashes: new HttpReleaseHashes({ platformUrl: env.platformUrl }),
      functions: new LambdaFunctionDeployer(new LambdaClient({})),
      ...(env.config.stackName
        ? { stack: new CloudFormationStackDeployer(new CloudFormationClient({})) }
        : {}),
      events: new SnsEventSink(sns, env.eventTopicArn),
      alerts: new SnsAlerts(sns, env.alertTopicArn),
      trustedKeys: env.trustedKeys,
      log: (line) => console.log(line),
    },
  };
  return wired;
}

function isSqsEvent(event: unknown): event is SqsEvent {
  return Array.isArray((event as SqsEvent)?.Records);
}

export async function handler(
  event: unknown,
  context?: { awsRequestId?: string },
): Promise<HealthCheckResponse | UpdateOutcome | { batchItemFailures: { itemIdentifier: string }[] }> {
  if (isHealthCheckRequest(event)) return { ok: true, version: CODE_VERSION };
  const { env, deps } = wire();
  const now = new Date();
  const checkId = context?.awsRequestId ?? `local-${now.getTime()}`;

  if (!isSqsEvent(event)) {
    const outcome = await runUpdateCheck(deps, env.config, { trigger: "schedule", now, checkId });
    console.log(JSON.stringify({ update: outcome }));
    return outcome;
  }

  // Several force requests in one batch need one check; the last valid one names the version.
  const valid: { messageId: string; request: ForceUpdateRequest }[] = [];
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      body = undefined;
    }
    const request = forceRequestOf(body);
    if (request.ok) valid.push({ messageId: record.messageId, request: request.value });
    else {
      // Left on the queue: after maxReceiveCount it lands in the dead-letter queue with this log line.
      console.error(`message ${record.messageId} is not a force-update request: ${request.error}`);
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  const last = valid.at(-1);
  if (last) {
    const outcome = await runUpdateCheck(deps, env.config, {
      trigger: "force",
      ...(last.request.version ? { version: last.request.version } : {}),
      now,
      checkId: last.messageId,
    });
    console.log(JSON.stringify({ update: outcome }));
    // A transient failure keeps the requests for a later retry; anything else is final.
    if (outcome.kind === "failed" && outcome.reason !== "apply-error")
      for (const v of valid) failures.push({ itemIdentifier: v.messageId });
  }
  return { batchItemFailures: failures };
}

/** A `vigil.update.requested.v1` event, or the plain force-update message that preceded it. */
function forceRequestOf(
  body: unknown,
): { ok: true; value: ForceUpdateRequest } | { ok: false; error: string } {
  if ((body as { type?: unknown })?.type === "vigil.update.requested.v1") {
    const event = parseEvent(body);
    if (!event.ok) return { ok: false, error: event.error.message };
    if (event.event.type !== "vigil.update.requested.v1") return { ok: false, error: event.event.type };
    const { version, requestedBy } = event.event.data;
    return { ok: true, value: { kind: "vigil.force-update", requestedBy, ...(version ? { version } : {}) } };
  }
  const parsed = ForceUpdateRequest.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.message };
}
