import type { SSMClient } from "@aws-sdk/client-ssm";
import type { VigilEvent } from "@vigil/events";
import { readCredentials, type ServiceCredentials } from "./credentials.ts";
import type { Logger } from "./log.ts";
import type { PlatformClient } from "./platform-client.ts";

/** How often the agent checks in: the EventBridge rule infra renders uses this expression. */
export const HEARTBEAT_SCHEDULE = "rate(10 minutes)";
export const HEARTBEAT_INTERVAL_MS = 10 * 60 * 1000;

/** A scan of the account, as the scan flow provides it: the events to report, in order. */
export type ScanRunner = (request: ScanRequest) => Promise<VigilEvent[]>;

export interface ScanRequest {
  scanId: string;
  integrationId: string;
  accountId: string;
  /** CloudEvents source of the agent, `urn:vigil:agent:<account>`. */
  source: string;
  regions: readonly string[];
  now: Date;
}

/** What a scheduled invocation (heartbeat or scan) needs. */
export interface AgentRuntime {
  ssm: SSMClient;
  integrationId: string;
  /** SSM prefix of the credentials (`VIGIL_PARAMETER_PREFIX`); default `/vigil/<integrationId>`. */
  parameterPrefix?: string;
  accountId: string;
  agentVersion: string;
  platform(platformUrl: string, credentials: ServiceCredentials): PlatformClient;
  enabledRegions(): Promise<string[]>;
  scan: ScanRunner;
  log: Logger;
  now?: () => Date;
}

/** Check in: a signed `POST /agent/heartbeat` with the agent's version and regions. */
export async function sendHeartbeat(runtime: AgentRuntime): Promise<{ enabledRegions: string[] }> {
  const credentials = await readCredentials(runtime.ssm, runtime.integrationId, runtime.parameterPrefix);
  const enabledRegions = await runtime.enabledRegions();
  await runtime.platform(credentials.platformUrl, credentials).heartbeat({
    agentVersion: runtime.agentVersion,
    enabledRegions,
  });
  runtime.log("info", "heartbeat sent", {
    integrationId: runtime.integrationId,
    regions: enabledRegions.length,
  });
  return { enabledRegions };
}

/** Run one scan and report its events (signed, in batches). */
export async function scanAndReport(
  runtime: AgentRuntime,
  scanId: string,
): Promise<{ scanId: string; reported: number }> {
  const credentials = await readCredentials(runtime.ssm, runtime.integrationId, runtime.parameterPrefix);
  const regions = await runtime.enabledRegions();
  const now = (runtime.now ?? (() => new Date()))();
  const events = await runtime.scan({
    scanId,
    integrationId: runtime.integrationId,
    accountId: runtime.accountId,
    source: `urn:vigil:agent:${runtime.accountId}`,
    regions,
    now,
  });
  await runtime.platform(credentials.platformUrl, credentials).report(events);
  runtime.log("info", "scan reported", {
    integrationId: runtime.integrationId,
    scanId,
    events: events.length,
  });
  return { scanId, reported: events.length };
}
