import type { SSMClient } from "@aws-sdk/client-ssm";
import { readCredentials, type ServiceCredentials } from "./credentials.ts";
import type { Logger } from "./log.ts";
import type { PlatformClient, PlatformCommand } from "./platform-client.ts";

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
  /** The last command sequence already taken (the agent's own log of the platform's commands). */
  commandsAfter?: () => Promise<number>;
  log: Logger;
  now?: () => Date;
}

/**
 * Check in: a signed `POST /agent/heartbeat` with the agent's version and regions, and the last
 * command it took; the platform answers with the commands it holds after that one (scan now,
 * update now). The platform reaches no account: commands wait for the agent's check-in.
 */
export async function sendHeartbeat(
  runtime: AgentRuntime,
): Promise<{ enabledRegions: string[]; commands: PlatformCommand[] }> {
  const credentials = await readCredentials(runtime.ssm, runtime.integrationId, runtime.parameterPrefix);
  const enabledRegions = await runtime.enabledRegions();
  const commandsAfter = runtime.commandsAfter ? await runtime.commandsAfter() : undefined;
  const answer = await runtime.platform(credentials.platformUrl, credentials).heartbeat({
    agentVersion: runtime.agentVersion,
    enabledRegions,
    ...(commandsAfter === undefined ? {} : { commandsAfter }),
  });
  const commands = answer?.commands ?? [];
  runtime.log("info", "heartbeat sent", {
    integrationId: runtime.integrationId,
    regions: enabledRegions.length,
    commands: commands.length,
  });
  return { enabledRegions, commands };
}
