import { createEvent } from "@vigil/events";
import { beforeEach, describe, expect, it } from "vitest";
import { type FakePrincipal, fakeAws, STS } from "./fake-aws.ts";
import { admin, testPlatform } from "./helpers.ts";

/**
 * Organization integrations: one per AWS Organization; member accounts enroll with the shared
 * secret and a presigned GetCallerIdentity + DescribeOrganization the platform executes (here
 * against a stand-in for AWS that checks signatures); each gets its own key and status.
 */

const ORG = "o-a1b2c3d4e5";
const OTHER_ORG = "o-zzzzzzzzzz";
const ACCOUNTS = ["210000000001", "210000000002", "210000000003", "210000000004", "210000000005"];

const principal = (accountId: string, organizationId: string | undefined = ORG): FakePrincipal => ({
  accessKeyId: `ASIA${accountId}TEST`,
  secretAccessKey: `secret-of-${accountId}`,
  accountId,
  organizationId,
});

const outsider = principal("299999999999", OTHER_ORG);
const loner: FakePrincipal = { ...principal("288888888888"), organizationId: undefined };
const members = ACCOUNTS.map((a) => principal(a));

let p: ReturnType<typeof testPlatform>;
let aws: ReturnType<typeof fakeAws>;
let orgId: string;
let secret: string;
let secretId: string;

