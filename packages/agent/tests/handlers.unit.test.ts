import { describe, expect, it } from "vitest";
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
