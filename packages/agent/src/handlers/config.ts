import { deadLetterQueueNameFor } from "@vigil/events";
import { CHECK_INDEX } from "../checks/check-index.ts";
import { platformUrlProblem } from "../lifecycle/platform-url.ts";
import { selectionProblem } from "../policies/settings.ts";

/**
 * The agent's configuration, from the environment the template sets (runtime contract §4). Read
 * once per Lambda instance, and only by invocations that need it: a health check reads none.
 */
export interface AgentConfig {
  /** `AWS_REGION`: the home region (global collectors, the stack's resources). */
  readonly region: string;
  readonly integrationId: string;
  /** `VIGIL_ACCOUNT_ID`; absent: asked of STS once. */
  readonly accountId: string | undefined;
  /** SSM prefix of the service credentials, e.g. `/vigil/<integrationId>`. */
  readonly parameterPrefix: string;
  readonly eventsTopicArn: string;
  readonly alertsTopicArn: string;
  readonly jobQueueUrl: string;
  /** Where invalid SNS messages go: `VIGIL_DEAD_LETTER_QUEUE_URL`, else the agent DLQ next to the job queue. */
  readonly deadLetterQueueUrl: string;
  readonly eventTable: string;
  readonly idempotencyTable: string;
  /** Reports and heartbeats also go to the platform over signed HTTP when set (https, or loopback http). */
  readonly platformUrl: string | undefined;
  /** `VIGIL_SCAN_REGIONS`; absent: every enabled region. */
  readonly scanRegions: readonly string[] | undefined;
  /** `VIGIL_POLICIES` (the stack's `Policies`); absent: `vigil-default`. */
  readonly policies: readonly string[] | undefined;
  /** `VIGIL_DISABLED_CHECKS` (the stack's `DisabledChecks`). */
  readonly disabledChecks: readonly string[];
  /**
   * `VIGIL_EVENT_BUS_NAME`: the integration's EventBridge bus, which a rule forwards to the
   * platform's bus (organization members); result events go there instead of over signed HTTP.
   */
  readonly eventBusName: string | undefined;
  /**
   * `VIGIL_EBS_SCANNING=true` (the stack's `EnableEbsScanning`): scans include an `ebs` shard per
   * region, run with the Auto Scaling group `VIGIL_SCANNER_GROUP` (default
   * `vigil-ebs-scanner-<id>`, the nested stack's) in the home region.
   */
  readonly ebsScanning: { readonly scannerGroup: string } | undefined;
}

export const REQUIRED_ENV = [
  "AWS_REGION",
  "VIGIL_INTEGRATION_ID",
  "VIGIL_PARAMETER_PREFIX",
  "VIGIL_EVENTS_TOPIC_ARN",
  "VIGIL_ALERTS_TOPIC_ARN",
  "VIGIL_JOB_QUEUE_URL",
  "VIGIL_EVENT_TABLE",
  "VIGIL_IDEMPOTENCY_TABLE",
] as const;

export const OPTIONAL_ENV = [
  "VIGIL_ACCOUNT_ID",
  "VIGIL_PLATFORM_URL",
  "VIGIL_SCAN_REGIONS",
  "VIGIL_DEAD_LETTER_QUEUE_URL",
  "VIGIL_POLICIES",
  "VIGIL_DISABLED_CHECKS",
  "VIGIL_EVENT_BUS_NAME",
  "VIGIL_EBS_SCANNING",
  "VIGIL_SCANNER_GROUP",
] as const;

