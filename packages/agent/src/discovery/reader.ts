/**
 * Raw reads of the account: one SDK call (or a paginated series merged into one answer), its
 * error classified, and optionally recorded as an account snapshot file (AWS CLI JSON, see
 * docs/snapshot-format.md). Collectors turn these answers into assets; `captureSnapshot` keeps the recording.
 */
import { awsRead, notConfiguredCodes, THROTTLING_CODES } from "@vigil/events";

/** Where a call's answer lives in an account snapshot. */
export interface RawRef {
  /** A region, or `global`. */
  readonly scope: string;
  /** AWS CLI service name: `ec2`, `s3api`, `iam`, `cloudwatch`, `logs`, ... */
  readonly service: string;
  /** AWS CLI command: `describe-instances`, ... */
  readonly command: string;
  /** Per-resource calls: the resource key (user name, bucket, key id, ...). */
  readonly resource?: string;
}

export function snapshotPath(ref: RawRef): string {
  const base = `${ref.scope}/${ref.service}/${ref.command}`;
  return ref.resource === undefined ? base : `${base}/${ref.resource}`;
}

export type RawOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /**
       * `not-configured`: the per-resource "nothing set" error (no bucket policy, no login profile).
       * `denied`: access denied or not captured in a snapshot; checks that need it decide nothing.
       * `error`: anything else (throttled after retries, service errors).
       */
      readonly kind: "not-configured" | "denied" | "error";
      readonly code: string;
      readonly message: string;
      /** `service:Operation`, e.g. `s3:GetBucketPolicy`. */
      readonly call: string;
    };

