import * as z from "zod";
import { badRequest, forbidden, PlatformError, unauthorized } from "../http/errors.ts";

/**
 * Proof of an AWS account's identity without anyone holding its credentials — the way Vault's AWS
 * auth method does it. The member account's custom resource signs two requests with its own role's
 * credentials and sends them, unsent, to the platform: `sts:GetCallerIdentity` (which account and
 * role signed) and `organizations:DescribeOrganization` (which organization that account is in).
 * The platform executes them against AWS, never choosing where they go from what the caller says
 * (only to STS or Organizations endpoints it knows), so what comes back is AWS's word, signed by
 * the account's key, which the platform never sees.
 *
 * Each request must sign `x-vigil-audience` (this platform and organization: a request made for
 * another server is refused) and `x-amz-date` (15 minutes of validity, as AWS allows); both must be
 * signed with the same access key (one principal), and each signature is accepted once (a replay is
 * refused even within the 15 minutes).
 */

export const presignedRequestSchema = z.object({
  method: z.literal("POST", "the presigned request's method must be POST"),
  url: z.string().max(2048),
  headers: z
    .record(z.string().max(128), z.string().max(8192))
    .refine((h) => Object.keys(h).length <= 40, "at most 40 headers"),
  body: z.string().max(4096),
});
export type PresignedRequest = z.infer<typeof presignedRequestSchema>;

/** Where the platform sends presigned requests; each override replaces AWS's endpoints (tests: moto). */
export interface AwsIdentityEndpoints {
  sts?: string;
  organizations?: string;
}

export type AwsSend = (request: {
  url: string;
  headers: Record<string, string>;
  body: string;
}) => Promise<{ status: number; body: string; headers?: Record<string, string> }>;

/** The AWS request is sent as the account signed it (its signed headers, its body) to the endpoint. */
export const fetchAwsSend: AwsSend = async (request) => {
  const response = await fetch(request.url, {
    method: "POST",
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(10_000),
  });
  return {
    status: response.status,
    body: await response.text(),
    headers: Object.fromEntries(response.headers.entries()),
  };
};

/** AWS accepts a signed request for 15 minutes; a little clock skew the other way. */
export const PRESIGNED_MAX_AGE_MS = 15 * 60_000;
export const PRESIGNED_MAX_FUTURE_MS = 5 * 60_000;

export const AUDIENCE_HEADER = "x-vigil-audience";
const STS_BODY = { Action: "GetCallerIdentity", Version: "2011-06-15" };
const ORGANIZATIONS_TARGET = "AWSOrganizationsV20161128.DescribeOrganization";

export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export function parseSigV4Authorization(value: string | undefined): SigV4Authorization | undefined {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]{16,128})\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([a-f0-9]{64})$/.exec(
      value ?? "",
    );
  if (!m) return undefined;
  const [, accessKeyId = "", date = "", region = "", service = "", signed = "", signature = ""] = m;
  return { accessKeyId, date, region, service, signedHeaders: signed.split(";"), signature };
}

/** A presigned request checked on its own, before anything is sent. */
export interface CheckedPresignedRequest {
  kind: "identity" | "organization";
  authorization: SigV4Authorization;
  signedAt: Date;
  /** Where it will be sent: an endpoint the platform knows, and the host the account signed. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

/** `20250301T120000Z` → Date. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(
    Date.UTC(y as number, (mo as number) - 1, d as number, h as number, mi as number, s as number),
  );
}

/** The endpoints a presigned request of `service` in `region` may be sent to. */
function allowedEndpoints(
  service: "sts" | "organizations",
  region: string,
  endpoints: AwsIdentityEndpoints,
): string[] {
  const override = endpoints[service];
  if (override) return [override.replace(/\/+$/, "")];
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) return [];
  if (service === "sts") {
    return [
      `https://sts.${region}.amazonaws.com`,
      ...(region === "us-east-1" ? ["https://sts.amazonaws.com"] : []),
    ];
  }
  // Organizations is served from us-east-1 in the aws partition.
  return region === "us-east-1" ? ["https://organizations.us-east-1.amazonaws.com"] : [];
}

/**
 * Check one presigned request without sending it: the call it makes (exactly GetCallerIdentity, or
 * exactly DescribeOrganization), SigV4 with the audience and date signed, the audience, its age,
 * and an endpoint the platform allows. Throws a 4xx `PlatformError` naming what is wrong.
 */