beforeEach(async () => {
  aws = fakeAws([...members, outsider, loner]);
  p = testPlatform(new Date("2025-03-01T12:00:00.000Z"), { awsSend: aws.send });
  const res = await p.app.request("/admin/organizations", {
    method: "POST",
    headers: admin,
    body: JSON.stringify({
      organizationId: ORG,
      homeRegion: "us-east-1",
      managementAccountId: "111111111111",
    }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as {
    organizationIntegrationId: string;
    enrollmentSecret: string;
    secretId: string;
  };
  orgId = body.organizationIntegrationId;
  secret = body.enrollmentSecret;
  secretId = body.secretId;
});

const audience = () => `http://localhost/organizations/${orgId}`;

function enrollment(
  who: FakePrincipal,
  overrides: {
    claims?: Partial<{ accountId: string; organizationId: string; integrationId: string }>;
    secret?: string;
    at?: Date;
    identity?: Parameters<ReturnType<typeof fakeAws>["presign"]>[2];
    organizationSigner?: FakePrincipal;
  } = {},
) {
  const at = overrides.at ?? p.now();
  const accountId = overrides.claims?.accountId ?? who.accountId;
  return {
    enrollmentSecret: overrides.secret ?? secret,
    integrationId: overrides.claims?.integrationId ?? `${orgId}-${accountId}`,
    accountId,
    organizationId: overrides.claims?.organizationId ?? ORG,
    homeRegion: "us-east-1",
    identity: aws.presign("identity", who, overrides.identity ?? { audience: audience(), at }),
    organization: aws.presign("organization", overrides.organizationSigner ?? who, {
      audience: audience(),
      at,
    }),
  };
}

async function enroll(body: unknown) {
  const res = await p.app.request("/organizations/enroll", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, string> & { error?: { code: string; message: string } },
  };
}

async function organization() {
  const res = await p.app.request(`/api/organizations/${orgId}`, { headers: admin });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    organization: { organizationId: string; secrets: { secretId: string; status: string }[] };
    members: { accountId: string; integrationId: string; status: string; keyId?: string }[];
    rollup: { accounts: number; byStatus: Record<string, number> };
  };
}

describe("an organization integration", () => {
  it("is one per AWS Organization: registering it again is a 409 naming the existing one", async () => {
    expect(orgId).toMatch(/^org-[a-z0-9]{12}$/);
    const again = await p.app.request("/admin/organizations", {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ organizationId: ORG, homeRegion: "eu-west-1" }),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "organization_exists",
      message: expect.stringContaining(orgId),
    });
    const list = (await (await p.app.request("/api/organizations", { headers: admin })).json()) as {
      organizations: { organizationIntegrationId: string; organizationId: string }[];
    };
    expect(list.organizations).toEqual([
      expect.objectContaining({ organizationIntegrationId: orgId, organizationId: ORG }),
    ]);
  });

  it("enrolls five accounts with one secret: each active with its own key, each key signing for its account only", async () => {
    const keys: Record<string, { keyId: string; privateKeyPem: string; integrationId: string }> = {};
    for (const m of members) {
      const out = await enroll(enrollment(m));
      expect(out.status, JSON.stringify(out.json)).toBe(201);
      expect(out.json.integrationId).toBe(`${orgId}-${m.accountId}`);
      keys[m.accountId] = {
        keyId: out.json.keyId as string,
        privateKeyPem: out.json.privateKeyPem as string,
        integrationId: out.json.integrationId as string,
      };
    }
    expect(new Set(Object.values(keys).map((k) => k.keyId)).size).toBe(5);
    // Every call went to AWS's own endpoints, never elsewhere.
    expect(new Set(aws.sent.map((s) => new URL(s.url).origin))).toEqual(
      new Set([STS, "https://organizations.us-east-1.amazonaws.com"]),
    );
    const view = await organization();
    expect(view.members.map((m) => [m.accountId, m.status]).sort()).toEqual(
      ACCOUNTS.map((a) => [a, "active"]),
    );
    expect(new Set(view.members.map((m) => m.keyId)).size).toBe(5);
    expect(view.rollup).toMatchObject({ accounts: 5, byStatus: { active: 5 } });

    const first = keys[ACCOUNTS[0] as string] as {
      keyId: string;
      privateKeyPem: string;
      integrationId: string;
    };
    const ok = await p.signed(first, "/agent/heartbeat", JSON.stringify({ agentVersion: "1.0.0" }));
    expect(ok.status).toBe(202);
    // A member's key reports for its own account only.
    const foreign = createEvent(
      "vigil.integration.stack-created.v1",
      {
        accountId: ACCOUNTS[1] as string,
        stack: {
          stackId: "arn:aws:cloudformation:us-east-1:210000000002:stack/x/y",
          stackName: "x",
          region: "us-east-1",
          templateVersion: "1.0.0",
        },
        enabledRegions: [],
      },
      { source: "urn:vigil:agent:x", integrationId: first.integrationId },
    );
    const refused = await p.signed(first, "/agent/events", JSON.stringify({ events: [foreign] }));
    expect(refused.status).toBe(400);
  });

  it("re-enrolls an account whose stack was deleted: active again, its history kept", async () => {
    const m = members[0] as FakePrincipal;
    const first = await enroll(enrollment(m));
    const agent = { keyId: first.json.keyId as string, privateKeyPem: first.json.privateKeyPem as string };
    const integrationId = first.json.integrationId as string;
    const deleted = createEvent(
      "vigil.integration.deleted.v1",
      { accountId: m.accountId, deletedAt: p.now().toISOString() },
      { source: `urn:vigil:agent:${m.accountId}`, integrationId, time: p.now() },
    );
    expect((await p.signed(agent, "/agent/events", JSON.stringify({ events: [deleted] }))).status).toBe(202);
    expect((await organization()).members[0]?.status).toBe("deleted");
    p.advance(60_000);
    const again = await enroll(enrollment(m));
    expect(again.status).toBe(201);
    expect(again.json.keyId).not.toBe(agent.keyId);
    expect((await organization()).members[0]?.status).toBe("active");
    const history = (await (
      await p.app.request(`/api/integrations/${integrationId}/events`, { headers: admin })
    ).json()) as {
      events: { type: string }[];
    };
    expect(history.events.map((e) => e.type)).toEqual([
      "vigil.organization.account-enrolled.v1",
      "vigil.integration.credentials-issued.v1",
      "vigil.integration.deleted.v1",
      "vigil.organization.account-enrolled.v1",
      "vigil.integration.credentials-issued.v1",
    ]);
    // The deleted installation's key signs nothing any more.
    expect(
      (await p.signed(agent, "/agent/heartbeat", JSON.stringify({ agentVersion: "1.0.0" }))).status,
    ).toBe(401);
  });
});

