import { absentAnswer, awsRead } from "@vigil/events";
import { AwsApiError, apiError } from "../errors.ts";
import { type AccountModel, isSnapshotError, snapshotKey } from "../model.ts";
import type { RawAnswer } from "../protocols.ts";

export type Output = Record<string, unknown>;
export type Answer = Output | RawAnswer;

/** One call as a handler sees it: the decoded input plus access to the account's state. */
export interface Call {
  readonly model: AccountModel;
  readonly region: string;
  readonly cliService: string;
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

export type Handler = (call: Call) => Answer;

/** The error a call answers with when the snapshot did not capture it (as if access were denied). */
function notCaptured(call: Call, key: string): AwsApiError {
  const code =
    call.cliService === "ec2"
      ? "UnauthorizedOperation"
      : [
            "iam",
            "sts",
            "rds",
            "autoscaling",
            "elb",
            "elbv2",
            "cloudfront",
            "s3api",
            "s3control",
            "sns",
            "elasticache",
            "elasticbeanstalk",
          ].includes(call.cliService)
        ? "AccessDenied"
        : "AccessDeniedException";
  return new AwsApiError(
    code,
    `${call.operation}: not captured in this account snapshot (${key}.json is missing), answered as access denied.`,
    403,
  );
}

/** What to answer when a per-resource file is missing: an AWS "not configured" error, or a default. */
export type WhenMissing =
  | { readonly error: string; readonly message: string }
  | { readonly output: Output }
  | "not-captured";

export interface ReadOptions {
  readonly global?: boolean;
  readonly resource?: string;
  readonly whenMissing?: WhenMissing;
}

/**
 * Reads the CLI JSON a call is answered from. An error file becomes that AWS error; a missing file
 * becomes the call's "not configured" answer (`whenMissing`, else the AWS reads description's
 * `absent` answer for a per-resource read), or "not captured".
 */
export function read(call: Call, command: string, options: ReadOptions = {}): Output {
  const scope = options.global ? "global" : call.region;
  const key = snapshotKey(scope, call.cliService, command, options.resource);
  const value = call.model.files.get(key);
  if (value === undefined) {
    const missing =
      options.whenMissing ?? describedAbsence(call, command, options.resource) ?? "not-captured";
    if (missing === "not-captured") throw notCaptured(call, key);
    if ("error" in missing) throw apiError(missing.error, missing.message);
    return structuredClone(missing.output);
  }
  if (isSnapshotError(value)) throw apiError(value.Error.Code, value.Error.Message);
  return value as Output;
}

/** What a missing per-resource file stands for, as the AWS reads description (packages/events) says. */
function describedAbsence(
  call: Call,
  command: string,
  resource: string | undefined,
): WhenMissing | undefined {
  const described = awsRead(call.cliService, command);
  if (resource === undefined || described === undefined) return undefined;
  const absent = absentAnswer(described, decodeURIComponent(resource));
  if (absent === undefined) return undefined;
  return "error" in absent
    ? { error: absent.error, message: absent.message }
    : { output: { ...absent.output } };
}

/** The list member of a list call's file (empty when the file holds no such member). */
export function readList<T = Record<string, unknown>>(
  call: Call,
  command: string,
  member: string,
  options: ReadOptions = {},
): T[] {
  const out = read(call, command, options)[member];
  return Array.isArray(out) ? (out as T[]) : [];
}

export function setFile(
  call: Call,
  command: string,
  value: unknown,
  options: { global?: boolean; resource?: string } = {},
): void {
  const key = snapshotKey(
    options.global ? "global" : call.region,
    call.cliService,
    command,
    options.resource,
  );
  call.model.files.set(key, value);
}

export function deleteFile(
  call: Call,
  command: string,
  options: { global?: boolean; resource?: string } = {},
): void {
  call.model.files.delete(
    snapshotKey(options.global ? "global" : call.region, call.cliService, command, options.resource),
  );
}

export function str(input: Record<string, unknown>, member: string): string | undefined {
  const v = input[member];
  return typeof v === "string" ? v : v === undefined || v === null ? undefined : String(v);
}

export function required(input: Record<string, unknown>, member: string, operation: string): string {
  const v = str(input, member);
  if (v === undefined || v === "") {
    throw apiError(
      "ValidationError",
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null (${operation}).`,
    );
  }
  return v;
}

export function strings(input: Record<string, unknown>, member: string): string[] {
  const v = input[member];
  return Array.isArray(v) ? v.map(String) : [];
}

// --- pagination ---------------------------------------------------------------------------------

export interface PageRequest {
  readonly token: unknown;
  readonly limit: unknown;
  /** What AWS returns per page when the caller gives no limit (Infinity: everything). */
  readonly defaultLimit: number;
  readonly maxLimit?: number;
  readonly minLimit?: number;
}

/** Opaque tokens, like AWS's: the offset into the (stable) list, encoded. */
export function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, v: "sim" })).toString("base64");
}

function decodeToken(token: unknown): number {
  if (token === undefined || token === null || token === "") return 0;
  try {
    const parsed = JSON.parse(Buffer.from(String(token), "base64").toString("utf8")) as { o?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the error
  }
  throw apiError("InvalidNextToken", `The pagination token '${String(token)}' is invalid or expired.`);
}

/** Slices one page out of a list; `next` is set when more items follow. */
export function paginate<T>(items: readonly T[], request: PageRequest): { page: T[]; next?: string } {
  const start = decodeToken(request.token);
  let limit =
    request.limit === undefined || request.limit === null ? request.defaultLimit : Number(request.limit);
  if (!Number.isFinite(limit) && limit !== Number.POSITIVE_INFINITY) limit = request.defaultLimit;
  if (request.minLimit !== undefined && limit < request.minLimit) {
    throw apiError(
      "InvalidParameterValue",
      `The limit ${limit} is below the minimum of ${request.minLimit}.`,
    );
  }
  if (request.maxLimit !== undefined) limit = Math.min(limit, request.maxLimit);
  const end = Math.min(items.length, start + limit);
  const page = items.slice(start, end);
  return end < items.length ? { page, next: encodeToken(end) } : { page };
}

/**
 * A list call answered from its file: the `member` list (filtered by `keep`), one page of it, with
 * the token to the next. Member names default to the JSON services' `NextToken` / `MaxResults`.
 */
export function listPage(
  call: Call,
  command: string,
  member: string,
  limits: Pick<PageRequest, "defaultLimit" | "maxLimit" | "minLimit">,
  options: {
    readonly keep?: (item: Output) => boolean;
    readonly token?: string;
    readonly limit?: string;
    readonly next?: string;
  } = {},
): Output {
  const items = readList(call, command, member).filter((item) => options.keep?.(item) ?? true);
  const next = options.next ?? "NextToken";
  const out = paginate(items, {
    token: call.input[options.token ?? next],
    limit: options.limit === undefined ? call.input.MaxResults : call.input[options.limit],
    ...limits,
  });
  return { [member]: out.page, ...(out.next ? { [next]: out.next } : {}) };
}

// --- EC2-style filters ---------------------------------------------------------------------------

export interface Filter {
  readonly Name?: string;
  readonly Values?: readonly string[];
}

/** Aliases where AWS's filter name does not spell the member path. */
const FILTER_PATHS: Record<string, string> = {
  "instance-state-name": "State.Name",
  "instance-state-code": "State.Code",
  "resource-id": "ResourceId",
  default: "IsDefault",
  "is-default": "IsDefault",
  "group-id": "GroupId",
  "attachment.instance-id": "Attachments.InstanceId",
  "attachment.status": "Attachments.State",
  status: "State",
  engine: "Engine",
};

function pascal(segment: string): string {
  return segment
    .split("-")
    .map((w) => (w === "id" ? "Id" : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
}

function valuesAt(item: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return Array.isArray(item) ? item : [item];
  if (Array.isArray(item)) return item.flatMap((x) => valuesAt(x, path));
  if (typeof item !== "object" || item === null) return [];
  const [head, ...rest] = path;
  return valuesAt((item as Record<string, unknown>)[head as string], rest);
}

function wildcard(pattern: string, value: string): boolean {
  if (!pattern.includes("*") && !pattern.includes("?")) return pattern === value;
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  return re.test(value);
}

type Tag = { Key?: string; Value?: string };

/** Whether an item passes one filter; names are AWS's (`tag:<key>`, `tag-key`, `vpc-id`, …). */
export function matchesFilter(item: Record<string, unknown>, filter: Filter, tagMember = "Tags"): boolean {
  const name = filter.Name ?? "";
  const values = filter.Values ?? [];
  const tags = (item[tagMember] ?? item.TagList ?? []) as Tag[];
  if (name.startsWith("tag:")) {
    const key = name.slice(4);
    return tags.some((t) => t.Key === key && values.some((v) => wildcard(v, t.Value ?? "")));
  }
  if (name === "tag-key") return tags.some((t) => values.some((v) => wildcard(v, t.Key ?? "")));
  if (name === "tag-value") return tags.some((t) => values.some((v) => wildcard(v, t.Value ?? "")));
  const path = (FILTER_PATHS[name] ?? name.split(".").map(pascal).join(".")).split(".");
  const found = valuesAt(item, path).map((v) => String(v));
  return found.some((f) => values.some((v) => wildcard(v, f)));
}

export function matchesFilters(
  item: Record<string, unknown>,
  filters: readonly Filter[],
  tagMember?: string,
): boolean {
  return filters.every((f) => matchesFilter(item, f, tagMember));
}
