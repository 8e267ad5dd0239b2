/** What a function's `live` alias points at, and which Vigil release that is. */
export interface LiveFunction {
  functionVersion: string;
  /** Read back from the alias description `vigil <version>`; undefined before the first update. */
  releaseVersion: string | undefined;
}

export interface HealthCheckResult {
  ok: boolean;
  detail: string;
}

/**
 * The few Lambda operations an update needs. Traffic follows the alias, so moving the alias is
 * the switch and moving it back is the rollback; `$LATEST` may be ahead of it in between.
 */
export interface FunctionDeployer {
  getAlias(functionName: string, alias: string): Promise<LiveFunction>;
  /** Uploads the verified package to `$LATEST`; returns Lambda's own SHA-256 of it (hex). */
  updateFunctionCode(functionName: string, zip: Uint8Array): Promise<{ codeSha256: string }>;
  /** Publishes `$LATEST` only if it still holds `codeSha256` (hex), so nothing else slips in. */
  publishVersion(
    functionName: string,
    input: { codeSha256: string; releaseVersion: string },
  ): Promise<{ functionVersion: string }>;
  updateAlias(
    functionName: string,
    alias: string,
    target: { functionVersion: string; releaseVersion: string | undefined },
  ): Promise<void>;
  /** Invokes the alias with the health-check payload and reports whether the function is healthy. */
  invokeHealthCheck(functionName: string, alias: string, expectedVersion: string): Promise<HealthCheckResult>;
}

export const LIVE_ALIAS = "live";

export function aliasDescription(releaseVersion: string | undefined): string {
  return releaseVersion ? `vigil ${releaseVersion}` : "vigil";
}

export function releaseVersionOf(description: string | undefined): string | undefined {
  return /^vigil (\S+)$/.exec(description ?? "")?.[1];
}
