import { afterEach, describe, expect, it } from "vitest";
import { snsClientFor, sqsClientFor } from "../src/bus/dlq.ts";
import { connectDynamoDb } from "../src/projections/replay.ts";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("connectDynamoDb (vigil replay's connection)", () => {
  it.each(["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"])(
    "on DynamoDB Local (%s) needs no region or credentials",
    async (endpoint) => {
      delete process.env.AWS_ACCESS_KEY_ID;
      const db = connectDynamoDb({ table: "t", endpoint });
      expect(await db.client.config.region()).toBe("us-east-1");
      expect(await db.client.config.credentials()).toMatchObject({ accessKeyId: "local" });
      db.close();
    },
  );

  it("keeps what was given on a loopback endpoint: the region, the environment's credentials", async () => {
    process.env.AWS_ACCESS_KEY_ID = "AKIAFROMENVIRONMENT0";
    process.env.AWS_SECRET_ACCESS_KEY = "secret";
    const db = connectDynamoDb({ table: "t", endpoint: "http://127.0.0.1:8000", region: "eu-west-1" });
    expect(await db.client.config.region()).toBe("eu-west-1");
    expect(await db.client.config.credentials()).toMatchObject({ accessKeyId: "AKIAFROMENVIRONMENT0" });
    db.close();
  });

  it("makes nothing up for a remote endpoint", async () => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    process.env.AWS_ACCESS_KEY_ID = "AKIAFROMENVIRONMENT0";
    process.env.AWS_SECRET_ACCESS_KEY = "secret";
    process.env.AWS_CONFIG_FILE = "/nonexistent/vigil-test-config";
    const db = connectDynamoDb({ table: "t", endpoint: "https://dynamodb.example.com" });
    await expect(db.client.config.region()).rejects.toThrow(/Region is missing/);
    expect(await db.client.config.credentials()).toMatchObject({ accessKeyId: "AKIAFROMENVIRONMENT0" });
    db.close();
  });
});

describe("sqsClientFor / snsClientFor (vigil dlq's clients)", () => {
  it("on the local stack's loopback endpoint need no region or credentials", async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_REGION;
    for (const client of [
      sqsClientFor({ endpoint: "http://127.0.0.1:4566" }),
      snsClientFor({ endpoint: "http://localhost:4566" }),
    ]) {
      expect(await client.config.region()).toBe("us-east-1");
      expect(await client.config.credentials()).toMatchObject({ accessKeyId: "local" });
      client.destroy();
    }
  });

  it("make nothing up for AWS itself", async () => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    process.env.AWS_CONFIG_FILE = "/nonexistent/vigil-test-config";
    const sqs = sqsClientFor({});
    await expect(sqs.config.region()).rejects.toThrow(/Region is missing/);
    sqs.destroy();
    const sns = snsClientFor({ region: "eu-west-1" });
    expect(await sns.config.region()).toBe("eu-west-1");
    sns.destroy();
  });
});
