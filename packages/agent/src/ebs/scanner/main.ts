/**
 * The EBS scanner program: what the launch template's bootstrap runs (`node index.mjs`) on a scanner
 * instance, once it has checked the bundle's SHA-256 against the release manifest. It learns who it
 * is from the instance metadata (IMDSv2), then every `VIGIL_SCANNER_POLL_SECONDS` (15) scans the
 * copies the agent attached to it and publishes each result to the integration's events topic. It
 * runs until the Auto Scaling group scales it in. `VIGIL_SCANNER_SELF_TEST=1` only says it loaded.
 */
import { EC2Client } from "@aws-sdk/client-ec2";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { SnsSqsBus } from "@vigil/events";
import { linuxScannerHost } from "./host.ts";
import { scanAttachedCopies } from "./scan-copies.ts";

const VERSION = process.env.VIGIL_RELEASE_VERSION ?? "0.0.0";
const IMDS = "http://169.254.169.254";

function log(level: "info" | "warn" | "error", message: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ level, message, ...fields, time: new Date().toISOString() })}\n`);
}

/** Who this instance is, from the instance identity document (IMDSv2: a session token first). */
export async function instanceIdentity(fetchImpl: typeof fetch = fetch): Promise<{
  instanceId: string;
  region: string;
  accountId: string;
}> {
  const token = await (
    await fetchImpl(`${IMDS}/latest/api/token`, {
      method: "PUT",
      headers: { "X-aws-ec2-metadata-token-ttl-seconds": "300" },
    })
  ).text();
  const doc = (await (
    await fetchImpl(`${IMDS}/latest/dynamic/instance-identity/document`, {
      headers: { "X-aws-ec2-metadata-token": token },
    })
  ).json()) as { instanceId?: string; region?: string; accountId?: string };
  if (!doc.instanceId || !doc.region || !doc.accountId)
    throw new Error("the instance identity document has no instanceId, region or accountId");
  return { instanceId: doc.instanceId, region: doc.region, accountId: doc.accountId };
}

export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  if (env.VIGIL_SCANNER_SELF_TEST === "1") {
    log("info", "vigil EBS scanner loaded", { version: VERSION, node: process.version });
    return;
  }
  const integrationId = env.VIGIL_INTEGRATION_ID;
  const topicArn = env.VIGIL_EVENTS_TOPIC_ARN;
  if (!integrationId || !topicArn)
    throw new Error(
      "VIGIL_INTEGRATION_ID and VIGIL_EVENTS_TOPIC_ARN must be set (the launch template sets them)",
    );
  const identity = await instanceIdentity();
  const ec2 = new EC2Client({ region: identity.region });
  const bus = new SnsSqsBus({
    sns: new SNSClient({ region: identity.region }),
    sqs: new SQSClient({ region: identity.region }),
    topicArn,
    integrationId,
  });
  const host = linuxScannerHost({
    ec2,
    ...identity,
    integrationId,
    publish: async (events) => {
      await bus.publish(events);
    },
  });
  const reported = new Set<string>();
  const pollMs = Math.max(1, Number(env.VIGIL_SCANNER_POLL_SECONDS ?? "15")) * 1000;
  log("info", "vigil EBS scanner started", { version: VERSION, ...identity });
  for (;;) {
    try {
      const published = await scanAttachedCopies(host, { now: () => Date.now(), reported });
      for (const e of published)
        log("info", "copy scanned", { id: e.id, snapshotId: (e.data as { snapshotId: string }).snapshotId });
    } catch (error) {
      log("error", "scan round failed", {
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

const invoked = process.argv[1] ?? "";
if (import.meta.url === `file://${invoked}` || invoked.endsWith("/index.mjs")) {
  main().catch((error: unknown) => {
    log("error", "vigil EBS scanner stopped", {
      error: error instanceof Error ? error.message : String(error),
    });
    process.exitCode = 1;
  });
}
