import {
  deadLetterQueueNameFor,
  parseReleasePublicKeys,
  type ReleaseChannel,
  type ReleaseFunction,
  type ReleasePublicKey,
} from "@vigil/events";
import { parseUpdateWindow, type UpdatePolicy } from "../policy.ts";
import type { UpdaterConfig } from "../update-check.ts";
import { isSemver } from "../versions.ts";

/** Everything the Lambda reads from its environment, validated once per cold start. */
export interface UpdaterEnvironment {
  config: UpdaterConfig;
  releaseBucket: string;
  platformUrl: string;
  trustedKeys: ReleasePublicKey[];
  eventTopicArn: string;
  alertTopicArn: string;
  /** Where the updater dead-letters an SNS message it cannot read (its subscription's redrive DLQ). */
  deadLetterQueueUrl: string;
}

/**
 * Variables, spelled as infra's template (`updaterEnvironment` in `packages/infra/src/templates/root.ts`)
 * sets them: `VIGIL_INTEGRATION_ID`, `VIGIL_ACCOUNT_ID`, `VIGIL_RELEASE_BUCKET`,
 * `VIGIL_RELEASE_PUBLIC_KEYS` (SPKI PEM blocks; empty = every update refused with
 * `NO_RELEASE_KEYS_DETAIL`), `VIGIL_PLATFORM_URL`, `VIGIL_AGENT_FUNCTION`, `VIGIL_EVENT_TOPIC_ARN`,
 * `VIGIL_ALERT_TOPIC_ARN`; optional: `VIGIL_RELEASE_CHANNEL` (stable|beta), `VIGIL_UPDATER_FUNCTION`,
 * `VIGIL_STACK_NAME`, `VIGIL_PINNED_VERSION`, `VIGIL_UPDATE_WINDOW` (e.g. `sat,sun@01-05`),
 * `VIGIL_DEAD_LETTER_QUEUE_URL` (default: the topology's updater DLQ in this account and
 * `AWS_REGION`, which Lambda sets).
 */
export function updaterEnvironment(
  env: Record<string, string | undefined>,
): UpdaterEnvironment | { errors: string[] } {
  const errors: string[] = [];
  const required = (name: string) => {
    const v = env[name]?.trim();
    if (!v) errors.push(`${name} is not set`);
    return v ?? "";
  };
  const integrationId = required("VIGIL_INTEGRATION_ID");
  const releaseBucket = required("VIGIL_RELEASE_BUCKET");
  const platformUrl = required("VIGIL_PLATFORM_URL");
  const eventTopicArn = required("VIGIL_EVENT_TOPIC_ARN");
  const alertTopicArn = required("VIGIL_ALERT_TOPIC_ARN");
  const channel = (env.VIGIL_RELEASE_CHANNEL?.trim() || "stable") as ReleaseChannel;
  if (channel !== "stable" && channel !== "beta")
    errors.push(`VIGIL_RELEASE_CHANNEL must be stable or beta, not "${channel}"`);

  const accountId = env.VIGIL_ACCOUNT_ID?.trim();
  if (accountId && !/^\d{12}$/.test(accountId))
    errors.push(`VIGIL_ACCOUNT_ID is "${accountId}", expected 12 digits`);

  // Empty is the template's default: not a configuration error, every update is refused instead
  // (with NO_RELEASE_KEYS_DETAIL). Text that is not a PEM key is a mistake to report now.
  let trustedKeys: ReleasePublicKey[] = [];
  const keysText = env.VIGIL_RELEASE_PUBLIC_KEYS?.trim() ?? "";
  try {
    trustedKeys = parseReleasePublicKeys(keysText);
    if (keysText !== "" && trustedKeys.length === 0)
      errors.push("VIGIL_RELEASE_PUBLIC_KEYS holds no PEM public key");
  } catch (error) {
    errors.push(`VIGIL_RELEASE_PUBLIC_KEYS: ${(error as Error).message}`);
  }

  let deadLetterQueueUrl = env.VIGIL_DEAD_LETTER_QUEUE_URL?.trim() ?? "";
  const region = env.AWS_REGION?.trim();
  if (!deadLetterQueueUrl) {
    if (accountId && region && integrationId)
      deadLetterQueueUrl = `https://sqs.${region}.amazonaws.com/${accountId}/${deadLetterQueueNameFor("updater", integrationId)}`;
    else if (!accountId || !region)
      errors.push("set VIGIL_DEAD_LETTER_QUEUE_URL, or VIGIL_ACCOUNT_ID and AWS_REGION to derive it");
  }

  const functionNames: Partial<Record<ReleaseFunction, string>> = {};
  if (env.VIGIL_AGENT_FUNCTION?.trim()) functionNames.agent = env.VIGIL_AGENT_FUNCTION.trim();
  if (env.VIGIL_UPDATER_FUNCTION?.trim()) functionNames.updater = env.VIGIL_UPDATER_FUNCTION.trim();
  if (Object.keys(functionNames).length === 0)
    errors.push("set VIGIL_AGENT_FUNCTION and/or VIGIL_UPDATER_FUNCTION: there is nothing to update");

  const policy: UpdatePolicy = {};
  const pinned = env.VIGIL_PINNED_VERSION?.trim();
  if (pinned) {
    if (isSemver(pinned)) policy.pinnedVersion = pinned;
    else errors.push(`VIGIL_PINNED_VERSION "${pinned}" is not a semantic version like 1.4.2`);
  }
  const window = env.VIGIL_UPDATE_WINDOW?.trim();
  if (window) {
    const parsed = parseUpdateWindow(window);
    if ("error" in parsed) errors.push(parsed.error);
    else policy.window = parsed;
  }
  if (errors.length > 0) return { errors };
  const stackName = env.VIGIL_STACK_NAME?.trim();
  return {
    releaseBucket,
    platformUrl,
    trustedKeys,
    eventTopicArn,
    alertTopicArn,
    deadLetterQueueUrl,
    config: {
      integrationId,
      source: `urn:vigil:updater:${accountId || integrationId}`,
      channel,
      functionNames,
      ...(stackName ? { stackName } : {}),
      policy,
    },
  };
}
