import type { SSMClient } from "@aws-sdk/client-ssm";
import { readCredentials, type ServiceCredentials } from "./credentials.ts";
import type { Logger } from "./log.ts";
import type { PlatformClient } from "./platform-client.ts";

/** How often the agent checks in: the EventBridge rule infra renders uses this expression. */
export const HEARTBEAT_SCHEDULE = "rate(10 minutes)";
export const HEARTBEAT_INTERVAL_MS = 10 * 60 * 1000;

/** What a heartbeat needs. */
export interface AgentRuntime {
  ssm: SSMClient;
  integrationId: string;
  /** SSM prefix of the credentials (`VIGIL_PARAMETER_PREFIX`); default `/vigil/<integrationId>`. */
  parameterPrefix?: string;
  accountId: string;
  agentVersion: string;
  platform(platformUrl: string, credentials: ServiceCredentials): PlatformClient;
  enabledRegions(): Promise<string[]>;
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