/** The API call behind a snapshot path: `s3api get-bucket-acl` → `s3:GetBucketAcl`. */
export function callNameOf(ref: Pick<RawRef, "service" | "command">): string {
  const service = CLI_TO_API_SERVICE[ref.service] ?? ref.service;
  const operation = ref.command
    .split("-")
    .map((w) => UPPER_WORDS[w] ?? `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join("");
  return `${service}:${operation}`;
}

const CLI_TO_API_SERVICE: Record<string, string> = { s3api: "s3", configservice: "config" };
/** Words the API spells in capitals (`ListMFADevices`, `GetBucketAcl` stays as is). */
const UPPER_WORDS: Record<string, string> = { mfa: "MFA", db: "DB" };

/** AWS's "slow down" (`THROTTLING_CODES`), or the budget's `RateLimitedError` once the SDK's retries ran out. */
export function isThrottledCode(code: string): boolean {
  return THROTTLING_CODES.has(code) || code === "RateLimitedError";
}

/** Why a field could not be read, from its call's failed outcome (see `UnreadField`). */
export function unreadReasonOf(outcome: Extract<RawOutcome<unknown>, { ok: false }>): {
  call: string;
  kind: "denied" | "throttled" | "failed";
  code: string;
  message: string;
} {
  return {
    call: outcome.call,
    kind: outcome.kind === "denied" ? "denied" : isThrottledCode(outcome.code) ? "throttled" : "failed",
    code: outcome.code,
    message: outcome.message.slice(0, 512),
  };
}

/** Receives each call's answer as the AWS CLI prints it (or `{Error:{Code,Message}}`). */
export type RawRecorder = (path: string, body: unknown) => void;

export interface CallProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedAccess",
  "AuthorizationError",
  "OptInRequired",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
]);

export function errorCodeOf(error: unknown): string {
  const e = error as { name?: unknown; Code?: unknown; code?: unknown };
  for (const v of [e?.Code, e?.code, e?.name])
    if (typeof v === "string" && v !== "" && v !== "Error") return v;
  return "UnknownError";
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Pagination members the AWS CLI drops after merging pages. */
const TOKEN_MEMBERS = new Set([
  "NextToken",
  "nextToken",
  "Marker",
  "NextMarker",
  "ContinuationToken",
  "NextContinuationToken",
]);
/** IAM returns policy documents URL-encoded; the AWS CLI prints them decoded, as JSON. */
const IAM_DOCUMENTS = new Set(["Document", "AssumeRolePolicyDocument", "PolicyDocument"]);

/**
 * An SDK v3 answer as the AWS CLI v2 prints it: no metadata or tokens, ISO timestamps, base64 blobs.
 * Tokens are dropped at the top of the answer only: a structure inside it that the API's model
 * says holds its own marker (CloudFront's `DistributionList.Marker`, required) keeps it.
 */
export function toCliJson(value: unknown, service = "", top = true): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((v) => toCliJson(v, service, false));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "$metadata" || (top && TOKEN_MEMBERS.has(k)) || v === undefined) continue;
    if (k === "IsTruncated" || k === "Truncated") {
      out[k] = false;
      continue;
    }
    if (service === "iam" && IAM_DOCUMENTS.has(k) && typeof v === "string") {
      out[k] = decodePolicyDocument(v) ?? v;
      continue;
    }
    out[k] = toCliJson(v, service, false);
  }
  return out;
}

/** A policy document as IAM returns it (URL-encoded JSON), as plain JSON, or already an object. */
export function decodePolicyDocument(document: unknown): unknown {
  if (document !== null && typeof document === "object") return document;
  if (typeof document !== "string") return undefined;
  for (const text of [document, safeDecode(document)]) {
    if (text === undefined) continue;
    try {
      return JSON.parse(text);
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Merges paginated answers: list members are concatenated, everything else comes from the first page. */
export function mergePages<T extends object>(pages: readonly T[]): T {
  if (pages.length === 0) return {} as T;
  const merged: Record<string, unknown> = { ...(pages[0] as Record<string, unknown>) };
  for (const page of pages.slice(1)) {
    for (const [k, v] of Object.entries(page)) {
      const prev = merged[k];
      if (Array.isArray(v) && Array.isArray(prev)) merged[k] = [...prev, ...v];
      else if (prev === undefined) merged[k] = v;
    }
  }
  return merged as T;
}

/** Undescribed reads, or reads made against their description: a collector bug. */
export class ReadDescriptionError extends Error {
  override readonly name = "ReadDescriptionError";
}

/**
 * The description of a read (packages/events' `AWS_READS`), and whether `ref` and the way it is
 * read (`one` or `pages`) match it; `undefined` when they do.
 */
export function readMismatch(ref: RawRef, paged: boolean): string | undefined {
  const read = awsRead(ref.service, ref.command);
  const what = `${ref.service} ${ref.command}`;
  if (read === undefined)
    return `${what} is not a described read (add it to packages/events/src/aws-reads/reads.ts)`;
  if (read.scope !== "both" && (ref.scope === "global") !== (read.scope === "global"))
    return `${what} is described as ${read.scope} but was read under ${ref.scope}`;
  if ((ref.resource !== undefined) !== (read.resource !== undefined))
    return `${what} is described ${read.resource ? `per ${read.resource}` : "as one read"} but was read ${ref.resource === undefined ? "once" : `per resource (${ref.resource})`}`;
  if (paged !== (read.pages !== undefined))
    return `${what} is described as ${read.pages ? "paginated" : "one page"} but was read ${paged ? "page by page" : "as one call"}`;
  return undefined;
}

export interface AccountReaderOptions {
  /** Throw {@link ReadDescriptionError} for a read that is not described or not read as described (tests). */
  readonly strict?: boolean;
}

export class AccountReader {
  /** Calls that were denied or not captured: the checks that need them decide nothing. */
  readonly denied: CallProblem[] = [];
  /** Calls that failed otherwise (after the SDK's retries). */
  readonly failed: CallProblem[] = [];

  constructor(
    private readonly recorder?: RawRecorder,
    private readonly options: AccountReaderOptions = {},
  ) {}

  /** One call. */
  async one<T extends object>(ref: RawRef, run: () => Promise<T>): Promise<RawOutcome<T>> {
    this.check(ref, false);
    return this.read(ref, run);
  }

  /**
   * A paginated call (an SDK paginator), merged into one answer as the AWS CLI does (`merge`, where
   * the list is not a top-level member: CloudFront's `DistributionList.Items`).
   */
  async pages<T extends object>(
    ref: RawRef,
    pages: () => AsyncIterable<T>,
    merge: (pages: readonly T[]) => T = mergePages,
  ): Promise<RawOutcome<T>> {
    this.check(ref, true);
    return this.read(ref, async () => {
      const all: T[] = [];
      for await (const page of pages()) all.push(page);
      return merge(all);
    });
  }

  private check(ref: RawRef, paged: boolean): void {
    if (!this.options.strict) return;
    const mismatch = readMismatch(ref, paged);
    if (mismatch !== undefined) throw new ReadDescriptionError(mismatch);
  }

  private async read<T extends object>(ref: RawRef, run: () => Promise<T>): Promise<RawOutcome<T>> {
    try {
      const value = await run();
      this.recorder?.(snapshotPath(ref), toCliJson(value, ref.service));
      return { ok: true, value };
    } catch (error) {
      return this.failure(ref, error);
    }
  }

  private failure<T>(ref: RawRef, error: unknown): RawOutcome<T> {
    const code = errorCodeOf(error);
    const message = errorMessageOf(error);
    const path = snapshotPath(ref);
    const call = callNameOf(ref);
    const described = awsRead(ref.service, ref.command);
    if (
      described !== undefined &&
      notConfiguredCodes(described).includes(code) &&
      (described.notConfiguredMessage === undefined || described.notConfiguredMessage.test(message))
    ) {
      // Per resource, "nothing configured" is a missing file; for account-wide calls (no password
      // policy) the snapshot keeps AWS's error, since a missing file there means "not captured".
      if (ref.resource === undefined) this.recorder?.(path, { Error: { Code: code, Message: message } });
      return { ok: false, kind: "not-configured", code, message, call };
    }
    // A snapshot keeps AWS's answer; a denied call is simply not captured (its file is missing).
    if (DENIED.has(code)) {
      this.denied.push({ path, code, message });
      return { ok: false, kind: "denied", code, message, call };
    }
    this.recorder?.(path, { Error: { Code: code, Message: message } });
    this.failed.push({ path, code, message });
    return { ok: false, kind: "error", code, message, call };
  }
}
