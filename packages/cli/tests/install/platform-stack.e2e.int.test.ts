import { randomBytes } from "node:crypto";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { createEvent } from "@vigil/events";
import { LAMBDA_ENTRIES, PLATFORM_ARTIFACTS } from "@vigil/infra";
import {
  createStack,
  type EmulatedAccount,
  type StackOutcome,
  startEmulatedAccount,
  uploadRelease,
} from "@vigil/testkit";
import { cookieBrowser, oidcSettingsFor, startTestIdp, type TestIdp } from "@vigil/testkit/oidc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReleaseDir } from "../../src/install/index.ts";

/**
 * The platform's own stack, as an operator deploys it: `vigil templates` builds platform.zip and
 * vigil-platform.template.json; the secrets go to an SSM SecureString; CloudFormation creates the
 * stack from S3 in the emulated account; the built zip then runs in Node 22 with the environment
 * the stack gave it, reading its secrets from SSM and its state from the stack's tables. Requests
 * reach the API function as a function URL delivers them (payload 2.0, through Lambda's Invoke:
 * moto serves no function URL), and an event a member account puts on the stack's bus goes
 * through the deployed rule to the ingest queue and, through the deployed event source mapping,
 * to the ingest function, which records it.
 */

const ADMIN_TOKEN = randomBytes(32).toString("base64url");
const SECRETS = "/vigil/platform/secrets";
let account: EmulatedAccount;
let stack: StackOutcome;
let lambda: LambdaClient;
let idp: TestIdp;
/** The function URL the requests below come through (payload 2.0's host). */
const FUNCTION_URL = "https://abc123.lambda-url.us-east-1.on.aws";

beforeAll(async () => {
  const platformOnly = LAMBDA_ENTRIES.filter((e) => e.name === "platform");
  const dir = await buildReleaseDir("0.1.0", { entries: platformOnly });
  // The team's OpenID Connect provider, on loopback; the platform's callback is on its function URL.
  idp = await startTestIdp();
  idp.users = { alice: { email: "alice@example.com", groups: ["vigil-admins"] } };
  idp.allowRedirect(`${FUNCTION_URL}/sign-in/oidc/callback`);
  account = await startEmulatedAccount();
  lambda = new LambdaClient(account.clientConfig());
  const ssm = new SSMClient(account.clientConfig());
  await ssm.send(
    new PutParameterCommand({
      Name: SECRETS,
      Type: "SecureString",
      Value: JSON.stringify({
        adminToken: ADMIN_TOKEN,
        sessionSecret: randomBytes(32).toString("base64url"),
        oidc: oidcSettingsFor(idp),
      }),
    }),
  );
  ssm.destroy();
  await uploadRelease(account, { dir, bucket: "vigil-releases", prefix: "releases/0.1.0" });
  stack = await createStack(account, {
    stackName: "vigil-platform",
    bucket: "vigil-releases",
    templateKey: `releases/0.1.0/${PLATFORM_ARTIFACTS.template}`,
    parameters: {
      ArtifactBucket: "vigil-releases",
      ArtifactPrefix: "releases/0.1.0",
      ProtectedSettingsParameter: SECRETS,
    },
  });
}, 300_000);

afterAll(async () => {
  lambda?.destroy();
  await account?.stop();
  await idp?.stop();
});

interface UrlResponse {
  statusCode: number;
  headers: Record<string, string>;
  /** Payload 2.0 answers its Set-Cookie headers here. */
  cookies?: string[];
  body: string;
}

