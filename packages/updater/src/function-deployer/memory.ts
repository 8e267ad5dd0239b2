import { createHash } from "node:crypto";
import type { FunctionDeployer, HealthCheckResult, LiveFunction } from "./port.ts";

interface FakeFunction {
  latest: { codeSha256: string; zip: Uint8Array };
  versions: Map<string, { codeSha256: string; releaseVersion: string | undefined }>;
  aliases: Map<string, { functionVersion: string; releaseVersion: string | undefined }>;
}

export type FakeHealth = (functionName: string, releaseVersion: string | undefined) => HealthCheckResult;

/**
 * An in-memory Lambda for lifecycle tests: functions with `$LATEST`, numbered versions and
 * aliases, a configurable health check, and a log of every mutating call.
 */
export class FakeFunctionDeployer implements FunctionDeployer {
  private readonly functions = new Map<string, FakeFunction>();
  readonly calls: string[] = [];
  health: FakeHealth = () => ({ ok: true, detail: "healthy" });

  /** Create a function already running `releaseVersion` behind `alias`. */
  seed(functionName: string, releaseVersion: string | undefined, zip: Uint8Array, alias = "live"): this {
    const codeSha256 = createHash("sha256").update(zip).digest("hex");
    this.functions.set(functionName, {
      latest: { codeSha256, zip },
      versions: new Map([["1", { codeSha256, releaseVersion }]]),
      aliases: new Map([[alias, { functionVersion: "1", releaseVersion }]]),
    });
    return this;
  }

  /** What the alias serves: version number, release, and the code SHA-256 (hex). */
  live(
    functionName: string,
    alias = "live",
  ): { functionVersion: string; releaseVersion?: string; codeSha256: string } {
    const fn = this.fn(functionName);
    const target = fn.aliases.get(alias);
    if (!target) throw new Error(`fake: ${functionName} has no alias ${alias}`);
    const version = fn.versions.get(target.functionVersion);
    return { ...target, releaseVersion: target.releaseVersion, codeSha256: version?.codeSha256 ?? "" };
  }

  /** Calls that changed something (everything but getAlias). */
  mutations(): string[] {
    return this.calls.filter((c) => !c.startsWith("getAlias"));
  }

  private fn(name: string): FakeFunction {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`fake: function ${name} not found`);
    return fn;
  }

  async getAlias(functionName: string, alias: string): Promise<LiveFunction> {
    this.calls.push(`getAlias ${functionName} ${alias}`);
    const target = this.fn(functionName).aliases.get(alias);
    if (!target) throw new Error(`fake: ${functionName} has no alias ${alias}`);
    return { ...target };
  }

  async updateFunctionCode(functionName: string, zip: Uint8Array): Promise<{ codeSha256: string }> {
    this.calls.push(`updateFunctionCode ${functionName}`);
    const codeSha256 = createHash("sha256").update(zip).digest("hex");
    this.fn(functionName).latest = { codeSha256, zip: Uint8Array.from(zip) };
    return { codeSha256 };
  }

  async publishVersion(
    functionName: string,
    input: { codeSha256: string; releaseVersion: string },
  ): Promise<{ functionVersion: string }> {
    this.calls.push(`publishVersion ${functionName} ${input.releaseVersion}`);
    const fn = this.fn(functionName);
    if (fn.latest.codeSha256 !== input.codeSha256)
      throw new Error(`fake: CodeSha256 precondition failed for ${functionName}`);
    const functionVersion = String(fn.versions.size + 1);
    fn.versions.set(functionVersion, { codeSha256: input.codeSha256, releaseVersion: input.releaseVersion });
    return { functionVersion };
  }

  async updateAlias(
    functionName: string,
    alias: string,
    target: { functionVersion: string; releaseVersion: string | undefined },
  ): Promise<void> {
    this.calls.push(`updateAlias ${functionName} ${alias} ${target.functionVersion}`);
    const fn = this.fn(functionName);
    if (!fn.versions.has(target.functionVersion))
      throw new Error(`fake: ${functionName} has no version ${target.functionVersion}`);
    fn.aliases.set(alias, { ...target });
  }

  async invokeHealthCheck(
    functionName: string,
    alias: string,
    _expectedVersion: string,
  ): Promise<HealthCheckResult> {
    this.calls.push(`invokeHealthCheck ${functionName} ${alias}`);
    return this.health(functionName, this.fn(functionName).aliases.get(alias)?.releaseVersion);
  }
}
