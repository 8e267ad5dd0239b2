import { randomBytes } from "node:crypto";
import {
  GetParameterCommand,
  ParameterNotFound,
  PutParameterCommand,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import type { Release } from "../build/release.ts";
import { PLATFORM_ARTIFACTS } from "../templates/platform.ts";
import { DeployError, type DeployReport, uploadAndApplyStack } from "./deploy.ts";
import type { DeployTarget } from "./port.ts";

/**
 * Where the platform's secrets live: one SSM SecureString (JSON `{adminToken, sessionSecret,
 * users}`), created once and never overwritten by a deploy (rotating is a deliberate act).
 */
export interface SecretStore {
  /** Creates `name` with `value()` unless it exists; says which. */
  ensureSecureString(name: string, value: () => string): Promise<"created" | "kept">;
}

export function ssmSecretStore(ssm: SSMClient): SecretStore {
  return {
    async ensureSecureString(name, value) {
      try {
        await ssm.send(new GetParameterCommand({ Name: name }));
        return "kept";
      } catch (error) {
        if (!(error instanceof ParameterNotFound) && (error as Error).name !== "ParameterNotFound")
          throw error;
      }
      // Overwrite false: two deploys at once cannot replace each other's secret.
      await ssm.send(
        new PutParameterCommand({ Name: name, Type: "SecureString", Value: value(), Overwrite: false }),
      );
      return "created";
    },
  };
}

/** A fresh secret document: a 256-bit admin token and session key, no users yet. */
export function newPlatformSecrets(): { adminToken: string; sessionSecret: string; users: [] } {
  return {
    adminToken: randomBytes(32).toString("base64url"),
    sessionSecret: randomBytes(32).toString("base64url"),
    users: [],
  };
}

/**
 * `vigil deploy platform`: the secret (created once; the admin token is handed to `onAdminToken`,
 * never returned or printed), the platform zip and template uploaded, then a change set on the
 * platform stack.
 */
export async function deployPlatform(options: {
  readonly target: DeployTarget;
  readonly secrets: SecretStore;
  readonly release: Release;
  readonly bucket: string;
  readonly region: string;
  readonly stackName: string;
  readonly secretsParameter: string;
  readonly organizationId?: string;
  readonly dryRun: boolean;
  /** Receives a newly created admin token (e.g. to write it to a 0600 file). */
  readonly onAdminToken?: (token: string) => void;
}): Promise<DeployReport & { secret: "created" | "kept" | "dry-run" }> {
  const { target, release, bucket } = options;
  const needed = [PLATFORM_ARTIFACTS.zip, PLATFORM_ARTIFACTS.template];
  const missing = needed.filter((n) => !release.artifacts.some((a) => a.name === n));
  if (missing.length > 0)
    throw new DeployError(`the release lacks ${missing.join(" and ")}; build it with the platform entry`);
  let secret: "created" | "kept" | "dry-run" = "dry-run";
  if (!options.dryRun) {
    secret = await options.secrets.ensureSecureString(options.secretsParameter, () => {
      const fresh = newPlatformSecrets();
      options.onAdminToken?.(fresh.adminToken);
      return JSON.stringify(fresh);
    });
  }
  const steps = await uploadAndApplyStack({
    target,
    bucket,
    region: options.region,
    version: release.version,
    uploads: release.artifacts.filter((x) => needed.includes(x.name as (typeof needed)[number])),
    template: PLATFORM_ARTIFACTS.template,
    stackName: options.stackName,
    parameters: {
      ArtifactBucket: bucket,
      ArtifactPrefix: `releases/${release.version}`,
      ProtectedSettingsParameter: options.secretsParameter,
      ...(options.organizationId ? { OrganizationId: options.organizationId } : {}),
    },
    tags: { "Created By": "Vigil", "Vigil Component": "platform" },
    dryRun: options.dryRun,
  });
  return { dryRun: options.dryRun, steps, secret };
}
