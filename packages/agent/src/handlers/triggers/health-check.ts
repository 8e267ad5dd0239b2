import type { HealthCheckResponse } from "@vigil/events";
import type { AgentHandlerDeps } from "../context.ts";

/** The updater's health check through the `live` alias: the code's version, no AWS, no configuration. */
export async function onHealthCheck(deps: Pick<AgentHandlerDeps, "version">): Promise<HealthCheckResponse> {
  return { ok: true, version: deps.version };
}
