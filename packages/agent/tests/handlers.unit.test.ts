import { describe, expect, it } from "vitest";
import { createAgentHandler } from "../src/handlers/lambda.ts";
import { classify, routeAgentInvocation } from "../src/handlers/route.ts";

describe("agent Lambda routing", () => {
  it("answers a health check with its version without building any dependency", async () => {
    const fail = () => {
      throw new Error("must not be built");
    };
    await expect(
      routeAgentInvocation({ kind: "vigil.health-check", expectedVersion: "1.2.3" }, undefined, {
        version: "1.2.3",
        customResource: fail,
        ports: fail,
        newScanId: () => "s",
      }),
    ).resolves.toEqual({ ok: true, version: "1.2.3" });
  });

  it("recognises each invocation by its shape", () => {
    expect(classify({ kind: "vigil.heartbeat" })).toEqual({ kind: "heartbeat" });
    expect(
      classify({
        "detail-type": "Scheduled Event",
        resources: ["arn:aws:events:eu-west-1:1:rule/vigil-heartbeat"],
      }),
    ).toEqual({ kind: "heartbeat" });
    expect(
      classify({
        "detail-type": "Scheduled Event",
        resources: ["arn:aws:events:eu-west-1:1:rule/vigil-scan"],
      }),
    ).toEqual({ kind: "scan" });
    expect(classify({ Records: [] })).toEqual({ kind: "sqs" });
    expect(
      classify({
        RequestType: "Delete",
        ResponseURL: "https://x",
        StackId: "arn",
        RequestId: "r",
        LogicalResourceId: "L",
      }),
    ).toEqual({ kind: "custom-resource" });
    expect(classify({ hello: "world" })).toEqual({ kind: "unknown" });
  });

  it("reports an invalid SQS record as a batch item failure and acknowledges the rest", async () => {
    const result = await routeAgentInvocation(
      { Records: [{ messageId: "bad", body: "{not json" }] },
      undefined,
      {
        version: "1.0.0",
        customResource: () => {
          throw new Error("no");
        },
        ports: () => {
          throw new Error("no");
        },
        newScanId: () => "s",
      },
    );
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: "bad" }] });
  });
});

describe("a misconfigured agent still answers CloudFormation", () => {
  const request = (overrides: Record<string, unknown> = {}) => ({
    RequestType: "Create",
    ResponseURL: "https://cloudformation-custom-resource-response.example/presigned",
    StackId: "arn:aws:cloudformation:eu-west-1:123456789012:stack/vigil/5f1e0d10-0000-4000-8000-000000000001",
    RequestId: "req-1",
    LogicalResourceId: "Registration",
    ResourceType: "Custom::VigilRegistration",
    ResourceProperties: { RegistrationToken: "t", PlatformUrl: "https://platform.example" },
    ...overrides,
  });

  it("answers FAILED at the ResponseURL with the configuration problem when the environment is incomplete", async () => {
    const answers: { url: string; body: Record<string, unknown> }[] = [];
    const handler = createAgentHandler({
      env: { AWS_REGION: "eu-west-1", VIGIL_PLATFORM_URL: "http://platform.example" },
      log: () => {},
      respond: async (url, body) => {
        answers.push({ url, body: JSON.parse(body) });
      },
    });
    const response = await handler(request(), { getRemainingTimeInMillis: () => 60_000 });
    expect(response).toMatchObject({ Status: "FAILED" });
    expect(answers).toHaveLength(1);
    expect(answers[0]?.url).toBe("https://cloudformation-custom-resource-response.example/presigned");
    expect(answers[0]?.body).toMatchObject({
      Status: "FAILED",
      RequestId: "req-1",
      PhysicalResourceId: "vigil-unregistered/req-1",
      Reason: expect.stringContaining("VIGIL_INTEGRATION_ID is not set"),
    });
    expect(String(answers[0]?.body.Reason)).toMatch(/VIGIL_PLATFORM_URL .*https/);
  });

  it("answers SUCCESS to the rollback's Delete of a Create that never registered, even when misconfigured", async () => {
    const answers: Record<string, unknown>[] = [];
    const handler = createAgentHandler({
      env: {},
      log: () => {},
      respond: async (_url, body) => {
        answers.push(JSON.parse(body));
      },
    });
    await handler(request({ RequestType: "Delete", PhysicalResourceId: "vigil-unregistered/req-0" }));
    expect(answers).toEqual([
      expect.objectContaining({ Status: "SUCCESS", PhysicalResourceId: "vigil-unregistered/req-0" }),
    ]);
  });

  it("answers FAILED to the Delete of a registered integration when misconfigured: teardown cannot run", async () => {
    const answers: Record<string, unknown>[] = [];
    const handler = createAgentHandler({
      env: {},
      log: () => {},
      respond: async (_url, body) => {
        answers.push(JSON.parse(body));
      },
    });
    await handler(request({ RequestType: "Delete", PhysicalResourceId: "vigil-integration/int-1" }));
    expect(answers).toEqual([
      expect.objectContaining({
        Status: "FAILED",
        PhysicalResourceId: "vigil-integration/int-1",
        Reason: expect.stringContaining("AWS_REGION is not set"),
      }),
    ]);
  });
});
