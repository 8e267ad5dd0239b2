import { GetAliasCommand, InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { LAMBDA_ENTRIES } from "@vigil/infra";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReleaseDir, EmulatedInstallation, RELEASE_BUCKET } from "../../src/install/index.ts";

/**
 * Updates as the deployed updater applies them: its schedule fires, it reads the signed manifest
 * from the release bucket, checks every artifact against the hashes recorded at the platform, moves
 * each function's `live` alias to the new version only after that version answers its health check
 * through the alias, and moves it back when it does not.
 */

const ADMIN_TOKEN = "update-e2e-admin-token-0123456789abcdef";

let world: EmulatedInstallation;
let lambda: LambdaClient;
const releases: Record<string, string> = {};

beforeAll(async () => {
  const broken = LAMBDA_ENTRIES.map((e) =>
    e.name === "agent" ? { ...e, entry: "packages/cli/tests/fixtures/broken-agent/handler.ts" } : e,
  );
  const [v1, v2, v3] = await Promise.all([
    buildReleaseDir("0.1.0"),
    buildReleaseDir("0.2.0"),
    buildReleaseDir("0.3.0", { entries: broken }),
  ]);
  Object.assign(releases, { "0.1.0": v1, "0.2.0": v2, "0.3.0": v3 });
  world = await EmulatedInstallation.start({ adminToken: ADMIN_TOKEN });
  lambda = new LambdaClient(world.account.clientConfig());
}, 300_000);

afterAll(async () => {
  lambda?.destroy();
  await world?.stop();
});

async function live(functionName: string) {
  const alias = await lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: "live" }));
  const answer = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      Qualifier: "live",
      Payload: Buffer.from(JSON.stringify({ kind: "vigil.health-check", expectedVersion: "?" })),
    }),
  );
  return {
    functionVersion: alias.FunctionVersion,
    description: alias.Description,
    answers: JSON.parse(Buffer.from(answer.Payload ?? []).toString("utf8")) as unknown,
  };
}

describe("updates of the installed release", () => {
  it("applies a signed release through the live alias, rolls back a broken one and refuses a tampered one", async () => {
    const { integrationId, registrationToken } = await world.createIntegration();
    await world.install({
      releaseDir: releases["0.1.0"] as string,
      version: "0.1.0",
      integrationId,
      registrationToken,
    });
    const agent = `vigil-agent-${integrationId}`;
    const before = await live(agent);
    expect(before.answers).toEqual({ ok: true, version: "0.1.0" });

    // A good release: applied, and the alias serves it.
    await world.publish(releases["0.2.0"] as string, "0.2.0");
    expect(await world.updateCheck()).toMatchObject({ kind: "applied", from: "0.1.0", to: "0.2.0" });
    const applied = await live(agent);
    expect(applied.answers).toEqual({ ok: true, version: "0.2.0" });
    expect(applied.functionVersion).not.toBe(before.functionVersion);
    expect(applied.description).toBe("vigil 0.2.0");
    world.throwOnFailures("the update to 0.2.0");

    // A broken release: its health check through the alias fails, the alias goes back.
    await world.publish(releases["0.3.0"] as string, "0.3.0");
    expect(await world.updateCheck()).toMatchObject({
      kind: "rolled-back",
      version: "0.3.0",
      component: "agent",
    });
    const rolledBack = await live(agent);
    expect(rolledBack.functionVersion).toBe(applied.functionVersion);
    expect(rolledBack.answers).toEqual({ ok: true, version: "0.2.0" });
    // The broken code ran only for its health check, and failed it.
    const broken = world.account.runner
      .invocations({ functionName: agent })
      .filter((i) => i.status === "failed");
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.every((i) => i.error?.message.includes("broken on purpose"))).toBe(true);

    // A tampered release: a file in the bucket that differs from the hash recorded at release.
    await world.publish(releases["0.2.0"] as string, "0.4.0");
    const s3 = new S3Client(world.account.clientConfig());
    await s3.send(
      new PutObjectCommand({
        Bucket: RELEASE_BUCKET,
        Key: "releases/0.4.0/agent.zip",
        Body: Buffer.from("tampered"),
      }),
    );
    s3.destroy();
    expect(await world.updateCheck()).toMatchObject({ kind: "refused", version: "0.4.0" });
    expect((await live(agent)).functionVersion).toBe(applied.functionVersion);
    // The updater's alerts reach the platform: it publishes them on the topic, the agent relays them.
    const { alerts } = await world.integration(integrationId);
    expect(alerts.find((a) => a.version === "0.4.0")).toMatchObject({
      component: "agent",
      severity: "critical",
      message: expect.stringMatching(/The update to 0\.4\.0 was refused/),
    });
  }, 600_000);
});
