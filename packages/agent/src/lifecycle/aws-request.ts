import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

/**
 * A SigV4-signed AWS request without a generated SDK client (each client costs the agent's bundle
 * tens of KB): the SDK's own signer over node:crypto. Used to presign the enrollment proof (never
 * sent here) and to put result events on EventBridge.
 */

export interface AwsCredentialsLike {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export type CredentialsSource = AwsCredentialsLike | (() => Promise<AwsCredentialsLike>);

/** The SHA-256 (and HMAC) the signer needs, from node:crypto. */
class NodeSha256 {
  readonly #hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export interface SignedRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Sign a POST to `endpoint` (`/`) for `service` in `region`; `headers` are signed too. */
export async function signAwsRequest(options: {
  service: string;
  region: string;
  endpoint: string;
  headers: Record<string, string>;
  body: string;
  credentials: CredentialsSource;
  now?: Date;
}): Promise<SignedRequest> {
  const url = new URL(options.endpoint.replace(/\/+$/, ""));
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: options.service,
    sha256: NodeSha256,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: "/",
      query: {},
      headers: {
        ...options.headers,
        host: url.host,
        "content-length": String(Buffer.byteLength(options.body)),
      },
      body: options.body,
    },
    options.now ? { signingDate: options.now } : {},
  );
  return {
    method: "POST",
    url: `${url.protocol}//${url.host}/`,
    headers: Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), String(v)])),
    body: options.body,
  };
}

/** The endpoint the SDK would use for `service`, honouring its endpoint variables. */
export function awsEndpoint(
  env: Readonly<Record<string, string | undefined>>,
  service: "STS" | "ORGANIZATIONS" | "EVENTBRIDGE",
  fallback: string,
): string {
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || fallback;
}
