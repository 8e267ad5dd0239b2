import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { generateReleaseSigningKey, releaseKeys, type VigilEvent } from "@vigil/events";
import { MemoryAlerts } from "../alerts/memory.ts";
import { MemoryEventSink } from "../event-sink/memory.ts";
import { FakeFunctionDeployer } from "../function-deployer/memory.ts";
import { MemoryReleaseHashes } from "../release-hashes/memory.ts";
import { S3ReleaseStore } from "../release-store/s3.ts";
import { runUpdateCheck, type UpdateOutcome, type UpdaterConfig } from "../update-check.ts";
import { publishRelease } from "./publish-release.ts";

/** The part of testkit's local AWS stack the demo needs. */
export interface LocalAwsForUpdate {
  clients: { s3: S3Client };
}

export interface UpdateDemoResult {
  bucket: string;
  applied: UpdateOutcome;
  tampered: UpdateOutcome;
  events: VigilEvent[];
  /** What the agent's `live` alias serves at the end. */
  agentLive: { releaseVersion?: string; codeSha256: string };
}

const artifact = (label: string) => Buffer.from(`PK-demo ${label} `.repeat(64), "utf8");

/**
 * Publish a signed release to the local S3 (fauxqs) and apply it, then publish a release whose
 * agent package is altered after its hash was recorded and show it refused. The Lambda API has no
 * local stand-in, so the functions are the in-memory fake deployer.
 */
export async function runUpdateDemo(
  localAws: LocalAwsForUpdate,
  log: (line: string) => void,
): Promise<UpdateDemoResult> {
  const s3 = localAws.clients.s3;
  const bucket = `vigil-releases-demo-${Date.now().toString(36)}`;
  const signingKey = generateReleaseSigningKey();
  const hashes = new MemoryReleaseHashes();
  const events = new MemoryEventSink();
  const functions = new FakeFunctionDeployer()
    .seed("vigil-agent", "1.0.0", artifact("agent 1.0.0"))
    .seed("vigil-updater", "1.0.0", artifact("updater 1.0.0"));
  const deps = {
    releases: new S3ReleaseStore(s3, bucket),
    hashes,
    functions,
    events,
    alerts: new MemoryAlerts(),
    trustedKeys: [{ keyId: signingKey.keyId, key: signingKey.publicKey }],
    retry: { attempts: 2, delayMs: () => 50 },
    log: (line: string) => log(`  updater: ${line}`),
  };
  const config: UpdaterConfig = {
    integrationId: "demo-integration",
    source: "urn:vigil:updater:demo",
    channel: "stable",
    functionNames: { agent: "vigil-agent", updater: "vigil-updater" },
    policy: {},
  };
  const release = (version: string) => [
    { name: "agent.zip", body: artifact(`agent ${version}`), function: "agent" as const },
    { name: "updater.zip", body: artifact(`updater ${version}`), function: "updater" as const },
  ];

  log(`release bucket s3://${bucket} on the local S3; release key ${signingKey.keyId}`);
  const v110 = await publishRelease(s3, bucket, release("1.1.0"), signingKey, {
    version: "1.1.0",
    previousVersion: "1.0.0",
    createBucket: true,
  });
  hashes.record(v110.recorded);
  log("published 1.1.0 (hashes recorded at the platform); running 1.0.0");
  const applied = await runUpdateCheck(deps, config, {
    trigger: "schedule",
    now: new Date(),
    checkId: "demo-1",
  });
  log(
    `→ ${applied.kind}${applied.kind === "applied" ? ` ${applied.to} (${applied.components.join(", ")})` : ""}`,
  );

  const v120 = await publishRelease(s3, bucket, release("1.2.0"), signingKey, {
    version: "1.2.0",
    previousVersion: "1.1.0",
  });
  hashes.record(v120.recorded);
  const tamperedAgent = artifact("agent 1.2.0");
  tamperedAgent[100] = (tamperedAgent[100] ?? 0) ^ 0x01;
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: releaseKeys.artifact("1.2.0", "agent.zip"),
      Body: tamperedAgent,
    }),
  );
  log("published 1.2.0, then flipped one bit of its agent.zip in the bucket");
  const tampered = await runUpdateCheck(deps, config, {
    trigger: "force",
    now: new Date(),
    checkId: "demo-2",
  });
  log(`→ ${tampered.kind}${tampered.kind === "refused" ? `: ${tampered.reason} — ${tampered.detail}` : ""}`);

  const agentLive = functions.live("vigil-agent");
  log(`agent live alias serves ${agentLive.releaseVersion} (${agentLive.codeSha256.slice(0, 12)}…)`);
  log(`events: ${events.types().join(", ")}`);
  return { bucket, applied, tampered, events: events.events, agentLive };
}
