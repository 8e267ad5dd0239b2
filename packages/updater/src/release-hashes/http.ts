import { RecordedReleaseHashes } from "@vigil/events";
import { PlatformUnavailableError } from "../errors.ts";
import type { ReleaseHashes } from "./port.ts";

export interface HttpReleaseHashesOptions {
  /** Base URL of the platform, e.g. `https://vigil.example.com/api`. */
  platformUrl: string;
  /** Extra headers per request (the integration's service credentials). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** `GET {platformUrl}/releases/{version}/hashes` */
export class HttpReleaseHashes implements ReleaseHashes {
  constructor(private readonly options: HttpReleaseHashesOptions) {}

  async getRecordedHashes(version: string): Promise<RecordedReleaseHashes | undefined> {
    const base = this.options.platformUrl.replace(/\/+$/, "");
    const url = `${base}/releases/${encodeURIComponent(version)}/hashes`;
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { accept: "application/json", ...(await this.options.headers?.()) },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new PlatformUnavailableError(`platform unreachable at ${url}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (response.status === 404) return undefined;
    if (response.status >= 500 || response.status === 429)
      throw new PlatformUnavailableError(`platform answered ${response.status} for ${url}`);
    if (!response.ok)
      throw new Error(`platform refused ${url} with ${response.status}: check the integration's credentials`);
    const parsed = RecordedReleaseHashes.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new Error(
        `platform sent release hashes of the wrong shape from ${url}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
      );
    if (parsed.data.version !== version)
      throw new Error(`platform answered hashes of ${parsed.data.version} when asked for ${version}`);
    return parsed.data;
  }
}
