import { enrollmentAudience, presignIdentityProof } from "@vigil/agent";
import { InMemoryEventStore } from "@vigil/events";
import { createApp, platformConfig } from "@vigil/platform";
import {
  createEmulatedOrganization,
  type EmulatedOrganization,
  emulatedAccessKeyId,
  type MotoServer,
  startMoto,
} from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Enrollment against AWS as moto serves it: the agent's own presigning (SigV4 by the SDK's signer,
 * with the member account's credentials) and the platform executing the requests against the
 * emulated STS and Organizations (the endpoint made configurable), with accounts in an
 * organization, in another organization, and in none. moto does not verify SigV4 signatures: the
 * platform's refusal of an altered one is covered by its unit tests against a signature-checking
 * stand-in.
 */

const ADMIN = "admin-token-for-tests-0123456789";
const REGION = "us-east-1";
let moto: MotoServer;
let org: EmulatedOrganization;
let other: EmulatedOrganization;
let members: string[];
const LONER = "288888888888";

const config = (accountId?: string) => ({
  endpoint: moto.endpoint,
  region: REGION,
  credentials: {
    accessKeyId: accountId ? emulatedAccessKeyId(accountId) : "emulated",
    secretAccessKey: "emulated",
  },
});

beforeAll(async () => {
  moto = await startMoto({ region: REGION });
  org = await createEmulatedOrganization({ clientConfig: config });
  const ou = await org.createOrganizationalUnit("workloads");
  members = [await org.createAccount("prod", ou), await org.createAccount("sandbox")];
  other = await createEmulatedOrganization({ clientConfig: config }, { managementAccountId: "299999999999" });
}, 120_000);

afterAll(async () => {
  org?.destroy();
  other?.destroy();
  await moto?.stop();
});

function platform() {
  const app = createApp({
    eventStore: new InMemoryEventStore(),
    config: platformConfig({
      adminToken: ADMIN,
      awsEndpoints: { sts: moto.endpoint, organizations: moto.endpoint },
    }),
  });
  const admin = { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" };
  return {
    app,
    async register() {
      const res = await app.request("/admin/organizations", {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ organizationId: org.organizationId, homeRegion: REGION }),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { organizationIntegrationId: string; enrollmentSecret: string };
    },
    async enroll(
      accountId: string,
      registered: { organizationIntegrationId: string; enrollmentSecret: string },
    ) {
      const proof = await presignIdentityProof({
        audience: enrollmentAudience("http://localhost", registered.organizationIntegrationId),
        region: REGION,
        credentials: config(accountId).credentials,
        stsEndpoint: moto.endpoint,
        organizationsEndpoint: moto.endpoint,
      });
      const res = await app.request("/organizations/enroll", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          enrollmentSecret: registered.enrollmentSecret,
          integrationId: `${registered.organizationIntegrationId}-${accountId}`,
          accountId,
          organizationId: org.organizationId,
          homeRegion: REGION,
          ...proof,
        }),
      });
      return {
        status: res.status,
        body: (await res.json()) as Record<string, unknown> & { error?: { code: string } },
      };
    },
  };
}

describe("enrollment proven by the emulated AWS", () => {
  it("enrolls the organization's accounts (in an OU, under the root, the management account) with their own keys", async () => {
    const p = platform();
    const registered = await p.register();
    const keys = new Set<unknown>();
    for (const accountId of [...members, org.managementAccountId]) {
      const out = await p.enroll(accountId, registered);
      expect(out.status, JSON.stringify(out.body)).toBe(201);
      expect(out.body).toMatchObject({
        integrationId: `${registered.organizationIntegrationId}-${accountId}`,
        accountId,
      });
      keys.add(out.body.keyId);
    }
    expect(keys.size).toBe(3);
  });

  it("refuses an account of another organization and an account in none", async () => {
    const p = platform();
    const registered = await p.register();
    const outsider = await p.enroll(other.managementAccountId, registered);
    expect([outsider.status, outsider.body.error?.code]).toEqual([403, "organization_mismatch"]);
    const loner = await p.enroll(LONER, registered);
    expect([loner.status, loner.body.error?.code]).toEqual([403, "account_not_in_organization"]);
  });

  it("refuses an account that left the organization", async () => {
    const p = platform();
    const registered = await p.register();
    const leaving = await org.createAccount("leaving");
    expect((await p.enroll(leaving, registered)).status).toBe(201);
    await org.removeAccount(leaving);
    const again = await p.enroll(leaving, registered);
    expect([again.status, again.body.error?.code]).toEqual([403, "account_not_in_organization"]);
  });
});
