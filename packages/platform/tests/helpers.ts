import {
  type AssetRef,
  type AtomicEventStore,
  createEvent,
  InMemoryEventStore,
  signRequest,
} from "@vigil/events";
import { platformConfig } from "../src/config.ts";
import { createApp } from "../src/index.ts";
import type { AwsSend } from "../src/organizations/aws-identity.ts";

export const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
export const ACCOUNT = "123456789012";
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" };

/** An app over an in-memory log with a clock the test moves. */
export function testPlatform(
  start = new Date("2025-03-01T12:00:00.000Z"),
  options: { maxBodyBytes?: number; eventStore?: AtomicEventStore; awsSend?: AwsSend } = {},
) {
  let now = start;
  const store = options.eventStore ?? new InMemoryEventStore({ now: () => now });
  const app = createApp({
    eventStore: store,
    config: platformConfig({ adminToken: ADMIN_TOKEN, maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 }),
    clock: () => now,
    ...(options.awsSend ? { awsSend: options.awsSend } : {}),
  });
  return {
    app,
    store,
    now: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    /** Every event in the log, to assert that a refused request wrote nothing. */
    async log() {
      return (await store.readAll({ limit: 100_000 })).events.map((r) => r.event);
    },
    async createIntegration(body: Record<string, unknown> = { accountId: ACCOUNT, homeRegion: "eu-west-1" }) {
      const res = await app.request("/admin/integrations", {
        method: "POST",
        headers: admin,
        body: JSON.stringify(body),
      });
      return {
        res,
        json: (await res.json()) as { integrationId: string; registrationToken: string; expiresAt: string },
      };
    },
    async exchange(token: string) {
      const res = await app.request("/registrations/exchange", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token }),
      });
      return {
        res,
        json: (await res.json()) as Record<string, string> & { error?: { code: string; message: string } },
      };
    },
    /** Create an integration and exchange its token: an agent ready to sign. */
    async registeredAgent() {
      const created = await this.createIntegration();
      const { json } = await this.exchange(created.json.registrationToken);
      return {
        integrationId: created.json.integrationId,
        keyId: json.keyId as string,
        privateKeyPem: json.privateKeyPem as string,
      };
    },
    async signed(
      agent: { keyId: string; privateKeyPem: string },
      path: string,
      body: string,
      overrides: { signedAt?: Date; headers?: Record<string, string> } = {},
    ) {
      const headers = signRequest({
        method: "POST",
        path,
        body,
        keyId: agent.keyId,
        privateKeyPem: agent.privateKeyPem,
        now: overrides.signedAt ?? now,
      });
      return app.request(path, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers, ...overrides.headers },
        body,
      });
    },
  };
}

export function asset(region: string, name: string): AssetRef {
  return {
    arn: `arn:aws:s3:::${name}`,
    type: "aws.s3.bucket",
    region,
    accountId: ACCOUNT,
    name,
    tags: {},
  };
}

export function assessed(
  integrationId: string,
  a: AssetRef,
  at: string,
  failing: ("critical" | "high" | "low")[],
) {
  return createEvent(
    "vigil.scan.asset-assessed.v1",
    {
      scanId: "scan-1",
      assessedAt: at,
      asset: a,
      results: [
        {
          checkId: "s3.encryption",
          status: "pass",
          severity: "medium",
          title: "Bucket encrypted",
          frameworks: ["cis-aws-5.0:2.1.1", "aws-fsbp:S3.17"],
        },
        ...failing.map((severity, i) => ({
          checkId: `s3.check-${i}`,
          status: "fail" as const,
          severity,
          title: `Public access check ${i}`,
          evidence: "BlockPublicAcls is false",
          remediation: `aws s3api put-public-access-block --bucket <name> (check ${i})`,
          frameworks: [`aws-fsbp:S3.${i + 1}`],
        })),
      ],
    },
    { source: `urn:vigil:agent:${ACCOUNT}`, integrationId, time: at },
  );
}
