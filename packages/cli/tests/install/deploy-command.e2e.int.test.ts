import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import {
  type AwsClients,
  awsClients,
  awsDeployTarget,
  buildRelease,
  deployPlatform,
  describeDeploy,
  LAMBDA_ENTRIES,
  type Release,
  ssmSecretStore,
} from "@vigil/infra";
import { type EmulatedAccount, startEmulatedAccount, waitForStack } from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/commands/release-options.ts";

/**
 * `vigil deploy platform` through its real adapter (the SDK's S3, Lambda and CloudFormation clients,
 * change sets and all) against the emulated account: the stack created through a change set, then a
 * dry run and a redeploy of the same release. (moto applies an UPDATE change set without changing the
 * stack, so a rolled-back update is checked against CloudFormation's answers in infra's deploy tests.)
 */
const WAIT = { maxWaitTime: 240, minDelay: 0.5, maxDelay: 2 };
let account: EmulatedAccount;
let clients: AwsClients;
let ssm: SSMClient;
let release: Release;

beforeAll(async () => {
  release = await buildRelease({
    version: "0.1.0",
    root: repoRoot(),
    entries: LAMBDA_ENTRIES.filter((e) => e.name === "platform"),
    createdAt: "2026-01-01T00:00:00.000Z",
  });
  account = await startEmulatedAccount();
  const config = account.clientConfig();
  clients = awsClients(config);
  ssm = new SSMClient(config);
  await clients.s3.send(new CreateBucketCommand({ Bucket: "vigil-releases" }));
}, 300_000);

afterAll(async () => {
  for (const c of [clients?.s3, clients?.lambda, clients?.cloudformation, ssm]) c?.destroy();
  await account?.stop();
});

const deploy = (dryRun: boolean, r: Release = release, onAdminToken?: (t: string) => void) =>
  deployPlatform({
    target: awsDeployTarget(clients, WAIT),
    secrets: ssmSecretStore(ssm),
    release: r,
    bucket: "vigil-releases",
    region: account.region,
    stackName: "vigil-platform",
    secretsParameter: "/vigil/platform/secrets",
    dryRun,
    ...(onAdminToken ? { onAdminToken } : {}),
  });

const stackStatus = async () => (await waitForStack(account, "vigil-platform")).status;

describe("vigil deploy platform, against the emulated account", () => {
  it("creates the stack through a change set, and its secret once", async () => {
    let token: string | undefined;
    const report = await deploy(false, release, (t) => {
      token = t;
    });
    expect(report.secret).toBe("created");
    expect(token?.length).toBeGreaterThanOrEqual(40);
    expect(await stackStatus()).toBe("CREATE_COMPLETE");
    expect(describeDeploy(report)).toMatch(/^deployed\n/);
    expect(describeDeploy(report)).toMatch(/Add\s+ApiFunction/);
    const secret = await ssm.send(new GetParameterCommand({ Name: "/vigil/platform/secrets" }));
    expect(secret.Parameter?.Type).toBe("SecureString");
  }, 300_000);

  it("a dry run changes nothing; a redeploy keeps the secret and leaves the stack complete", async () => {
    const dry = await deploy(true);
    expect(dry.secret).toBe("dry-run");
    expect(describeDeploy(dry)).toMatch(/^dry run: nothing was changed/);
    expect(await stackStatus()).toBe("CREATE_COMPLETE");
    const again = await deploy(false);
    expect(again.secret).toBe("kept");
    expect(await stackStatus()).toMatch(/^(CREATE|UPDATE)_COMPLETE$/);
  }, 300_000);
});
