import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import {
  type DeadLetterSink,
  type HealthCheckResponse,
  isHealthCheckRequest,
  queueNameFor,
  type RecordOutcome,
  snsHandler,
  sqsDeadLetterSink,
  type VigilEvent,
} from "@vigil/events";
import { SnsAlerts } from "../alerts/sns.ts";
import { SnsEventSink } from "../event-sink/sns.ts";
import { LambdaFunctionDeployer } from "../function-deployer/lambda.ts";
import { HttpReleaseHashes } from "../release-hashes/http.ts";
import { S3ReleaseStore } from "../release-store/s3.ts";
import { CloudFormationStackDeployer } from "../stack-deployer/cloudformation.ts";
import { runUpdateCheck, type UpdateOutcome, type UpdaterConfig, type UpdaterDeps } from "../update-check.ts";
import { updaterEnvironment } from "./config.ts";

/**
 * The updater Lambda (runtime contract): SNS pushes `vigil.update.requested.v1` from the
 * `vigil-events` topic (a force update from the platform); the EventBridge schedule invokes it with
 * the constant input `{"kind":"vigil.update-check"}` (every `UpdateCheckHours`); an updater that
 * just published a version of this function sends `{"kind":"vigil.health-check"}`, answered with
 * the version this code is, before any configuration or AWS client is touched.
 */

/** Replaced at bundle time (esbuild `define`) with the release version of this code. */
const CODE_VERSION = process.env.VIGIL_RELEASE_VERSION ?? "0.0.0";

/** The updater's consumer name: written on its dead letters as `vigil-source-queue`. */
export const UPDATER_CONSUMER = "vigil-updater";

/** What one invocation acts through; built once per Lambda instance, and only when needed. */
export interface UpdaterRuntime {
  config: UpdaterConfig;
  deps: UpdaterDeps;
  /** Where unreadable SNS messages go, with the reason (the updater's DLQ). */
  deadLetters: DeadLetterSink;
}

export type UpdaterInvocation =
  | { kind: "health-check" }
  | { kind: "sns" }
  | { kind: "update-check" }
  | { kind: "unknown" };

/** Recognises an invocation by its shape. Pure. */
export function classifyUpdaterInvocation(event: unknown): UpdaterInvocation {
  if (isHealthCheckRequest(event)) return { kind: "health-check" };
  const e = event as { kind?: unknown; "detail-type"?: unknown; Records?: unknown } | null;
  if (e?.kind === "vigil.update-check" || e?.["detail-type"] === "Scheduled Event")
    return { kind: "update-check" };
  if (Array.isArray(e?.Records)) {
    const records = e.Records as { EventSource?: unknown }[];
    if (records.length > 0 && records.every((r) => r?.EventSource === "aws:sns")) return { kind: "sns" };
  }
  return { kind: "unknown" };
}

export type UpdaterResult =
  | HealthCheckResponse
  | UpdateOutcome
  | {
      handled: Array<{ messageId: string; outcome: RecordOutcome["kind"]; reason?: string }>;
      updates: UpdateOutcome[];
    }
  | { ignored: string };

/** The check failed in a way a later attempt may fix: thrown so that Lambda's asynchronous retry redelivers it. */
export class UpdateCheckRetryError extends Error {
  override readonly name = "UpdateCheckRetryError";
  constructor(readonly outcome: Extract<UpdateOutcome, { kind: "failed" }>) {
    super(`update check failed (${outcome.reason}), Lambda will retry: ${outcome.detail}`);
  }
}

type SNSEvent = Parameters<ReturnType<typeof snsHandler>>[0];

export interface UpdaterHandlerOptions {
  /** Default: built from `process.env` (and real AWS clients) on the first invocation that needs it. */
  runtime?: () => UpdaterRuntime;
  version?: string;
  now?: () => Date;
  log?: (line: string) => void;
}

export type UpdaterHandler = (event: unknown, context?: { awsRequestId?: string }) => Promise<UpdaterResult>;

export function createUpdaterHandler(options: UpdaterHandlerOptions = {}): UpdaterHandler {
  const version = options.version ?? CODE_VERSION;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  let runtime: UpdaterRuntime | undefined;
  const runtimeOf = () => {
    runtime ??= (options.runtime ?? awsRuntime)();
    return runtime;
  };

  return async (event, context) => {
    const invocation = classifyUpdaterInvocation(event);
    switch (invocation.kind) {
      case "health-check":
        return { ok: true, version };
      case "update-check": {
        const { config, deps } = runtimeOf();
        const at = now();
        const checkId = context?.awsRequestId ?? `local-${at.getTime()}`;
        const outcome = await runUpdateCheck(deps, config, { trigger: "schedule", now: at, checkId });
        log(JSON.stringify({ update: outcome }));
        return outcome;
      }
      case "sns": {
        const { config, deps, deadLetters } = runtimeOf();
        const updates: UpdateOutcome[] = [];
        const onEvent = async (e: VigilEvent) => {
          // The subscription's filter policy lets only update requests through; anything else is not ours.
          if (e.type !== "vigil.update.requested.v1") {
            log(`ignored ${e.type} ${e.id}: the updater handles only vigil.update.requested.v1`);
            return;
          }
          const outcome = await runUpdateCheck(deps, config, {
            trigger: "force",
            ...(e.data.version ? { version: e.data.version } : {}),
            now: now(),
            // The event id, so that SNS's or Lambda's redelivery emits the same event ids.
            checkId: e.id,
          });
          log(JSON.stringify({ update: outcome, requestedBy: e.data.requestedBy }));
          updates.push(outcome);
          // A transient failure is retried by Lambda; a refusal or an apply error is final.
          if (outcome.kind === "failed" && outcome.reason !== "apply-error")
            throw new UpdateCheckRetryError(outcome);
        };
        const result = await snsHandler(onEvent, {
          consumer: UPDATER_CONSUMER,
          deadLetters,
          onOutcome: (record, outcome) => {
            if (outcome.kind === "dead-lettered")
              log(`dead-lettered SNS message ${record.Sns?.MessageId}: ${outcome.reason}`);
          },
        })(event as SNSEvent);
        return {
          handled: result.outcomes.map((o) => ({
            messageId: o.messageId,
            outcome: o.outcome.kind,
            ...(o.outcome.kind === "dead-lettered" ? { reason: o.outcome.reason } : {}),
          })),
          updates,
        };
      }
      case "unknown":
        log(`ignored an invocation the updater does not know: ${JSON.stringify(event)?.slice(0, 500)}`);
        return {
          ignored: 'expected an SNS push, {"kind":"vigil.update-check"} or {"kind":"vigil.health-check"}',
        };
    }
  };
}

/** The runtime in AWS: configuration from the environment, real clients. */
function awsRuntime(): UpdaterRuntime {
  const env = updaterEnvironment(process.env);
  if ("errors" in env) throw new Error(`updater misconfigured: ${env.errors.join("; ")}`);
  const sns = new SNSClient({});
  return {
    config: env.config,
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
    deadLetters: sqsDeadLetterSink({
      sqs: new SQSClient({}),
      deadLetterUrl: env.deadLetterQueueUrl,
      sourceQueue: queueNameFor("updater", env.config.integrationId),
    }),
  };
}

let lambdaHandler: UpdaterHandler | undefined;

export async function handler(event: unknown, context?: { awsRequestId?: string }): Promise<UpdaterResult> {
  lambdaHandler ??= createUpdaterHandler();
  return lambdaHandler(event, context);
}
