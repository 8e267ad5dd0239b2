import { Readable } from "node:stream";
import { GetPublicAccessBlockCommand } from "@aws-sdk/client-s3-control";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAwsClients, literalHostEndpoint } from "../src/aws/clients.ts";
import "../src/collectors/s3.ts"; // registers the S3 and S3 Control clients

const ACCOUNT = "123456789012";
const BLOCK = `<?xml version="1.0" encoding="UTF-8"?><PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>`;

/** Where S3 Control's GetPublicAccessBlock is sent, answered with a block (no network). */
async function sentTo(): Promise<{ hostname: string; port?: number; account?: string }> {
  let seen: { hostname: string; port?: number; headers: Record<string, string> } | undefined;
  const requestHandler = {
    handle: async (request: { hostname: string; port?: number; headers: Record<string, string> }) => {
      seen = request;
      return { response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from(BLOCK)]) } };
    },
  };
  const clients = createAwsClients({
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
    requestHandler,
  });
  try {
    const out = await clients
      .forRegion("us-east-1")
      .s3control.send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }));
    expect(out.PublicAccessBlockConfiguration?.BlockPublicAcls).toBe(true);
  } finally {
    clients.destroy();
  }
  if (seen === undefined) throw new Error("no request was sent");
  return {
    hostname: seen.hostname,
    ...(seen.port !== undefined ? { port: seen.port } : {}),
    ...(seen.headers["x-amz-account-id"] !== undefined ? { account: seen.headers["x-amz-account-id"] } : {}),
  };
}

describe("S3 Control behind an endpoint override", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("knows a local emulator's endpoint (an IP address or localhost) from a host name", () => {
    expect(literalHostEndpoint("http://127.0.0.1:5077")?.host).toBe("127.0.0.1:5077");
    expect(literalHostEndpoint("http://localhost:4566")?.host).toBe("localhost:4566");
    expect(literalHostEndpoint("http://[::1]:4566")?.hostname).toBe("[::1]");
    expect(literalHostEndpoint("https://s3-control.us-east-1.amazonaws.com")).toBeUndefined();
    expect(literalHostEndpoint("https://vpce-0abc.s3-control.us-east-1.vpce.amazonaws.com")).toBeUndefined();
    expect(literalHostEndpoint("not a url")).toBeUndefined();
    expect(literalHostEndpoint(undefined)).toBeUndefined();
  });

  it("sends to the emulator as given, the account in its header (the endpoint rules would make 123456789012.127.0.0.1, no URL)", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:5077");
    expect(await sentTo()).toEqual({ hostname: "127.0.0.1", port: 5077, account: ACCOUNT });
  });

  it("leaves AWS's own endpoint to the SDK's rules (the account in front of the host)", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL", undefined);
    vi.stubEnv("AWS_ENDPOINT_URL_S3_CONTROL", undefined);
    expect(await sentTo()).toEqual({
      hostname: `${ACCOUNT}.s3-control.us-east-1.amazonaws.com`,
      account: ACCOUNT,
    });
  });
});
