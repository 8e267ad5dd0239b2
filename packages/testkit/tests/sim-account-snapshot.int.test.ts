import { mkdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cloudtrail from "@aws-sdk/client-cloudtrail";
import * as ec2 from "@aws-sdk/client-ec2";
import * as iam from "@aws-sdk/client-iam";
import * as s3 from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSimulatedAccount,
  formatSnapshotValidation,
  generateAccount,
  loadSnapshot,
  type SimulatedAccount,
  SnapshotLoadError,
  validateSnapshot,
  writeSnapshot,
} from "../src/index.ts";

const FIXTURE = join(import.meta.dirname, "fixtures/snapshots/minimal");

/**
 * testkit's validator against AWS's API models (the botocore moto runs on, or BOTOCORE_DATA;
 * without them, or with models older than 1.36, it throws, naming the command that installs them). Errors only: enum values newer than the model are warnings.
 */
function validate(dir: string): { errors: number; output: string } {
  const r = validateSnapshot(dir);
  return { errors: r.errors, output: formatSnapshotValidation(r, { quiet: true }) };
}

function clientsFor(account: SimulatedAccount, region: string) {
  const cfg = {
    region,
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
    requestHandler: account.requestHandler,
  };
  return {
    ec2: new ec2.EC2Client(cfg),
    s3: new s3.S3Client(cfg),
    iam: new iam.IAMClient(cfg),
    cloudtrail: new cloudtrail.CloudTrailClient(cfg),
  };
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "vigil-sim-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("snapshot round trip", () => {
  it("generate -> write -> load gives the same model and the same answers", async () => {
    const model = generateAccount({
      seed: "round-trip",
      regionCount: 2,
      assetsPerRegion: 6,
      misconfigurationRate: 0.5,
    });
    const dir = join(work, "round-trip");
    await writeSnapshot(model, dir);
    const loaded = await loadSnapshot(dir);
    expect(loaded.accountId).toBe(model.accountId);
    expect(loaded.regions).toEqual(model.regions);
    expect([...loaded.files.keys()].sort()).toEqual([...model.files.keys()].sort());
    for (const [k, v] of model.files) expect(loaded.files.get(k)).toEqual(v);

    const again = join(work, "round-trip-2");
    await writeSnapshot(loaded, again);
    for (const key of [
      "account.json",
      "global/iam/list-users.json",
      "us-east-1/ec2/describe-instances.json",
    ]) {
      expect(await readFile(join(again, key), "utf8")).toBe(await readFile(join(dir, key), "utf8"));
    }

    const a = clientsFor(createSimulatedAccount(model, { throttling: false }), "eu-west-1");
    const b = clientsFor(createSimulatedAccount(loaded, { throttling: false }), "eu-west-1");
    const ask = async (x: typeof a) => {
      const { $metadata: _m1, ...instances } = await x.ec2.send(new ec2.DescribeInstancesCommand({}));
      const { $metadata: _m2, ...users } = await x.iam.send(new iam.ListUsersCommand({}));
      const { $metadata: _m3, ...buckets } = await x.s3.send(new s3.ListBucketsCommand({}));
      return { instances, users, buckets };
    };
    expect(await ask(b)).toEqual(await ask(a));
  });

  it("turns error files and missing files into AWS's errors", async () => {
    const model = generateAccount({ seed: "errors", regionCount: 1, assetsPerRegion: 2 });
    const dir = join(work, "errors");
    await writeSnapshot(model, dir);
    const bucket = (model.files.get("global/s3api/list-buckets") as { Buckets: { Name: string }[] })
      .Buckets[0]?.Name as string;
    await writeFile(
      join(dir, `global/s3api/get-bucket-encryption/${bucket}.json`),
      JSON.stringify({ Error: { Code: "ServerSideEncryptionConfigurationNotFoundError", Message: "none" } }),
    );
    await rm(join(dir, `global/s3api/get-public-access-block/${bucket}.json`), { force: true });
    await rm(join(dir, "us-east-1/ec2/describe-volumes.json"));
    const c = clientsFor(createSimulatedAccount(await loadSnapshot(dir), { throttling: false }), "us-east-1");
    await expect(c.s3.send(new s3.GetBucketEncryptionCommand({ Bucket: bucket }))).rejects.toMatchObject({
      name: "ServerSideEncryptionConfigurationNotFoundError",
      message: "none",
    });
    await expect(c.s3.send(new s3.GetPublicAccessBlockCommand({ Bucket: bucket }))).rejects.toMatchObject({
      name: "NoSuchPublicAccessBlockConfiguration",
    });
    await expect(c.ec2.send(new ec2.DescribeVolumesCommand({}))).rejects.toMatchObject({
      name: "UnauthorizedOperation",
      message: expect.stringContaining("us-east-1/ec2/describe-volumes.json"),
    });
  });

  it("refuses a snapshot whose account.json is wrong, naming the file", async () => {
    const dir = join(work, "bad");
    mkdirSync(dir, { recursive: true });
    await writeFile(join(dir, "account.json"), JSON.stringify({ accountId: "42", regions: ["us-east-1"] }));
    await expect(loadSnapshot(dir)).rejects.toThrow(SnapshotLoadError);
    await expect(loadSnapshot(dir)).rejects.toThrow(/account\.json: accountId/);
  });
});