/** The agent is missing configuration: names every variable to fix, not just the first. */
export class AgentConfigError extends Error {
  override readonly name = "AgentConfigError";
  constructor(readonly problems: readonly string[]) {
    super(
      `The agent Lambda is misconfigured: ${problems.join("; ")}. Set these environment variables (the Vigil template sets them; see packages/agent/README.md, "Runtime").`,
    );
  }
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** The agent DLQ's URL next to the job queue's: same endpoint and account, the topology's name. */
export function deadLetterQueueUrlBeside(jobQueueUrl: string, integrationId: string): string {
  const slash = jobQueueUrl.lastIndexOf("/");
  return `${jobQueueUrl.slice(0, slash + 1)}${deadLetterQueueNameFor("agent", integrationId)}`;
}

/** Validates the environment once; every problem is reported together. Pure. */
export function agentConfigFrom(env: Readonly<Record<string, string | undefined>>): AgentConfig {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;
  for (const name of REQUIRED_ENV) if (value(name) === undefined) problems.push(`${name} is not set`);
  const accountId = value("VIGIL_ACCOUNT_ID");
  if (accountId !== undefined && !/^\d{12}$/.test(accountId))
    problems.push(`VIGIL_ACCOUNT_ID is "${accountId}", expected 12 digits`);
  const platformUrl = value("VIGIL_PLATFORM_URL");
  const platformUrlIssue = platformUrl === undefined ? undefined : platformUrlProblem(platformUrl);
  if (platformUrlIssue) problems.push(`VIGIL_PLATFORM_URL ${platformUrlIssue}`);
  const jobQueueUrl = value("VIGIL_JOB_QUEUE_URL");
  if (jobQueueUrl !== undefined && !URL.canParse(jobQueueUrl))
    problems.push(`VIGIL_JOB_QUEUE_URL is "${jobQueueUrl}", expected an SQS queue URL`);
  const scanRegions = listOf(value("VIGIL_SCAN_REGIONS"));
  const policies = listOf(value("VIGIL_POLICIES"));
  const disabledChecks = listOf(value("VIGIL_DISABLED_CHECKS")) ?? [];
  const selection = selectionProblem(
    { ...(policies && policies.length > 0 ? { policies } : {}), disabledChecks },
    CHECK_INDEX,
  );
  if (selection)
    problems.push(
      `${selection.kind === "unknown-policy" ? "VIGIL_POLICIES" : "VIGIL_DISABLED_CHECKS"}: ${selection.message}`,
    );
  const badRegions = (scanRegions ?? []).filter((r) => !REGION.test(r));
  if (badRegions.length > 0)
    problems.push(`VIGIL_SCAN_REGIONS has ${badRegions.join(", ")}: expected region codes such as eu-west-1`);
  const ebs = value("VIGIL_EBS_SCANNING");
  if (ebs !== undefined && ebs !== "true" && ebs !== "false")
    problems.push(`VIGIL_EBS_SCANNING is "${ebs}", expected true or false`);
  if (problems.length > 0) throw new AgentConfigError(problems);
  const integrationId = value("VIGIL_INTEGRATION_ID") as string;
  return {
    region: value("AWS_REGION") as string,
    integrationId,
    accountId,
    parameterPrefix: value("VIGIL_PARAMETER_PREFIX") as string,
    eventsTopicArn: value("VIGIL_EVENTS_TOPIC_ARN") as string,
    alertsTopicArn: value("VIGIL_ALERTS_TOPIC_ARN") as string,
    jobQueueUrl: jobQueueUrl as string,
    deadLetterQueueUrl:
      value("VIGIL_DEAD_LETTER_QUEUE_URL") ?? deadLetterQueueUrlBeside(jobQueueUrl as string, integrationId),
    eventTable: value("VIGIL_EVENT_TABLE") as string,
    idempotencyTable: value("VIGIL_IDEMPOTENCY_TABLE") as string,
    platformUrl,
    scanRegions: scanRegions && scanRegions.length > 0 ? scanRegions : undefined,
    policies: policies && policies.length > 0 ? policies : undefined,
    disabledChecks,
    eventBusName: value("VIGIL_EVENT_BUS_NAME"),
    ebsScanning:
      ebs === "true"
        ? { scannerGroup: value("VIGIL_SCANNER_GROUP") ?? `vigil-ebs-scanner-${integrationId}` }
        : undefined,
  };
}

function listOf(text: string | undefined): string[] | undefined {
  return text
    ?.split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "");
}
