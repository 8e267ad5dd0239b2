import { createServer } from "node:net";
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { generateReleaseSigningKey, releaseKeys } from "@vigil/events";
import { type LocalAws, startLocalAws } from "@vigil/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishRelease, runUpdateCheck, S3ReleaseStore, type UpdateOutcome } from "../src/index.ts";
import { liveState, NOW, releaseFiles, world } from "./helpers/world.ts";

let aws: LocalAws<false>;
let bucketSeq = 0;

beforeAll(async () => {
  aws = await startLocalAws({ dynamodb: false });
});
afterAll(async () => {
  await aws?.stop();
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * A bucket holding 1.0.0 and 1.1.0 (signed, hashes recorded) with the updater's functions running
 * 1.0.0 — ready for 1.1.0 to be applied — unless a case tampers with something first.
 */
async function scenario(opts: { running?: string; s3?: S3Client } = {}) {
  const bucket = `releases-${++bucketSeq}-${Date.now().toString(36)}`;
  const s3 = aws.clients.s3;
  const w = world(opts.running ?? "1.0.0", { releases: new S3ReleaseStore(opts.s3 ?? s3, bucket) });
  let retries = 0;
  w.deps.retry = { attempts: 3, delayMs: () => 10, onRetry: () => retries++ };
  const publish = async (version: string, key = w.key, files = releaseFiles(version)) => {
    const published = await publishRelease(s3, bucket, files, key, { version, createBucket: true });
    return published;
  };
  const before = liveState(w);
  const run = () =>
    runUpdateCheck(w.deps, w.config, { trigger: "schedule", now: NOW, checkId: `case-${bucketSeq}` });
  const object = async (key: string) => {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!out.Body) throw new Error(`no body for ${key}`);
    return Buffer.from(await out.Body.transformToByteArray());
  };
  const put = (key: string, body: Uint8Array | string) =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  const copy = (from: string, to: string) =>
    s3.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: `${bucket}/${from}` }));
  return { w, bucket, publish, before, run, object, put, copy, retries: () => retries };
}

interface CaseResult {
  name: string;
  outcome: UpdateOutcome;
  retried: boolean;
}

const results: CaseResult[] = [];

