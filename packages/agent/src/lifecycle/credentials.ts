import { createPrivateKey, type KeyObject } from "node:crypto";
import {
  DeleteParametersCommand,
  GetParametersCommand,
  PutParameterCommand,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import { parameterPrefixFor } from "@vigil/events";
import { vigilTags } from "./tags.ts";

/**
 * The integration's service credentials in SSM Parameter Store, under `/vigil/<integrationId>/`.
 * These parameters are the agent's: it writes them at registration and deletes them at deletion,
 * and it writes or deletes no other parameter. The stack's own parameters under the same prefix
 * (`platform-url`, `enabled-regions`, … in `integrationParameters` of `@vigil/events`) belong to
 * CloudFormation. `service-platform-url` is where the key was issued (the platform the agent
 * signs for). The private key is a SecureString and only ever read WithDecryption into a
 * KeyObject, never a string the agent could log.
 */
export const credentialParameterKeys = {
  privateKey: "service-key",
  keyId: "service-key-id",
  platformUrl: "service-platform-url",
  integrationId: "integration-id",
} as const;

/**
 * The stack's `platform-url` parameter: read (never written) when `service-platform-url` is missing,
 * for credentials registered before the agent kept its own copy.
 */
export const STACK_PLATFORM_URL_KEY = "platform-url";

/** `prefix` is the stack's `VIGIL_PARAMETER_PREFIX`; default `/vigil/<integrationId>`. */
export function credentialParameterNames(
  integrationId: string,
  prefix: string = parameterPrefixFor(integrationId),
): Record<keyof typeof credentialParameterKeys, string> {
  const base = prefix.replace(/\/+$/, "");
  return {
    privateKey: `${base}/${credentialParameterKeys.privateKey}`,
    keyId: `${base}/${credentialParameterKeys.keyId}`,
    platformUrl: `${base}/${credentialParameterKeys.platformUrl}`,
    integrationId: `${base}/${credentialParameterKeys.integrationId}`,
  };
}

const REDACTED = "[redacted]";

/**
 * What the agent signs with. The private key is a KeyObject held in a private field: logging,
 * `JSON.stringify` or `util.inspect` of this object never shows it.
 */
export class ServiceCredentials {
  readonly #privateKey: KeyObject;

  constructor(
    readonly integrationId: string,
    readonly keyId: string,
    readonly platformUrl: string,
    privateKey: KeyObject | string,
  ) {
    this.#privateKey = typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey;
  }

  /** For `signRequest` only. */
  get privateKey(): KeyObject {
    return this.#privateKey;
  }

  toJSON(): Record<string, string> {
    return {
      integrationId: this.integrationId,
      keyId: this.keyId,
      platformUrl: this.platformUrl,
      privateKey: REDACTED,
    };
  }

  // `util.inspect.custom`, by its registered name: importing node:util costs the cold start ~2 ms.
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `ServiceCredentials ${JSON.stringify(this.toJSON())}`;
  }
}

export class CredentialsMissingError extends Error {
  override readonly name = "CredentialsMissingError";
  constructor(
    readonly integrationId: string,
    readonly missing: string[],
  ) {
    super(
      `The integration's credentials are not in SSM (missing ${missing.join(", ")}): the stack's registration did not complete. Update the stack with a new registration token from the platform.`,
    );
  }
}

/**
 * Write the credentials the exchange returned, tagged `Created By: Vigil` and `Vigil Integration:
 * <id>`. A parameter that already exists (a re-registration) has its value replaced; its tags stay
 * (SSM refuses tags together with Overwrite).
 */
export async function writeCredentials(
  ssm: SSMClient,
  input: {
    integrationId: string;
    keyId: string;
    platformUrl: string;
    privateKeyPem: string;
    kmsKeyId?: string;
    prefix?: string;
  },
): Promise<void> {
  const names = credentialParameterNames(input.integrationId, input.prefix);
  const put = async (Name: string, Value: string, Type: "String" | "SecureString", Description: string) => {
    const parameter = {
      Name,
      Value,
      Type,
      Description,
      ...(Type === "SecureString" && input.kmsKeyId ? { KeyId: input.kmsKeyId } : {}),
    };
    try {
      await ssm.send(new PutParameterCommand({ ...parameter, Tags: vigilTags(input.integrationId) }));
    } catch (error) {
      if ((error as { name?: string }).name !== "ParameterAlreadyExists") throw error;
      await ssm.send(new PutParameterCommand({ ...parameter, Overwrite: true }));
    }
  };
  await put(names.privateKey, input.privateKeyPem, "SecureString", "Vigil service key (Ed25519, PKCS#8 PEM)");
  await put(names.keyId, input.keyId, "String", "Vigil service key id");
  await put(names.platformUrl, input.platformUrl, "String", "Base URL of the Vigil control plane");
  await put(names.integrationId, input.integrationId, "String", "Vigil integration id");
}

export async function readCredentials(
  ssm: SSMClient,
  integrationId: string,
  prefix?: string,
): Promise<ServiceCredentials> {
  const names = credentialParameterNames(integrationId, prefix);
  const stackPlatformUrl = `${names.platformUrl.slice(0, names.platformUrl.lastIndexOf("/"))}/${STACK_PLATFORM_URL_KEY}`;
  const out = await ssm.send(
    new GetParametersCommand({ Names: [...Object.values(names), stackPlatformUrl], WithDecryption: true }),
  );
  const value = (name: string) => out.Parameters?.find((p) => p.Name === name)?.Value;
  const platformUrl = value(names.platformUrl) ?? value(stackPlatformUrl);
  const missing = Object.values(names).filter(
    (n) => value(n) === undefined && !(n === names.platformUrl && platformUrl !== undefined),
  );
  if (missing.length > 0) throw new CredentialsMissingError(integrationId, missing);
  return new ServiceCredentials(
    value(names.integrationId) as string,
    value(names.keyId) as string,
    platformUrl as string,
    value(names.privateKey) as string,
  );
}

/**
 * Remove them when the stack is deleted (after the last signed request), or when a Create fails
 * after the exchange. Only the agent's own parameters: the stack's are CloudFormation's to delete.
 */
export async function deleteCredentials(
  ssm: SSMClient,
  integrationId: string,
  prefix?: string,
): Promise<number> {
  const out = await ssm.send(
    new DeleteParametersCommand({ Names: Object.values(credentialParameterNames(integrationId, prefix)) }),
  );
  return out.DeletedParameters?.length ?? 0;
}
