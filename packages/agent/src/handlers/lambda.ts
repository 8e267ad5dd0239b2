import { SSMClient } from "@aws-sdk/client-ssm";
import { createAwsClients } from "../aws/clients.ts";
import type { LambdaContextLike } from "../lifecycle/custom-resource-event.ts";
import { jsonLogger } from "../lifecycle/log.ts";
import { HttpPlatformClient } from "../lifecycle/platform-client.ts";
import { lazyEc2TeardownApi } from "../lifecycle/teardown-lazy.ts";
import { type AgentConfig, agentConfigFrom } from "./config.ts";
import { type AgentAwsOptions, createAgentPorts } from "./ports.ts";
import { type AgentHandlerDeps, type AgentPorts, type AgentResult, routeAgentInvocation } from "./route.ts";

/**
 * The agent Lambda (infra bundles this file by its path). Wiring only: configuration from the
 * environment (validated once, on the first invocation that needs it), the ports, and
 * `routeAgentInvocation` for the rest. A health check builds nothing.
 */

/** Replaced at bundle time (esbuild `define`) with the release version of this code. */
const CODE_VERSION = process.env.VIGIL_RELEASE_VERSION ?? "0.0.0";

export interface AgentHandlerOptions extends AgentAwsOptions {
  /** Default: `process.env`, read on first use. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How custom resource answers reach CloudFormation's pre-signed URL (default: a `fetch` PUT). */
  readonly respond?: (url: string, body: string) => Promise<void>;
  readonly version?: string;
  readonly rescanWindowMs?: number;
  readonly newScanId?: (now: Date) => string;
}

export type AgentHandler = (event: unknown, context?: LambdaContextLike) => Promise<AgentResult>;

/** A handler with its own lazily built ports (the Lambda's `handler`, or a test's on the local stack). */
export function createAgentHandler(options: AgentHandlerOptions = {}): AgentHandler {
  const version = options.version ?? CODE_VERSION;
  let config: AgentConfig | undefined;
  let ports: Promise<AgentPorts> | undefined;
  const configOf = () => {
    config ??= agentConfigFrom(options.env ?? process.env);
    return config;
  };
  const log = options.log ?? jsonLogger();
  const deps: AgentHandlerDeps = {
    version,
    customResource: () => {
      const c = configOf();
      const ssm = new SSMClient({ region: c.region, ...(options.serviceConfig?.("ssm") ?? {}) });
      const clients = options.accountClients?.(undefined) ?? createAwsClients({ homeRegion: c.region });
      return {
        ssm,
        parameterPrefix: c.parameterPrefix,
        platform: (platformUrl, credentials) =>
          new HttpPlatformClient({ platformUrl, ...(credentials ? { credentials } : {}) }),
        teardown: lazyEc2TeardownApi((region) => clients.forRegion(region)),
        identityProof: async (audience) => {
          const [{ identityEndpoints, presignIdentityProof }, { STSClient }] = await Promise.all([
            import("../lifecycle/identity-proof.ts"),
            import("@aws-sdk/client-sts"),
          ]);
          const stsConfig = options.serviceConfig?.("sts") ?? {};
          const sts = new STSClient({ region: c.region, ...stsConfig });
          try {
            const endpoints = identityEndpoints(options.env ?? process.env, c.region);
            const override = typeof stsConfig.endpoint === "string" ? stsConfig.endpoint : undefined;
            return await presignIdentityProof({
              audience,
              region: c.region,
              credentials: () => sts.config.credentials(),
              stsEndpoint: override ?? endpoints.stsEndpoint,
              organizationsEndpoint: override ?? endpoints.organizationsEndpoint,
            });
          } finally {
            sts.destroy();
          }
        },
        allRegions: async () =>
          (await ports_())
            .enabledRegions()
            .then((r) => (c.scanRegions ? r.filter((x) => c.scanRegions?.includes(x)) : r)),
        log,
        ...(options.respond ? { respond: options.respond } : {}),
      };
    },
    // A configuration error still answers CloudFormation (FAILED with it), never leaves it waiting.
    customResourceFallback: { log, ...(options.respond ? { respond: options.respond } : {}) },
    ports: () => ports_(),
    flush: async () => {
      if (ports) await (await ports).flush();
    },
    newScanId: options.newScanId ?? ((now) => `scan-${now.toISOString().replace(/[:.]/g, "-")}`),
    ...(options.rescanWindowMs !== undefined ? { rescanWindowMs: options.rescanWindowMs } : {}),
  };
  function ports_(): Promise<AgentPorts> {
    ports ??= createAgentPorts(configOf(), { ...options, log, agentVersion: version }).catch((error) => {
      ports = undefined; // a failed build (e.g. STS unreachable) is retried by the next invocation
      throw error;
    });
    return ports;
  }
  return (event, context) => routeAgentInvocation(event, context, deps);
}

let lambdaHandler: AgentHandler | undefined;

export async function handler(event: unknown, context?: LambdaContextLike): Promise<AgentResult> {
  lambdaHandler ??= createAgentHandler();
  return lambdaHandler(event, context);
}