describe("tamper suite (real S3 client against fauxqs)", () => {
  it("control: an untampered release is applied", async () => {
    const s = await scenario();
    s.w.hashes.record((await s.publish("1.1.0")).recorded);
    expect(await s.run()).toMatchObject({ kind: "applied", to: "1.1.0" });
    expect(liveState(s.w).agent.releaseVersion).toBe("1.1.0");
  });

  const cases: {
    name: string;
    running?: string;
    brokenS3?: boolean;
    tamper: (s: Awaited<ReturnType<typeof scenario>>) => Promise<void>;
    expected:
      | Partial<Extract<UpdateOutcome, { kind: "refused" }>>
      | Partial<Extract<UpdateOutcome, { kind: "failed" }>>;
    event: string;
  }[] = [
    {
      name: "bit flip",
      async tamper(s) {
        s.w.hashes.record((await s.publish("1.1.0")).recorded);
        const key = releaseKeys.artifact("1.1.0", "agent.zip");
        const body = await s.object(key);
        body[1234] = (body[1234] ?? 0) ^ 0x20;
        await s.put(key, body);
      },
      expected: { kind: "refused", reason: "sha256-mismatch", component: "agent" },
      event: "vigil.update.refused.v1",
    },
    {
      name: "truncated file",
      async tamper(s) {
        s.w.hashes.record((await s.publish("1.1.0")).recorded);
        const key = releaseKeys.artifact("1.1.0", "updater.zip");
        await s.put(key, (await s.object(key)).subarray(0, 1000));
      },
      expected: { kind: "refused", reason: "size-mismatch", component: "updater" },
      event: "vigil.update.refused.v1",
    },
    {
      name: "files swapped between versions",
      async tamper(s) {
        await s.publish("1.0.0");
        s.w.hashes.record((await s.publish("1.1.0")).recorded);
        await s.copy(releaseKeys.artifact("1.0.0", "agent.zip"), releaseKeys.artifact("1.1.0", "agent.zip"));
      },
      expected: { kind: "refused", reason: "sha256-mismatch", component: "agent" },
      event: "vigil.update.refused.v1",
    },
    {
      name: "older manifest replayed (downgrade)",
      running: "1.1.0",
      async tamper(s) {
        s.w.hashes.record((await s.publish("1.0.0")).recorded);
        s.w.hashes.record((await s.publish("1.1.0")).recorded);
        const channel = releaseKeys.channelManifest("stable");
        await s.copy(releaseKeys.manifest("1.0.0"), channel);
        await s.copy(releaseKeys.signature(releaseKeys.manifest("1.0.0")), releaseKeys.signature(channel));
      },
      expected: { kind: "refused", reason: "downgrade", version: "1.0.0" },
      event: "vigil.update.refused.v1",
    },
    {
      name: "wrong signature",
      async tamper(s) {
        s.w.hashes.record((await s.publish("1.1.0", generateReleaseSigningKey())).recorded);
      },
      expected: { kind: "refused", reason: "signature-invalid" },
      event: "vigil.update.refused.v1",
    },
    {
      name: "hash missing at the platform",
      async tamper(s) {
        await s.publish("1.1.0");
      },
      expected: { kind: "refused", reason: "hash-missing" },
      event: "vigil.update.refused.v1",
    },
    {
      name: "S3 unreachable",
      brokenS3: true,
      async tamper(s) {
        s.w.hashes.record((await s.publish("1.1.0")).recorded);
      },
      expected: { kind: "failed", reason: "release-unreachable", attempts: 3 },
      event: "vigil.update.alert-raised.v1",
    },
  ];

  for (const c of cases)
    it(`${c.name}: ${c.expected.kind}, running version untouched, ${c.event.split(".")[2]} emitted`, async () => {
      const s3 = c.brokenS3
        ? new S3Client({
            ...aws.clientConfig("s3"),
            endpoint: `http://127.0.0.1:${await closedPort()}`,
            maxAttempts: 1,
          })
        : undefined;
      const s = await scenario({ ...(c.running ? { running: c.running } : {}), ...(s3 ? { s3 } : {}) });
      await c.tamper(s);

      const outcome = await s.run();

      expect(outcome).toMatchObject(c.expected);
      expect(s.w.functions.mutations()).toEqual([]);
      expect(liveState(s.w)).toEqual(s.before);
      expect(s.w.events.types()).toContain(c.event);
      expect(s.w.events.types()).not.toContain("vigil.update.applied.v1");
      expect(s.w.alerts.raised).toHaveLength(1);
      if (c.brokenS3) expect(s.retries()).toBe(2);
      results.push({ name: c.name, outcome, retried: s.retries() > 0 });
      s3?.destroy();
    });

  it("prints the tally", () => {
    const refused = results.filter((r) => r.outcome.kind === "refused").length;
    const retried = results.filter((r) => r.outcome.kind === "failed" && r.retried).length;
    const applied = results.filter((r) => r.outcome.kind === "applied").length;
    console.log(
      `tamper suite: ${results.length} cases, ${refused} refused, ${retried} retried, ${applied} applied`,
    );
    expect({ cases: results.length, refused, retried, applied }).toEqual({
      cases: 7,
      refused: 6,
      retried: 1,
      applied: 0,
    });
  });

  it("any single-bit flip in any artifact is refused (property, against S3)", async () => {
    const s = await scenario();
    const template = Buffer.from(JSON.stringify({ Resources: { Topic: { Type: "AWS::SNS::Topic" } } }));
    const published = await publishRelease(aws.clients.s3, s.bucket, releaseFiles("1.1.0"), s.w.key, {
      version: "1.1.0",
      template,
      createBucket: true,
    });
    s.w.hashes.record(published.recorded);
    const artifacts = [
      ...published.manifest.files,
      ...(published.manifest.template ? [published.manifest.template] : []),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(artifacts.length - 1),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        async (which, at) => {
          const target = artifacts[which];
          if (!target) throw new Error("no artifact");
          const original = await s.object(target.key);
          const bit = Math.floor(at * original.length * 8);
          const flipped = Buffer.from(original);
          flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
          await s.put(target.key, flipped);
          try {
            const outcome = await s.run();
            expect(outcome).toMatchObject({ kind: "refused", reason: "sha256-mismatch" });
            expect(s.w.functions.mutations()).toEqual([]);
          } finally {
            await s.put(target.key, original);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
