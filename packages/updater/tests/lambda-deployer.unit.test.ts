import {
  GetAliasCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-vitest/extend";
import { beforeEach, describe, expect, it } from "vitest";
import { LambdaFunctionDeployer } from "../src/index.ts";

const lambda = mockClient(LambdaClient);
const deployer = new LambdaFunctionDeployer(new LambdaClient({ region: "eu-west-1" }), { maxWaitSeconds: 5 });
const hex = "ab".repeat(32);
const b64 = Buffer.from(hex, "hex").toString("base64");
const payload = (v: unknown) =>
  Buffer.from(JSON.stringify(v)) as unknown as Uint8Array & { transformToString: never };

describe("LambdaFunctionDeployer", () => {
  beforeEach(() => lambda.reset());

  it("reads the live alias and the release version from its description", async () => {
    lambda.on(GetAliasCommand).resolves({ FunctionVersion: "7", Description: "vigil 1.4.2" });
    expect(await deployer.getAlias("vigil-agent", "live")).toEqual({
      functionVersion: "7",
      releaseVersion: "1.4.2",
    });
    expect(lambda).toHaveReceivedCommandWith(GetAliasCommand, { FunctionName: "vigil-agent", Name: "live" });
    lambda.on(GetAliasCommand).resolves({ FunctionVersion: "3", Description: "hand-made" });
    expect((await deployer.getAlias("vigil-agent", "live")).releaseVersion).toBeUndefined();
  });

  it("uploads code, waits for the update to settle, and returns Lambda's hash as hex", async () => {
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: b64 });
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce({ Configuration: { LastUpdateStatus: "InProgress" } })
      .resolves({ Configuration: { LastUpdateStatus: "Successful" } });
    const zip = new Uint8Array([1, 2, 3]);
    expect(await deployer.updateFunctionCode("vigil-agent", zip)).toEqual({ codeSha256: hex });
    expect(lambda).toHaveReceivedCommandWith(UpdateFunctionCodeCommand, {
      FunctionName: "vigil-agent",
      ZipFile: zip,
    });
    expect(lambda).toHaveReceivedCommandTimes(GetFunctionCommand, 2);
  }, 15_000);

  it("publishes only the verified code (CodeSha256 precondition) and labels the version", async () => {
    lambda.on(PublishVersionCommand).resolves({ Version: "8" });
    expect(
      await deployer.publishVersion("vigil-agent", { codeSha256: hex, releaseVersion: "1.5.0" }),
    ).toEqual({
      functionVersion: "8",
    });
    expect(lambda).toHaveReceivedCommandWith(PublishVersionCommand, {
      FunctionName: "vigil-agent",
      CodeSha256: b64,
      Description: "vigil 1.5.0",
    });
  });

  it("moves the alias with the release in its description", async () => {
    lambda.on(UpdateAliasCommand).resolves({});
    await deployer.updateAlias("vigil-agent", "live", { functionVersion: "8", releaseVersion: "1.5.0" });
    expect(lambda).toHaveReceivedCommandWith(UpdateAliasCommand, {
      FunctionName: "vigil-agent",
      Name: "live",
      FunctionVersion: "8",
      Description: "vigil 1.5.0",
    });
  });

  it("invokes the alias with the health-check payload and judges the answer", async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ ok: true, version: "1.5.0" }) });
    expect(await deployer.invokeHealthCheck("vigil-agent", "live", "1.5.0")).toMatchObject({ ok: true });
    expect(lambda).toHaveReceivedCommandWith(InvokeCommand, {
      FunctionName: "vigil-agent",
      Qualifier: "live",
      InvocationType: "RequestResponse",
    });
    const sent = JSON.parse(
      Buffer.from(lambda.commandCalls(InvokeCommand)[0]?.args[0].input.Payload as Uint8Array).toString(),
    );
    expect(sent).toEqual({ kind: "vigil.health-check", expectedVersion: "1.5.0" });

    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ ok: true, version: "1.4.2" }) });
    expect(await deployer.invokeHealthCheck("vigil-agent", "live", "1.5.0")).toMatchObject({
      ok: false,
      detail: expect.stringContaining("serves 1.4.2"),
    });
    lambda
      .on(InvokeCommand)
      .resolves({ StatusCode: 200, FunctionError: "Unhandled", Payload: payload({ errorMessage: "x" }) });
    expect((await deployer.invokeHealthCheck("vigil-agent", "live", "1.5.0")).ok).toBe(false);
    lambda.on(InvokeCommand).rejects(new Error("AccessDenied"));
    expect(await deployer.invokeHealthCheck("vigil-agent", "live", "1.5.0")).toMatchObject({
      ok: false,
      detail: expect.stringContaining("AccessDenied"),
    });
  });
});