describe("the hand-written minimal fixture", () => {
  it("is served with its known contents", async () => {
    const model = await loadSnapshot(FIXTURE);
    expect(model.accountId).toBe("123456789012");
    const account = createSimulatedAccount(model, { throttling: false });
    const us = clientsFor(account, "us-east-1");
    const eu = clientsFor(account, "eu-west-1");

    const tagged = await us.ec2.send(
      new ec2.DescribeInstancesCommand({ Filters: [{ Name: "tag:Created By", Values: ["Vigil"] }] }),
    );
    expect(
      tagged.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => [
        i.InstanceId,
        i.PublicIpAddress,
        i.MetadataOptions?.HttpTokens,
      ]),
    ).toEqual([["i-0fixture00000001", "3.3.3.3", "optional"]]);
    const stopped = await us.ec2.send(
      new ec2.DescribeInstancesCommand({ Filters: [{ Name: "instance-state-name", Values: ["stopped"] }] }),
    );
    expect(stopped.Reservations?.[0]?.Instances?.map((i) => i.InstanceId)).toEqual(["i-0fixture00000002"]);
    const groups = await eu.ec2.send(new ec2.DescribeSecurityGroupsCommand({}));
    expect(groups.SecurityGroups?.[0]?.IpPermissions?.[0]).toMatchObject({
      FromPort: 22,
      IpRanges: [{ CidrIp: "0.0.0.0/0" }],
    });
    await expect(eu.ec2.send(new ec2.DescribeInstancesCommand({}))).rejects.toMatchObject({
      name: "UnauthorizedOperation",
    });

    expect(
      (await us.s3.send(new s3.GetBucketLocationCommand({ Bucket: "fixture-private" }))).LocationConstraint,
    ).toBe("eu-west-1");
    const enc = await us.s3.send(new s3.GetBucketEncryptionCommand({ Bucket: "fixture-private" }));
    expect(
      enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    ).toBe("AES256");
    await expect(
      us.s3.send(new s3.GetBucketEncryptionCommand({ Bucket: "fixture-public" })),
    ).rejects.toMatchObject({
      name: "ServerSideEncryptionConfigurationNotFoundError",
    });
    const policy = await us.s3.send(new s3.GetBucketPolicyCommand({ Bucket: "fixture-public" }));
    expect(JSON.parse(String(policy.Policy)).Statement[0].Principal).toBe("*");
    await expect(
      us.s3.send(new s3.GetBucketPolicyCommand({ Bucket: "fixture-private" })),
    ).rejects.toMatchObject({ Code: "NoSuchBucketPolicy" });

    const keys = await us.iam.send(new iam.ListAccessKeysCommand({ UserName: "alice" }));
    expect(keys.AccessKeyMetadata?.map((k) => [k.AccessKeyId, k.CreateDate?.toISOString()])).toEqual([
      ["AKIAFIXTUREALICE0001", "2024-01-15T09:35:00.000Z"],
    ]);
    expect((await us.iam.send(new iam.ListAccessKeysCommand({ UserName: "bob" }))).AccessKeyMetadata).toEqual(
      [],
    );
    await expect(us.iam.send(new iam.GetLoginProfileCommand({ UserName: "bob" }))).rejects.toMatchObject({
      name: "NoSuchEntityException",
    });
    await expect(us.iam.send(new iam.GetAccountPasswordPolicyCommand({}))).rejects.toMatchObject({
      name: "NoSuchEntityException",
    });

    const shadow = await eu.cloudtrail.send(new cloudtrail.DescribeTrailsCommand({}));
    expect(shadow.trailList?.map((t) => [t.Name, t.HomeRegion])).toEqual([["main", "us-east-1"]]);
    const status = await eu.cloudtrail.send(
      new cloudtrail.GetTrailStatusCommand({ Name: "arn:aws:cloudtrail:us-east-1:123456789012:trail/main" }),
    );
    expect(status.IsLogging).toBe(true);
    expect(status.LatestDeliveryTime?.toISOString()).toBe("2026-05-31T23:55:00.000Z");
  });
});

describe("AWS's API models agree with the snapshots", () => {
  it("the snapshot validator passes the generated accounts and the fixture", async () => {
    const dirs = [FIXTURE];
    for (const [i, rate] of [0, 0.5, 1].entries()) {
      const dir = join(work, `validate-${i}`);
      await writeSnapshot(
        generateAccount({
          seed: `validate-${i}`,
          regionCount: 2,
          assetsPerRegion: 8,
          misconfigurationRate: rate,
        }),
        dir,
      );
      dirs.push(dir);
    }
    for (const dir of dirs) {
      const r = validate(dir);
      expect(r.output).not.toContain("ERROR");
      expect(r.errors).toBe(0);
    }
  });

  it("the validator does catch a wrong shape (so the check above can fail)", async () => {
    const dir = join(work, "broken");
    await writeSnapshot(generateAccount({ seed: "broken", regionCount: 1, assetsPerRegion: 1 }), dir);
    await writeFile(
      join(dir, "global/iam/list-users.json"),
      JSON.stringify({
        Users: [
          {
            Path: "/",
            UserName: "x",
            UserId: "AIDAEXAMPLEX00000001",
            Arn: "arn:aws:iam::123456789012:user/x",
            CreateDate: "2026-01-01T00:00:00Z",
            Bogus: 1,
          },
        ],
      }),
    );
    const r = validate(dir);
    expect(r.errors).toBe(1);
    expect(r.output).toContain("global/iam/list-users.json: $.Users[0]: unknown member 'Bogus' in User");
  });
});
