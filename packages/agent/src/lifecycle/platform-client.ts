import { signRequest, type VigilEvent } from "@vigil/events";
import type { ServiceCredentials } from "./credentials.ts";
import type { PresignedRequest } from "./identity-proof.ts";
import { platformUrlProblem } from "./platform-url.ts";

/** What the agent asks of the platform. A small port: the HTTP adapter below, fakes in tests. */
export interface PlatformClient {
  /** Unsigned: the registration token is the proof. */
  exchange(request: ExchangeRequest): Promise<ExchangedCredentials>;
  /**
   * Unsigned: an organization member's enrollment; the enrollment secret and the account's
   * presigned AWS requests are the proof.
   */
  enroll(request: EnrollRequest): Promise<ExchangedCredentials>;
  /** Signed. */
  report(events: readonly VigilEvent[]): Promise<void>;
  /** Signed. Answers the platform's commands for this integration the agent has not taken yet. */
  heartbeat(body: HeartbeatBody): Promise<HeartbeatAnswer | undefined>;
  /**
   * Signed: give back the key that signs it (a Create that failed after the exchange). The key is
   * refused afterwards and the integration waits for a new registration token.
   */
  revoke(request: RevokeRequest): Promise<void>;
}

export interface RevokeRequest {
  /** Why, for the integration's history at the platform (at most 1024 characters). */
  reason: string;
}

export interface ExchangeRequest {
  token: string;
  accountId?: string;
  parameterName?: string;
}

export interface EnrollRequest {
  enrollmentSecret: string;
  /** What the stack says it is: its integration id, account, organization and region. */
  integrationId: string;
  accountId: string;
  organizationId: string;
  homeRegion: string;
  identity: PresignedRequest;
  organization: PresignedRequest;
  parameterName?: string;
}

export interface ExchangedCredentials {
  integrationId: string;
  keyId: string;
  privateKeyPem: string;
  parameterName: string;
}

/** A command the platform holds for this integration: its place in the integration's commands, and the event. */
export interface PlatformCommand {
  sequence: number;
  event: unknown;
}

export interface HeartbeatAnswer {
  commands?: PlatformCommand[];
}

export interface HeartbeatBody {
  /** The last command sequence the agent took (its own log of them); the answer carries the next. */
  commandsAfter?: number;
  agentVersion: string;
  updaterVersion?: string;
  enabledRegions: string[];
  lastScan?: { scanId: string; status: "running" | "completed" | "failed" | "paused" };
}

/** The platform refused or failed a request; `code` is its machine code (`registration_token_expired`, …). */
export class PlatformRequestError extends Error {
  override readonly name = "PlatformRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Worth retrying later: the platform was unreachable or failed, rather than refusing. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** The platform's limit on a revocation's reason. */
const REVOKE_REASON_LIMIT = 1024;

/** Events per signed report: the platform takes at most 100 a request, one of them may go to a stream check. */
export const REPORT_BATCH_SIZE = 99;

export interface HttpPlatformClientOptions {
  platformUrl: string;
  /** Needed for signed requests; the exchange works without. */
  credentials?: ServiceCredentials;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
  /** Waits before each retry of a report batch (jittered ±50 %); default 0.5 s, 1 s, 2 s. */
  retryDelaysMs?: readonly number[];
}

/** Retries of a report batch the platform could not take, and the waits before them. */
export const REPORT_RETRY_DELAYS_MS: readonly number[] = [500, 1_000, 2_000];

export class HttpPlatformClient implements PlatformClient {
  constructor(private readonly options: HttpPlatformClientOptions) {}

  async exchange(request: ExchangeRequest): Promise<ExchangedCredentials> {
    const body = await this.#send("/registrations/exchange", JSON.stringify(request), false);
    const out = body as Partial<ExchangedCredentials>;
    if (!out.integrationId || !out.keyId || !out.privateKeyPem || !out.parameterName) {
      throw new PlatformRequestError(
        502,
        "exchange_malformed",
        "The platform's exchange answer lacks the key or its id.",
      );
    }
    return out as ExchangedCredentials;
  }

  async enroll(request: EnrollRequest): Promise<ExchangedCredentials> {
    const body = await this.#send("/organizations/enroll", JSON.stringify(request), false);
    const out = body as Partial<ExchangedCredentials>;
    if (!out.integrationId || !out.keyId || !out.privateKeyPem || !out.parameterName) {
      throw new PlatformRequestError(
        502,
        "enrollment_malformed",
        "The platform's enrollment answer lacks the key or its id.",
      );
    }
    return out as ExchangedCredentials;
  }

  async report(events: readonly VigilEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += REPORT_BATCH_SIZE) {
      const body = JSON.stringify({ events: events.slice(i, i + REPORT_BATCH_SIZE) });
      // A batch the platform could not take (unreachable, 429, 5xx) is sent again, signed anew:
      // recording is idempotent on the event ids, so a batch that went through before a timeout
      // is not recorded twice. A refusal (4xx) is not retried.
      const delays = this.options.retryDelaysMs ?? REPORT_RETRY_DELAYS_MS;
      for (let attempt = 0; ; attempt++) {
        try {
          await this.#send("/agent/events", body, true);
          break;
        } catch (error) {
          const delay = delays[attempt];
          if (!(error instanceof PlatformRequestError) || !error.transient || delay === undefined)
            throw error;
          await new Promise((r) => setTimeout(r, delay * (0.5 + Math.random())));
        }
      }
    }
  }

  async heartbeat(body: HeartbeatBody): Promise<HeartbeatAnswer | undefined> {
    const answer = (await this.#send("/agent/heartbeat", JSON.stringify(body), true)) as
      | HeartbeatAnswer
      | undefined;
    return answer && Array.isArray(answer.commands) ? { commands: answer.commands } : {};
  }

  async revoke(request: RevokeRequest): Promise<void> {
    await this.#send(
      "/agent/credentials/revoke",
      JSON.stringify({ reason: request.reason.slice(0, REVOKE_REASON_LIMIT) }),
      true,
    );
  }

  async #send(path: string, body: string, signed: boolean): Promise<unknown> {
    // The exchange answers with the private key, and signed requests carry the account's facts.
    const insecure = platformUrlProblem(this.options.platformUrl);
    if (insecure) throw new PlatformRequestError(0, "platform_url_insecure", `The platform URL ${insecure}.`);
    const url = `${this.options.platformUrl.replace(/\/+$/, "")}${path}`;
    const credentials = this.options.credentials;
    if (signed && !credentials) {
      throw new PlatformRequestError(0, "credentials_missing", `${path} needs the service credentials.`);
    }
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signed && credentials) {
      Object.assign(
        headers,
        signRequest({
          method: "POST",
          path: new URL(url).pathname,
          body,
          keyId: credentials.keyId,
          privateKeyPem: credentials.privateKey,
          now: (this.options.now ?? (() => new Date()))(),
        }),
      );
    }
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new PlatformRequestError(
        0,
        "platform_unreachable",
        `The platform at ${url} is unreachable: ${(error as Error).message}`,
      );
    }
    const json = (await response.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string } }
      | undefined;
    if (!response.ok) {
      throw new PlatformRequestError(
        response.status,
        json?.error?.code ?? "http_error",
        json?.error?.message ?? `The platform answered ${response.status} for ${path}.`,
      );
    }
    return json;
  }
}