export function checkPresignedRequest(
  kind: "identity" | "organization",
  request: PresignedRequest,
  expected: { audience: string; now: Date; endpoints: AwsIdentityEndpoints },
): CheckedPresignedRequest {
  const what = kind === "identity" ? "The identity request" : "The organization request";
  const code = kind === "identity" ? "identity" : "organization_proof";
  const headers = lowerCaseHeaders(request.headers);
  const service = kind === "identity" ? "sts" : "organizations";
  if (kind === "identity") {
    const form = new URLSearchParams(request.body);
    const keys = [...form.keys()].sort();
    if (
      keys.join(",") !== "Action,Version" ||
      form.get("Action") !== STS_BODY.Action ||
      form.get("Version") !== STS_BODY.Version
    ) {
      throw badRequest(
        `${code}_request_invalid`,
        `${what} must be exactly sts:GetCallerIdentity (body Action=GetCallerIdentity&Version=2011-06-15); it asks for something else.`,
      );
    }
  } else {
    let body: unknown;
    try {
      body = JSON.parse(request.body || "{}");
    } catch {
      body = undefined;
    }
    if (
      headers["x-amz-target"] !== ORGANIZATIONS_TARGET ||
      typeof body !== "object" ||
      body === null ||
      Object.keys(body).length > 0
    ) {
      throw badRequest(
        `${code}_request_invalid`,
        `${what} must be exactly organizations:DescribeOrganization (X-Amz-Target ${ORGANIZATIONS_TARGET}, body {}).`,
      );
    }
  }
  const authorization = parseSigV4Authorization(headers.authorization);
  if (!authorization || authorization.service !== service) {
    throw badRequest(
      `${code}_signature_missing`,
      `${what} carries no AWS Signature Version 4 for ${service}; presign it with the account's credentials.`,
    );
  }
  for (const needed of ["host", "x-amz-date", AUDIENCE_HEADER]) {
    if (!authorization.signedHeaders.includes(needed) || headers[needed] === undefined) {
      throw badRequest(
        `${code}_signature_incomplete`,
        `${what} must sign the ${needed} header (signed: ${authorization.signedHeaders.join(", ")}).`,
      );
    }
  }
  if (headers[AUDIENCE_HEADER] !== expected.audience) {
    throw unauthorized(
      `${code}_audience_mismatch`,
      `${what} was made for "${headers[AUDIENCE_HEADER]}", not for this platform and organization ("${expected.audience}"); sign it for the platform you send it to.`,
    );
  }
  const signedAt = parseAmzDate(headers["x-amz-date"]);
  if (!signedAt) {
    throw badRequest(`${code}_request_invalid`, `${what}'s X-Amz-Date is not a SigV4 date.`);
  }
  const age = expected.now.getTime() - signedAt.getTime();
  if (age > PRESIGNED_MAX_AGE_MS || -age > PRESIGNED_MAX_FUTURE_MS) {
    throw unauthorized(
      `${code}_request_stale`,
      `${what} was signed at ${signedAt.toISOString()}; the platform accepts presigned requests for 15 minutes (and 5 minutes of clock skew). Sign a new one.`,
    );
  }
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw badRequest(`${code}_request_invalid`, `${what}'s URL is not a URL.`);
  }
  const target = `${url.protocol}//${url.host}`;
  const allowed = allowedEndpoints(service, authorization.region, expected.endpoints);
  const endpoint = allowed.find((e) => e === target);
  if (!endpoint || (url.pathname !== "/" && url.pathname !== "") || url.search !== "") {
    throw badRequest(
      `${code}_endpoint_not_allowed`,
      `${what} goes to ${target}${url.pathname}; the platform sends it only to ${allowed.join(" or ") || `no ${service} endpoint of region ${authorization.region}`}.`,
    );
  }
  if (headers.host !== url.host) {
    throw badRequest(`${code}_request_invalid`, `${what} signs Host ${headers.host}, not ${url.host}.`);
  }
  // Forward what the account signed and nothing else; the HTTP client sets Host and the length.
  const forwarded: Record<string, string> = { authorization: headers.authorization as string };
  for (const name of authorization.signedHeaders) {
    if (name === "host" || name === "content-length") continue;
    const value = headers[name];
    if (value !== undefined) forwarded[name] = value;
  }
  return { kind, authorization, signedAt, url: `${endpoint}/`, headers: forwarded, body: request.body };
}

