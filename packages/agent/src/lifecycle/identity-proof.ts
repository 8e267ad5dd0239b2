import { randomBytes } from "node:crypto";
import { type AwsCredentialsLike, awsEndpoint, type SignedRequest, signAwsRequest } from "./aws-request.ts";

export type { AwsCredentialsLike };

/**
 * How a member account proves who it is to the platform without giving it any credential (Vault's
 * AWS auth method): two AWS requests signed (SigV4) with the agent's own role credentials and sent,
 * unsent, to the platform, which executes them against AWS — `sts:GetCallerIdentity` (the account
 * and role) and `organizations:DescribeOrganization` (its organization). Each signs
 * `x-vigil-audience` (this platform and organization), so it is worth nothing to another server;
 * each is valid for AWS's 15 minutes, and the platform accepts each signature once.
 */

export type PresignedRequest = SignedRequest;

export interface IdentityProof {
  identity: PresignedRequest;
  organization: PresignedRequest;
}

export interface IdentityProofOptions {
  /** The platform and organization the requests are for: `<platform origin>/organizations/<id>`. */
  audience: string;
  /** The stack's region (STS is called in it). */
  region: string;
  credentials: AwsCredentialsLike | (() => Promise<AwsCredentialsLike>);
  /** `https://sts.<region>.amazonaws.com` unless overridden (`AWS_ENDPOINT_URL_STS` / `AWS_ENDPOINT_URL`). */
  stsEndpoint?: string;
  /** `https://organizations.us-east-1.amazonaws.com` unless overridden. */
  organizationsEndpoint?: string;
  now?: Date;
}

export const AUDIENCE_HEADER = "x-vigil-audience";

/** The audience the platform checks: its origin (from the stack's PlatformUrl) and the organization integration. */
export function enrollmentAudience(platformUrl: string, organizationIntegrationId: string): string {
  return `${new URL(platformUrl).origin}/organizations/${organizationIntegrationId}`;
}

/** The endpoints the SDK would use, honouring the SDK's own endpoint variables. */
export function identityEndpoints(
  env: Readonly<Record<string, string | undefined>>,
  region: string,
): { stsEndpoint: string; organizationsEndpoint: string } {
  return {
    stsEndpoint: awsEndpoint(env, "STS", `https://sts.${region}.amazonaws.com`),
    organizationsEndpoint: awsEndpoint(env, "ORGANIZATIONS", "https://organizations.us-east-1.amazonaws.com"),
  };
}

async function presign(
  service: "sts" | "organizations",
  endpoint: string,
  signingRegion: string,
  headers: Record<string, string>,
  body: string,
  options: IdentityProofOptions,
  nonce: string,
): Promise<PresignedRequest> {
  return signAwsRequest({
    service,
    region: signingRegion,
    endpoint,
    // The nonce makes every proof's signature unique (the platform accepts each signature once).
    headers: { ...headers, [AUDIENCE_HEADER]: options.audience, "x-vigil-nonce": nonce },
    body,
    credentials: options.credentials,
    ...(options.now ? { now: options.now } : {}),
  });
}

/** Sign both requests (nothing is sent to AWS here). */
export async function presignIdentityProof(options: IdentityProofOptions): Promise<IdentityProof> {
  const stsEndpoint = options.stsEndpoint ?? `https://sts.${options.region}.amazonaws.com`;
  const organizationsEndpoint =
    options.organizationsEndpoint ?? "https://organizations.us-east-1.amazonaws.com";
  const stsBody = "Action=GetCallerIdentity&Version=2011-06-15";
  const nonce = randomBytes(16).toString("hex");
  const identity = await presign(
    "sts",
    stsEndpoint,
    options.region,
    { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    stsBody,
    options,
    nonce,
  );
  const organization = await presign(
    "organizations",
    organizationsEndpoint,
    "us-east-1",
    {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AWSOrganizationsV20161128.DescribeOrganization",
    },
    "{}",
    options,
    nonce,
  );
  return { identity, organization };
}
