import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { parameterNameFor } from "@vigil/events";
import { createAwsClients } from "../aws/clients.ts";
import type { LambdaContextLike } from "../lifecycle/custom-resource.ts";
import { jsonLogger } from "../lifecycle/log.ts";
import { HttpPlatformClient } from "../lifecycle/platform-client.ts";
import { ec2TeardownApi } from "../lifecycle/teardown-ec2.ts";
import { type AgentHandlerDeps, type AgentResult, routeAgentInvocation } from "./route.ts";
import { collectAndAssess } from "./scan-runner.ts";

/**
 * The agent Lambda (infra bundles this file by its path). Wiring only: configuration from the
 * environment (`AWS_REGION`, `VIGIL_INTEGRATION_ID`, `AWS_ACCOUNT_ID`), the AWS clients, and
 * `routeAgentInvocation` for the rest.
 */

/** Replaced at bundle time (esbuild `define`) with the release version of this code. */
const CODE_VERSION = process.env.VIGIL_RELEASE_VERSION ?? "0.0.0";

export interface AgentEnvironment {
  region: string;
  integrationId: string;
  accountId: string;
}

export function agentEnvironment(
  env: Record<string, string | undefined>,
): AgentEnvironment | { errors: string[] } {
  const errors: string[] = [];
  const need = (name: string) => {
    const value = env[name]?.trim() ?? "";
    if (value === "") errors.push(`${name} is not set`);
    return value;
  };
  const region = need("AWS_REGION");
  const integrationId = need("VIGIL_INTEGRATION_ID");
  const accountId = need("AWS_ACCOUNT_ID");
  return errors.length > 0 ? { errors } : { region, integrationId, accountId };
}

let deps: AgentHandlerDeps | undefined;

function wire(): AgentHandlerDeps {
  if (deps) return deps;
  const log = jsonLogger();
  const ssm = new SSMClient({});
  const homeRegion = process.env.AWS_REGION ?? "us-east-1";
  const clients = createAwsClients({ homeRegion });
  const allRegions = async () => {
    const out = await clients.forRegion(homeRegion).ec2.send(new DescribeRegionsCommand({}));
    return (out.Regions ?? []).map((r) => r.RegionName).filter((r): r is string => !!r);
  };
  const environment = () => {
    const env = agentEnvironment(process.env);
    if ("errors" in env) throw new Error(`agent misconfigured: ${env.errors.join("; ")}`);
    return env;
  };
  deps = {
    version: CODE_VERSION,
    customResource: () => ({
      ssm,
      platform: (platformUrl, credentials) =>
        new HttpPlatformClient({ platformUrl, ...(credentials ? { credentials } : {}) }),
      teardown: ec2TeardownApi((region) => clients.forRegion(region)),
      allRegions,
      log,
    }),
    runtime: () => {
      const env = environment();
      return {
        ssm,
        integrationId: env.integrationId,
        accountId: env.accountId,
        agentVersion: CODE_VERSION,
        platform: (platformUrl, credentials) => new HttpPlatformClient({ platformUrl, credentials }),
        enabledRegions: async () => {
          const out = await ssm
            .send(new GetParameterCommand({ Name: parameterNameFor(env.integrationId, "enabled-regions") }))
            .catch(() => undefined);
          const value = out?.Parameter?.Value?.trim() ?? "all";
          return value === "all" || value === "" ? allRegions() : value.split(",").map((r) => r.trim());
        },
        scan: collectAndAssess(clients),
        log,
      };
    },
    newScanId: (now) => `scan-${now.toISOString().replace(/[:.]/g, "-")}`,
  };
  return deps;
}

export async function handler(event: unknown, context?: LambdaContextLike): Promise<AgentResult> {
  return routeAgentInvocation(event, context, wire());
}