describe("bad enrollments get a clear 4xx and write nothing", () => {
  const cases: [string, () => Promise<unknown> | unknown, number, string][] = [
    [
      "the stack claims another organization",
      () => enrollment(members[0] as FakePrincipal, { claims: { organizationId: OTHER_ORG } }),
      403,
      "organization_mismatch",
    ],
    ["an account of another organization", () => enrollment(outsider), 403, "organization_mismatch"],
    ["an account in no organization", () => enrollment(loner), 403, "account_not_in_organization"],
    [
      "a presigned identity of another account",
      () => enrollment(members[1] as FakePrincipal, { claims: { accountId: ACCOUNTS[0] as string } }),
      403,
      "account_mismatch",
    ],
    [
      "another member's integration id",
      () => enrollment(members[0] as FakePrincipal, { claims: { integrationId: `${orgId}-${ACCOUNTS[1]}` } }),
      403,
      "integration_mismatch",
    ],
    [
      "a secret that was never issued",
      () => enrollment(members[0] as FakePrincipal, { secret: secret.replace(/.{4}$/, "AAAA") }),
      401,
      "enrollment_secret_invalid",
    ],
    [
      "a request for another platform",
      () =>
        enrollment(members[0] as FakePrincipal, {
          identity: { audience: "https://evil.example/organizations/x", at: p.now() },
        }),
      401,
      "identity_audience_mismatch",
    ],
    [
      "a request older than 15 minutes",
      () => enrollment(members[0] as FakePrincipal, { at: new Date(p.now().getTime() - 16 * 60_000) }),
      401,
      "identity_request_stale",
    ],
    [
      "a request to an endpoint that is not STS",
      () =>
        enrollment(members[0] as FakePrincipal, {
          identity: { audience: audience(), at: p.now(), endpoint: "http://169.254.169.254" },
        }),
      400,
      "identity_endpoint_not_allowed",
    ],
    [
      "another STS action than GetCallerIdentity",
      () =>
        enrollment(members[0] as FakePrincipal, {
          identity: { audience: audience(), at: p.now(), action: "AssumeRole" },
        }),
      400,
      "identity_request_invalid",
    ],
    [
      "the organization proof signed by another key",
      () => enrollment(members[0] as FakePrincipal, { organizationSigner: members[1] as FakePrincipal }),
      400,
      "identity_keys_differ",
    ],
  ];
  for (const [what, make, status, code] of cases) {
    it(`${what}: ${status} ${code}`, async () => {
      const before = await p.log();
      const out = await enroll(await make());
      expect(out.status, JSON.stringify(out.json)).toBe(status);
      expect(out.json.error?.code).toBe(code);
      expect(out.json.error?.message.length).toBeGreaterThan(20);
      expect(await p.log()).toEqual(before);
    });
  }

  it("a signature altered after signing: AWS refuses it, 401 identity_not_proven", async () => {
    const body = enrollment(members[0] as FakePrincipal);
    body.identity.headers.authorization = body.identity.headers.authorization?.replace(
      /Signature=[0-9a-f]{4}/,
      "Signature=0000",
    ) as string;
    const before = await p.log();
    const out = await enroll(body);
    expect([out.status, out.json.error?.code]).toEqual([401, "identity_not_proven"]);
    expect(await p.log()).toEqual(before);
  });

  it("a replayed enrollment: 401 identity_replayed, nothing more written", async () => {
    const body = enrollment(members[0] as FakePrincipal);
    expect((await enroll(body)).status).toBe(201);
    const before = await p.log();
    const sentBefore = aws.sent.length;
    const out = await enroll(body);
    expect([out.status, out.json.error?.code]).toEqual([401, "identity_replayed"]);
    expect(aws.sent.length).toBe(sentBefore);
    expect(await p.log()).toEqual(before);
  });

  it("a revoked secret: 401 enrollment_secret_revoked; a new secret enrolls", async () => {
    const revoke = await p.app.request(
      `/admin/organizations/${orgId}/enrollment-secrets/${secretId}/revoke`,
      {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ reason: "leaked" }),
      },
    );
    expect(revoke.status).toBe(200);
    const before = await p.log();
    const out = await enroll(enrollment(members[0] as FakePrincipal));
    expect([out.status, out.json.error?.code]).toEqual([401, "enrollment_secret_revoked"]);
    expect(await p.log()).toEqual(before);
    const issued = await p.app.request(`/admin/organizations/${orgId}/enrollment-secrets`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ validForDays: 30 }),
    });
    expect(issued.status).toBe(201);
    const next = (await issued.json()) as { enrollmentSecret: string };
    expect(
      (await enroll(enrollment(members[0] as FakePrincipal, { secret: next.enrollmentSecret }))).status,
    ).toBe(201);
    expect((await organization()).organization.secrets.map((s) => s.status)).toEqual(["revoked", "valid"]);
  });

  it("an expired secret: 410 enrollment_secret_expired, with the admin's expiry", async () => {
    const issued = await p.app.request(`/admin/organizations/${orgId}/enrollment-secrets`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ expiresAt: new Date(p.now().getTime() + 3_600_000).toISOString() }),
    });
    const short = (await issued.json()) as { enrollmentSecret: string };
    p.advance(3_600_000);
    const before = await p.log();
    const out = await enroll(enrollment(members[0] as FakePrincipal, { secret: short.enrollmentSecret }));
    expect([out.status, out.json.error?.code]).toEqual([410, "enrollment_secret_expired"]);
    expect(await p.log()).toEqual(before);
  });

  it("refuses an expiry in the past or beyond a year", async () => {
    for (const body of [{ expiresAt: "2020-01-01T00:00:00Z" }, { validForDays: 400 }]) {
      const res = await p.app.request(`/admin/organizations/${orgId}/enrollment-secrets`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
  });
});