export interface ProvenIdentity {
  accountId: string;
  arn: string;
  organizationId: string;
  managementAccountId?: string;
}

/** The two requests belong together: the same principal's key signed both. */
export function checkSamePrincipal(
  identity: CheckedPresignedRequest,
  organization: CheckedPresignedRequest,
): void {
  if (identity.authorization.accessKeyId !== organization.authorization.accessKeyId) {
    throw badRequest(
      "identity_keys_differ",
      "The identity and organization requests were signed with different access keys; sign both with the same credentials.",
    );
  }
}

/**
 * Send both to AWS and read what it answers. A refusal by AWS (a bad or expired signature, a
 * denied call) is a 401/403 naming AWS's error; AWS unreachable or failing is a 503 (nothing is
 * decided on a failed read).
 */
export async function executeIdentityProof(
  identity: CheckedPresignedRequest,
  organization: CheckedPresignedRequest,
  send: AwsSend,
): Promise<ProvenIdentity> {
  const sts = await sendChecked(identity, send, "STS");
  if (sts.status !== 200) {
    const code = /<Code>([^<]+)<\/Code>/.exec(sts.body)?.[1] ?? `HTTP ${sts.status}`;
    throw unauthorized(
      "identity_not_proven",
      `AWS STS refused the presigned GetCallerIdentity (${code}); the request must be signed by the member account's own credentials, within 15 minutes.`,
    );
  }
  const accountId = /<Account>(\d{12})<\/Account>/.exec(sts.body)?.[1];
  const arn = /<Arn>([^<]+)<\/Arn>/.exec(sts.body)?.[1];
  if (!accountId || !arn) {
    throw new PlatformError(
      502,
      "identity_answer_unreadable",
      "AWS STS answered GetCallerIdentity without an account and ARN; nothing was recorded. Retry.",
    );
  }
  const orgs = await sendChecked(organization, send, "Organizations");
  if (orgs.status !== 200) {
    const code = errorCodeOf(orgs.body, orgs.headers);
    if (code === "AWSOrganizationsNotInUseException") {
      throw forbidden(
        "account_not_in_organization",
        `AWS Organizations says account ${accountId} is not in an organization; only accounts of the organization may enroll.`,
      );
    }
    throw forbidden(
      "organization_not_proven",
      `AWS Organizations refused the presigned DescribeOrganization for account ${accountId} (${code}); the agent's role needs organizations:DescribeOrganization.`,
    );
  }
  let organizationId: string | undefined;
  let managementAccountId: string | undefined;
  try {
    const parsed = JSON.parse(orgs.body) as { Organization?: { Id?: string; MasterAccountId?: string } };
    organizationId = parsed.Organization?.Id;
    managementAccountId = parsed.Organization?.MasterAccountId;
  } catch {
    organizationId = undefined;
  }
  if (!organizationId) {
    throw new PlatformError(
      502,
      "organization_answer_unreadable",
      "AWS Organizations answered DescribeOrganization without an organization id; nothing was recorded. Retry.",
    );
  }
  return {
    accountId,
    arn,
    organizationId,
    ...(managementAccountId ? { managementAccountId } : {}),
  };
}

async function sendChecked(request: CheckedPresignedRequest, send: AwsSend, service: string) {
  let answer: Awaited<ReturnType<AwsSend>>;
  try {
    answer = await send({ url: request.url, headers: request.headers, body: request.body });
  } catch (error) {
    throw new PlatformError(
      503,
      "aws_unreachable",
      `The platform could not reach AWS ${service} to verify the enrollment (${(error as Error).message}); nothing was recorded. Retry.`,
    );
  }
  if (answer.status >= 500) {
    throw new PlatformError(
      503,
      "aws_unavailable",
      `AWS ${service} answered ${answer.status}; nothing was recorded. Retry.`,
    );
  }
  return answer;
}

function errorCodeOf(body: string, headers: Record<string, string> | undefined): string {
  const header = headers?.["x-amzn-errortype"]?.split(":")[0];
  if (header) return header.split("#").pop() ?? header;
  try {
    const parsed = JSON.parse(body) as { __type?: string; code?: string };
    const type = parsed.__type ?? parsed.code;
    if (type) return type.split("#").pop() ?? type;
  } catch {
    // not JSON
  }
  return /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? "unknown error";
}
