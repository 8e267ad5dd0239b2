import { createHmac } from "node:crypto";
import type { AwsSend, PresignedRequest } from "../src/organizations/aws-identity.ts";

/**
 * A stand-in for AWS STS and Organizations as the platform reaches them at enrollment: it knows
 * which access key belongs to which account (and that account's organization) and checks each
 * request's signature (an HMAC over the method, host, path, signed headers and body with the key's
 * secret), so a request altered after signing is refused as AWS refuses it.
 */
export interface FakePrincipal {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  /** Undefined: the account is in no organization. */
  organizationId: string | undefined;
}

export const STS = "https://sts.us-east-1.amazonaws.com";
export const ORGANIZATIONS = "https://organizations.us-east-1.amazonaws.com";

function amzDate(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function signature(
  secret: string,
  method: string,
  host: string,
  headers: Record<string, string>,
  signed: string[],
  body: string,
) {
  const canonical = [method, host, ...signed.map((h) => `${h}:${headers[h] ?? ""}`), body].join("\n");
  return createHmac("sha256", secret).update(canonical).digest("hex");
}

export function fakeAws(principals: FakePrincipal[]) {
  const byKey = new Map(principals.map((p) => [p.accessKeyId, p]));
  const sent: { url: string; headers: Record<string, string>; body: string }[] = [];

  function presign(
    kind: "identity" | "organization",
    principal: FakePrincipal,
    options: {
      audience: string;
      at: Date;
      endpoint?: string;
      body?: string;
      target?: string;
      action?: string;
    },
  ): PresignedRequest {
    const endpoint = options.endpoint ?? (kind === "identity" ? STS : ORGANIZATIONS);
    const host = new URL(endpoint).host;
    const body =
      options.body ??
      (kind === "identity" ? `Action=${options.action ?? "GetCallerIdentity"}&Version=2011-06-15` : "{}");
    const date = amzDate(options.at);
    const headers: Record<string, string> = {
      host,
      "x-amz-date": date,
      "x-vigil-audience": options.audience,
      ...(kind === "identity"
        ? { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }
        : {
            "content-type": "application/x-amz-json-1.1",
            "x-amz-target": options.target ?? "AWSOrganizationsV20161128.DescribeOrganization",
          }),
    };
    const signed = Object.keys(headers).sort();
    const sig = signature(principal.secretAccessKey, "POST", host, headers, signed, body);
    const service = kind === "identity" ? "sts" : "organizations";
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${principal.accessKeyId}/${date.slice(0, 8)}/us-east-1/${service}/aws4_request, SignedHeaders=${signed.join(";")}, Signature=${sig}`;
    return { method: "POST", url: `${endpoint}/`, headers, body };
  }

  const send: AwsSend = async (request) => {
    sent.push(request);
    const url = new URL(request.url);
    const auth = /Credential=([A-Z0-9]+)\/[^,]+, SignedHeaders=([a-z0-9;-]+), Signature=([a-f0-9]{64})/.exec(
      request.headers.authorization ?? "",
    );
    const principal = auth ? byKey.get(auth[1] as string) : undefined;
    const headers = { ...request.headers, host: url.host };
    const valid =
      principal &&
      auth &&
      signature(
        principal.secretAccessKey,
        "POST",
        url.host,
        headers,
        (auth[2] as string).split(";"),
        request.body,
      ) === auth[3];
    const isSts = request.url.startsWith(STS);
    if (!valid || !principal) {
      return isSts
        ? {
            status: 403,
            body: "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>",
          }
        : {
            status: 403,
            body: JSON.stringify({ __type: "InvalidSignatureException", message: "bad signature" }),
          };
    }
    if (isSts) {
      return {
        status: 200,
        body: `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::${principal.accountId}:assumed-role/vigil-agent/session</Arn><UserId>AROA:session</UserId><Account>${principal.accountId}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
      };
    }
    if (!principal.organizationId) {
      return {
        status: 400,
        body: JSON.stringify({
          __type: "AWSOrganizationsNotInUseException",
          message: "not in an organization",
        }),
      };
    }
    return {
      status: 200,
      body: JSON.stringify({
        Organization: { Id: principal.organizationId, MasterAccountId: "111111111111" },
      }),
    };
  };

  return { presign, send, sent };
}