describe("commands reach one account or all, at each agent's check-in", () => {
  async function enrollAll() {
    const agents: Record<string, { keyId: string; privateKeyPem: string; integrationId: string }> = {};
    for (const m of members) {
      const out = await enroll(enrollment(m));
      agents[m.accountId] = {
        keyId: out.json.keyId as string,
        privateKeyPem: out.json.privateKeyPem as string,
        integrationId: out.json.integrationId as string,
      };
    }
    return agents;
  }
  async function checkIn(agent: { keyId: string; privateKeyPem: string }, commandsAfter = 0) {
    const res = await p.signed(
      agent,
      "/agent/heartbeat",
      JSON.stringify({ agentVersion: "1.0.0", commandsAfter }),
    );
    expect(res.status).toBe(202);
    return (
      (await res.json()) as {
        commands: { sequence: number; event: { type: string; data: Record<string, unknown> } }[];
      }
    ).commands;
  }

  it("scan now for one account: handed over at its next check-in, once", async () => {
    const agents = await enrollAll();
    const one = agents[ACCOUNTS[0] as string] as {
      keyId: string;
      privateKeyPem: string;
      integrationId: string;
    };
    const res = await p.app.request(`/admin/integrations/${one.integrationId}/commands`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ command: "scan" }),
    });
    expect(res.status).toBe(202);
    const { scanId } = (await res.json()) as { scanId: string };
    const commands = await checkIn(one);
    expect(commands.map((c) => [c.sequence, c.event.type, c.event.data.scanId])).toEqual([
      [1, "vigil.scan.requested.v1", scanId],
    ]);
    expect(await checkIn(one, 1)).toEqual([]);
    // Another member has nothing.
    expect(await checkIn(agents[ACCOUNTS[1] as string] as { keyId: string; privateKeyPem: string })).toEqual(
      [],
    );
  });

  it("update now for every member: each account's agent gets its update.requested", async () => {
    const agents = await enrollAll();
    const res = await p.app.request(`/admin/organizations/${orgId}/commands`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ command: "update", version: "1.2.0" }),
    });
    expect(res.status).toBe(202);
    for (const agent of Object.values(agents)) {
      const commands = await checkIn(agent);
      expect(commands.map((c) => [c.event.type, c.event.data.version])).toEqual([
        ["vigil.update.requested.v1", "1.2.0"],
      ]);
    }
  });

  it("an organization-wide scan spreads the accounts' starts and shows each account's progress", async () => {
    const agents = await enrollAll();
    const res = await p.app.request(`/admin/organizations/${orgId}/commands`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ command: "scan", spreadMinutes: 10 }),
    });
    expect(res.status).toBe(202);
    const started = (await res.json()) as {
      scanId: string;
      accounts: { accountId: string; notBefore: string }[];
    };
    expect(started.accounts.map((a) => a.notBefore)).toEqual(
      [0, 2, 4, 6, 8].map((m) => new Date(p.now().getTime() + m * 60_000).toISOString()),
    );
    const last = agents[ACCOUNTS[4] as string] as {
      keyId: string;
      privateKeyPem: string;
      integrationId: string;
    };
    const first = agents[ACCOUNTS[0] as string] as {
      keyId: string;
      privateKeyPem: string;
      integrationId: string;
    };
    expect(await checkIn(last)).toEqual([]); // its turn is 8 minutes away
    const [command] = await checkIn(first);
    const scanId = command?.event.data.scanId as string;
    expect(scanId).toBe(`${started.scanId}-${ACCOUNTS[0]}`);
    const progress = async () =>
      (await (
        await p.app.request(`/api/organizations/${orgId}/scans/${started.scanId}`, { headers: admin })
      ).json()) as {
        byStatus: Record<string, number>;
        done: boolean;
        accounts: {
          accountId: string;
          status: string;
          shards: { completed: number; total: number | null };
        }[];
      };
    expect((await progress()).byStatus).toEqual({ requested: 1, waiting: 4 });
    // The first account's agent runs it: started (2 shards), one shard done.
    const source = `urn:vigil:agent:${ACCOUNTS[0]}`;
    p.advance(1000);
    const at = p.now();
    const events = [
      createEvent(
        "vigil.scan.started.v1",
        { scanId, regions: ["us-east-1"], checkCount: 70, agentVersion: "1.0.0", shardCount: 2 },
        { source, integrationId: first.integrationId, time: at },
      ),
      createEvent(
        "vigil.scan.shard-completed.v1",
        {
          scanId,
          shardId: "us-east-1/ec2",
          region: "us-east-1",
          assetType: "aws.ec2.instance",
          assetCount: 3,
          apiCalls: 4,
          throttledCalls: 0,
          durationMs: 10,
        },
        { source, integrationId: first.integrationId, time: at },
      ),
    ];
    expect((await p.signed(first, "/agent/events", JSON.stringify({ events }))).status).toBe(202);
    const running = await progress();
    expect(running.accounts[0]).toMatchObject({ status: "running", shards: { completed: 1, total: 2 } });
    expect(running.done).toBe(false);
    p.advance(8 * 60_000);
    expect((await checkIn(last)).map((c) => c.event.data.scanId)).toEqual([
      `${started.scanId}-${ACCOUNTS[4]}`,
    ]);
    expect((await progress()).byStatus).toEqual({ running: 1, requested: 4 });
    // People see it too: the organization's page, its accounts and the scan's progress per account.
    const page = await (await p.app.request(`/dashboard/organizations/${orgId}`, { headers: admin })).text();
    for (const account of ACCOUNTS) expect(page).toContain(account);
    expect(page).toContain(`${started.scanId}: 1 running, 4 requested`);
    expect(page).toMatch(/<td>210000000001<\/td><td>running<\/td><td>[^<]+<\/td><td>1 of 2<\/td>/);
    const home = await (await p.app.request("/dashboard", { headers: admin })).text();
    expect(home).toContain(`/dashboard/organizations/${orgId}`);
  });

  it("spreads an organization-wide scan by default (a minute per 20 accounts): five accounts over one minute", async () => {
    await enrollAll();
    const res = await p.app.request(`/admin/organizations/${orgId}/commands`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ command: "scan" }),
    });
    const started = (await res.json()) as { accounts: { notBefore: string }[] };
    expect(started.accounts.map((a) => a.notBefore)).toEqual(
      [0, 12, 24, 36, 48].map((sec) => new Date(p.now().getTime() + sec * 1000).toISOString()),
    );
  });

  it("refuses commands for a member that is not active, and accounts that are not members", async () => {
    await enrollAll();
    const res = await p.app.request(`/admin/organizations/${orgId}/commands`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ command: "scan", accounts: ["299999999999"] }),
    });
    expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      "accounts_not_members",
    ]);
  });
});

describe("where the deployed platform sends presigned requests", () => {
  it("to AWS's own endpoints, unless the SDK's endpoint variables name others (the emulated AWS sets AWS_ENDPOINT_URL)", async () => {
    const { awsEndpointsFromEnv } = await import("../src/handlers/lambda.ts");
    expect(awsEndpointsFromEnv({})).toEqual({});
    expect(awsEndpointsFromEnv({ AWS_ENDPOINT_URL: "http://127.0.0.1:5000" })).toEqual({
      sts: "http://127.0.0.1:5000",
      organizations: "http://127.0.0.1:5000",
    });
    expect(
      awsEndpointsFromEnv({
        AWS_ENDPOINT_URL: "http://a",
        AWS_ENDPOINT_URL_STS: "http://sts",
        AWS_ENDPOINT_URL_ORGANIZATIONS: "",
      }),
    ).toEqual({ sts: "http://sts", organizations: "http://a" });
  });
});
