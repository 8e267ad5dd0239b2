import {
  GetAliasCommand,
  InvokeCommand,
  type InvokeCommandOutput,
  type LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  waitUntilFunctionUpdatedV2,
} from "@aws-sdk/client-lambda";
import { type HealthCheckRequest, HealthCheckResponse } from "@vigil/events";
import {
  aliasDescription,
  type FunctionDeployer,
  type HealthCheckResult,
  type LiveFunction,
  releaseVersionOf,
} from "./port.ts";

const hexToBase64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");
const base64ToHex = (b64: string) => Buffer.from(b64, "base64").toString("hex");

export interface LambdaDeployerOptions {
  /** How long to wait for a code update to finish before publishing (seconds). */
  maxWaitSeconds?: number;
}

/** The Lambda API behind `FunctionDeployer`. */
export class LambdaFunctionDeployer implements FunctionDeployer {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly options: LambdaDeployerOptions = {},
  ) {}

  async getAlias(functionName: string, alias: string): Promise<LiveFunction> {
    const out = await this.lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: alias }));
    if (!out.FunctionVersion) throw new Error(`alias ${alias} of ${functionName} has no function version`);
    return { functionVersion: out.FunctionVersion, releaseVersion: releaseVersionOf(out.Description) };
  }

  async updateFunctionCode(functionName: string, zip: Uint8Array): Promise<{ codeSha256: string }> {
    const out = await this.lambda.send(
      new UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: zip }),
    );
    if (!out.CodeSha256) throw new Error(`Lambda did not report the code SHA-256 of ${functionName}`);
    // Publishing before the update settles fails with ResourceConflictException.
    await waitUntilFunctionUpdatedV2(
      { client: this.lambda, maxWaitTime: this.options.maxWaitSeconds ?? 120, minDelay: 1, maxDelay: 5 },
      { FunctionName: functionName },
    );
    return { codeSha256: base64ToHex(out.CodeSha256) };
  }

  async publishVersion(
    functionName: string,
    input: { codeSha256: string; releaseVersion: string },
  ): Promise<{ functionVersion: string }> {
    const out = await this.lambda.send(
      new PublishVersionCommand({
        FunctionName: functionName,
        CodeSha256: hexToBase64(input.codeSha256),
        Description: aliasDescription(input.releaseVersion),
      }),
    );
    if (!out.Version) throw new Error(`Lambda did not return the version it published for ${functionName}`);
    return { functionVersion: out.Version };
  }

  async updateAlias(
    functionName: string,
    alias: string,
    target: { functionVersion: string; releaseVersion: string | undefined },
  ): Promise<void> {
    await this.lambda.send(
      new UpdateAliasCommand({
        FunctionName: functionName,
        Name: alias,
        FunctionVersion: target.functionVersion,
        Description: aliasDescription(target.releaseVersion),
      }),
    );
  }

  async invokeHealthCheck(
    functionName: string,
    alias: string,
    expectedVersion: string,
  ): Promise<HealthCheckResult> {
    const request: HealthCheckRequest = { kind: "vigil.health-check", expectedVersion };
    let out: InvokeCommandOutput;
    try {
      out = await this.lambda.send(
        new InvokeCommand({
          FunctionName: functionName,
          Qualifier: alias,
          InvocationType: "RequestResponse",
          Payload: Buffer.from(JSON.stringify(request)),
        }),
      );
    } catch (error) {
      return { ok: false, detail: `invoke failed: ${(error as Error).message}` };
    }
    const text = out.Payload ? Buffer.from(out.Payload).toString("utf8") : "";
    if (out.FunctionError)
      return { ok: false, detail: `function error ${out.FunctionError}: ${text.slice(0, 500)}` };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, detail: `health check answered non-JSON: ${text.slice(0, 200)}` };
    }
    const parsed = HealthCheckResponse.safeParse(body);
    if (!parsed.success)
      return { ok: false, detail: `health check answered an unexpected shape: ${text.slice(0, 200)}` };
    if (!parsed.data.ok) return { ok: false, detail: parsed.data.detail ?? "function reported unhealthy" };
    if (parsed.data.version !== expectedVersion)
      return { ok: false, detail: `alias serves ${parsed.data.version}, expected ${expectedVersion}` };
    return { ok: true, detail: parsed.data.detail ?? `healthy at ${parsed.data.version}` };
  }
}