/** An HTTP request as a Lambda function URL hands it to the function (payload format 2.0). */
async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const [rawPath, rawQueryString = ""] = path.split("?");
  const event = {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    headers: {
      host: new URL(FUNCTION_URL).host,
      "x-forwarded-proto": "https",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    requestContext: {
      accountId: "anonymous",
      apiId: "abc123",
      domainName: "abc123.lambda-url.us-east-1.on.aws",
      domainPrefix: "abc123",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "198.51.100.7", userAgent: "e2e" },
      requestId: randomBytes(8).toString("hex"),
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
  };
  const out = await lambda.send(
    new InvokeCommand({
      FunctionName: stack.outputs.ApiFunctionName,
      Payload: Buffer.from(JSON.stringify(event)),
    }),
  );
  const text = Buffer.from(out.Payload ?? new Uint8Array()).toString();
  if (out.FunctionError) throw new Error(`the API function failed: ${text}`);
  const response = JSON.parse(text) as UrlResponse;
  return { ...response, json: () => JSON.parse(response.body) as Record<string, unknown> };
}

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe("the platform stack, deployed from the built release", () => {
  it("is created with its function URL, bus, queues and tables", () => {
    expect(stack.status).toBe("CREATE_COMPLETE");
    expect(stack.outputs.ApiUrl).toMatch(/^https:\/\/[a-z0-9]+\.lambda-url\.us-east-1\.on\.aws\/$/);
    expect(stack.outputs.EventBusArn).toMatch(
      /^arn:aws:events:us-east-1:\d{12}:event-bus\/vigil-platform-ingest$/,
    );
    expect(stack.outputs.EventTableName).toBe("vigil-platform-events");
    const types = new Set(stack.resources.map((r) => r.ResourceType));
    for (const type of ["AWS::Lambda::Url", "AWS::Events::EventBus", "AWS::SQS::Queue", "AWS::S3::Bucket"]) {
      expect(types.has(type), type).toBe(true);
    }
  });

  it("serves the API with the admin token from SSM, with security headers, and refuses a wrong one", async () => {
    const wrong = await request("GET", "/api/integrations", undefined, {
      authorization: "Bearer not-the-token",
    });
    expect(wrong.statusCode).toBe(401);
    const created = await request(
      "POST",
      "/admin/integrations",
      { accountId: "210987654321", homeRegion: "eu-west-1" },
      admin,
    );
    expect(created.statusCode).toBe(201);
    expect(created.headers["cache-control"]).toBe("no-store");
    expect(created.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const { integrationId } = created.json() as { integrationId: string };
    // The list is a view: it follows the log after the deployed store's settle window (5 s).
    let listed = await request("GET", "/api/integrations", undefined, admin);
    for (let i = 0; i < 10 && !listed.body.includes(integrationId); i++) {
      await new Promise((r) => setTimeout(r, 1000));
      listed = await request("GET", "/api/integrations", undefined, admin);
    }
    expect(listed.statusCode).toBe(200);
    expect(listed.body).toContain(integrationId);
    const page = await request("GET", "/dashboard");
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe("/sign-in?next=%2Fdashboard");
  });

  it("signs a person in through the team's OpenID Connect provider, its settings read from SSM", async () => {
    const page = await request("GET", "/sign-in");
    expect(page.body).toContain("Sign in with Example SSO");
    const start = await request("GET", "/sign-in/oidc?next=/dashboard");
    expect(start.statusCode, start.body).toBe(302);
    const flow = (start.cookies ?? []).find((c) => c.startsWith("vigil_oidc=")) ?? "";
    expect(flow).toContain("Secure"); // the function URL is https
    // The provider signs alice in and sends the browser back to the function URL with a code.
    const browser = cookieBrowser();
    const back = await browser.get(start.headers.location as string, {
      stopBefore: `${FUNCTION_URL}/sign-in/oidc/callback`,
    });
    expect(back.url).toMatch(/\/sign-in\/oidc\/callback\?code=/);
    const landed = await request("GET", back.url.slice(FUNCTION_URL.length), undefined, {
      cookie: flow.split(";")[0] as string,
    });
    expect(landed.statusCode, landed.body).toBe(200);
    expect(landed.body).toContain('<meta http-equiv="refresh" content="0;url=/dashboard" />');
    const session = (landed.cookies ?? []).find((c) => /^vigil_session=[^;]/.test(c)) ?? "";
    expect(session).toMatch(/HttpOnly; SameSite=Strict; .*Secure/);
    const who = await request("GET", "/api/session", undefined, { cookie: session.split(";")[0] as string });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ user: "alice@example.com", role: "admin" });
  });

  it("records what a member account puts on the bus: rule → ingest queue → ingest function → log", async () => {
    const created = await request(
      "POST",
      "/admin/integrations",
      { accountId: account.accountId, homeRegion: "eu-west-1" },
      admin,
    );
    const { integrationId } = created.json() as { integrationId: string };
    const report = createEvent(
      "vigil.scan.asset-assessed.v1",
      {
        scanId: "scan-bus",
        assessedAt: new Date().toISOString(),
        asset: {
          arn: "arn:aws:s3:::member-bucket",
          type: "aws.s3.bucket",
          region: "eu-west-1",
          accountId: account.accountId,
          name: "member-bucket",
          tags: {},
        },
        results: [
          { checkId: "s3.encryption", status: "fail", severity: "high", title: "Bucket not encrypted" },
        ],
      },
      { source: `urn:vigil:agent:${account.accountId}`, integrationId },
    );
    const before = account.runner.invocations().length;
    await account.putEvent({
      source: report.source,
      detailType: report.type,
      detail: report,
      eventBusName: "vigil-platform-ingest",
    });
    // The deployed event source mapping hands the queued message to the ingest function (moto
    // runs SQS mappings synchronously, through the Lambda runner) and deletes it once handled.
    await account.runner.settle();
    const ran = account.runner
      .invocations()
      .slice(before)
      .filter((i) => i.function.functionName === stack.outputs.IngestFunctionName);
    expect(ran.map((i) => i.status)).toEqual(["succeeded"]);
    const record = (ran[0]?.event as { Records: { body: string }[] } | undefined)?.Records[0];
    // EventBridge's envelope: the account that put the event (here the stack's own), the event as detail.
    expect(JSON.parse(record?.body ?? "{}")).toMatchObject({
      account: account.accountId,
      "detail-type": report.type,
      detail: { id: report.id, type: report.type },
    });
    expect(ran[0]?.result).toEqual({ batchItemFailures: [] });
    // The views follow the log after its settle window (5 s in the deployed store).
    let assets: { arn: string }[] = [];
    for (let i = 0; i < 10 && assets.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      assets = (
        (await request("GET", `/api/integrations/${integrationId}/assets`, undefined, admin)).json() as {
          assets: { arn: string }[];
        }
      ).assets;
    }
    expect(assets.map((a) => a.arn)).toEqual(["arn:aws:s3:::member-bucket"]);
  });
});
