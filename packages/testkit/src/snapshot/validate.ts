/**
 * Validates an account snapshot (docs/snapshot-format.md) against AWS's own API models: every file
 * is checked against the OUTPUT shape of the operation it stands for, in botocore's
 * `service-2.json`.
 *
 * - `account.json`: `{"accountId": "<12 digits>", "regions": [<region names>]}`, nothing else.
 * - Every other file is `<region|global>/<cli-service>/<cli-command>.json` or
 *   `<region|global>/<cli-service>/<cli-command>/<resource>.json`; the scope is `global` or a region
 *   of `account.json`; the CLI service has a model (`s3api` is `s3`, `configservice` is `config`,
 *   `deploy` is `codedeploy`); the CLI command names exactly one operation (dashes dropped, case
 *   ignored).
 * - A file holding only `{"Error": {"Code", "Message"}}` (non-empty strings) is an AWS error and
 *   exempt from the shape check; other keys in the error are warnings.
 * - Otherwise the file must match the output shape: keys are members of the shape (recursively
 *   through structures, lists and maps), scalar types match (integers written without fraction or
 *   exponent, timestamps as ISO-8601 strings, blobs as base64 strings), required members are
 *   present, nothing is null (but S3 GetBucketLocation's `LocationConstraint`), and an operation
 *   without output has `{}`. Enum values outside the (possibly older) model are warnings unless
 *   `strictEnums`. IAM policy documents (`policyDocumentType`) may be decoded JSON objects, as the
 *   AWS CLI prints them.
 * - Content the model types as opaque strings: the IAM credential report is base64 of UTF-8 CSV
 *   with AWS's 22-column header and ISO-8601 (or N/A, no_information, not_supported) dates, format
 *   `text/csv`; an S3 bucket policy is a JSON string with a `Statement`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isJsonObject, JsonFloat, type JsonValue, parseJson } from "./json.ts";
import {
  type BotocoreModels,
  loadBotocoreModels,
  locateBotocoreModels,
  type ServiceModel,
} from "./models.ts";

export interface SnapshotIssue {
  readonly severity: "error" | "warning";
  /** The file, relative to the snapshot directory, `/`-separated. */
  readonly file: string;
  /** Where in the file: `$`, `$.Users[0].UserName`, `$.Tags<key x>`, … */
  readonly where: string;
  readonly message: string;
}

export interface SnapshotValidation {
  /** The snapshot directory (or a label for in-memory files). */
  readonly dir: string;
  /** Where the models came from. */
  readonly models: string;
  /** Files checked against an operation (AWS-error files included). */
  readonly files: number;
  /** Of those, the files holding an AWS error (exempt from the shape check). */
  readonly errorFiles: number;
  readonly issues: readonly SnapshotIssue[];
  readonly errors: number;
  readonly warnings: number;
  /** No errors (warnings allowed). */
  readonly ok: boolean;
}

export interface ValidateSnapshotOptions {
  /** A botocore data directory, or loaded models; default {@link locateBotocoreModels}(). */
  readonly models?: string | BotocoreModels;
  /** Unknown enum values are errors rather than warnings. */
  readonly strictEnums?: boolean;
}

/** AWS CLI service names that differ from the botocore model directory name. */
export const CLI_TO_MODEL: Readonly<Record<string, string>> = {
  s3api: "s3",
  configservice: "config",
  deploy: "codedeploy",
};

const ISO8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const ACCOUNT_ID = /^\d{12}$/;
/** Canonical base64 (padded, no whitespace). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Header of the IAM credential report, as AWS returns it (text/csv, base64 in Content). */
export const CREDENTIAL_REPORT_COLUMNS: readonly string[] = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
  "cert_1_active",
  "cert_1_last_rotated",
  "cert_2_active",
  "cert_2_last_rotated",
];
const DATE_COLUMN_SUFFIXES = [
  "_time",
  "_last_rotated",
  "_last_used_date",
  "_last_used",
  "_last_changed",
  "_next_rotation",
];
const NO_DATE = new Set(["N/A", "no_information", "not_supported"]);

/** Members that the AWS CLI legitimately prints as null: `<model>/<shape>/<member>`. */
const NULL_ALLOWED = new Set(["s3/GetBucketLocationOutput/LocationConstraint"]);

/**
 * Members the model marks required that AWS leaves out of its answers when they have nothing to
 * say (Inspector's `State` carries `errorCode` and `errorMessage` only when enabling or disabling
 * failed): `<model>/<shape>/<member>`.
 */
const REQUIRED_BUT_OMITTED = new Set(["inspector2/State/errorCode", "inspector2/State/errorMessage"]);

function typeName(value: JsonValue): string {
  if (value === null) return "null";
  if (value instanceof JsonFloat) return "float";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return "integer";
  return typeof value;
}

function show(value: JsonValue): string {
  return value instanceof JsonFloat ? value.source : JSON.stringify(value);
}

class Report {
  readonly issues: SnapshotIssue[] = [];
  error(file: string, where: string | undefined, message: string) {
    this.issues.push({ severity: "error", file, where: where ?? "$", message });
  }
  warn(file: string, where: string | undefined, message: string) {
    this.issues.push({ severity: "warning", file, where: where ?? "$", message });
  }
}

class ShapeChecker {
  constructor(
    private readonly model: ServiceModel,
    private readonly report: Report,
    private readonly file: string,
    private readonly strictEnums: boolean,
  ) {}

  check(value: JsonValue, shapeName: string, where: string, parent?: string, member?: string): void {
    const shape = Object.hasOwn(this.model.shapes, shapeName) ? this.model.shapes[shapeName] : undefined;
    if (shape === undefined) {
      this.report.error(this.file, where, `shape ${shapeName} is not in the ${this.model.name} model`);
      return;
    }
    const kind = shape.type;
    if (value === null) {
      if (NULL_ALLOWED.has(`${this.model.name}/${parent}/${member}`)) return;
      this.report.error(this.file, where, `null where ${kind} (${shapeName}) expected`);
      return;
    }
    switch (kind) {
      case "structure": {
        if (!isJsonObject(value)) {
          this.typeError(where, value, kind, shapeName);
          return;
        }
        const members = shape.members ?? {};
        for (const [key, sub] of Object.entries(value)) {
          const ref = Object.hasOwn(members, key) ? members[key] : undefined;
          if (ref === undefined) {
            const names = Object.keys(members).sort().join(", ") || "none";
            this.report.error(
              this.file,
              where,
              `unknown member '${key}' in ${shapeName} (members: ${names})`,
            );
            continue;
          }
          this.check(sub, ref.shape, `${where}.${key}`, shapeName, key);
        }
        for (const req of shape.required ?? []) {
          if (
            !Object.hasOwn(value, req) &&
            !REQUIRED_BUT_OMITTED.has(`${this.model.name}/${shapeName}/${req}`)
          ) {
            this.report.error(this.file, where, `required member '${req}' of ${shapeName} missing`);
          }
        }
        return;
      }
      case "list": {
        if (!Array.isArray(value)) {
          this.typeError(where, value, kind, shapeName);
          return;
        }
        const item = (shape.member as { shape: string }).shape;
        value.forEach((v, i) => {
          this.check(v, item, `${where}[${i}]`);
        });
        return;
      }
      case "map": {
        if (!isJsonObject(value)) {
          this.typeError(where, value, kind, shapeName);
          return;
        }
        const keyShape = (shape.key as { shape: string }).shape;
        const valueShape = (shape.value as { shape: string }).shape;
        for (const [k, v] of Object.entries(value)) {
          this.check(k, keyShape, `${where}<key ${k}>`);
          this.check(v, valueShape, `${where}.${k}`);
        }
        return;
      }
      case "string": {
        if (this.model.name === "iam" && shapeName === "policyDocumentType") {
          // The AWS CLI prints IAM policy documents URL-decoded and parsed.
          if (!isJsonObject(value) && typeof value !== "string") {
            this.typeError(where, value, "policy document object", shapeName);
            return;
          }
          return;
        }
        if (typeof value !== "string") {
          this.typeError(where, value, kind, shapeName);
          return;
        }
        if (shape.enum && shape.enum.length > 0 && !shape.enum.includes(value)) {
          const msg = `'${value}' not in enum ${shapeName} of this model`;
          if (this.strictEnums) this.report.error(this.file, where, msg);
          else this.report.warn(this.file, where, `${msg} (newer value, or a typo)`);
        }
        return;
      }
      case "integer":
      case "long":
        if (typeof value !== "number") {
          this.typeError(where, value, kind, shapeName);
          return;
        }
        return;
      case "float":
      case "double":
        if (typeof value !== "number" && !(value instanceof JsonFloat)) {
          this.typeError(where, value, kind, shapeName);
          return;
        }
        return;
      case "boolean":
        if (typeof value !== "boolean") {
          this.typeError(where, value, kind, shapeName);
          return;
        }
        return;
      case "timestamp":
        if (typeof value !== "string" || !ISO8601.test(value)) {
          this.report.error(this.file, where, `timestamp must be an ISO-8601 string, got ${show(value)}`);
        }
        return;
      case "blob":
        if (typeof value !== "string") {
          this.typeError(where, value, "base64 string", shapeName);
          return;
        }
        if (!BASE64.test(value)) this.report.error(this.file, where, "blob is not valid base64");
        return;
      default:
        this.report.warn(this.file, where, `shape type ${kind} not checked`);
    }
  }

  private typeError(where: string, value: JsonValue, expected: string, shapeName: string): void {
    this.report.error(this.file, where, `expected ${expected} (${shapeName}), got ${typeName(value)}`);
  }
}

/**
 * Python's `csv.reader` (excel dialect, non-strict) over `io.StringIO(text)`: lines split at "\n",
 * "\r\n" or "\r" ending a record, `""` inside quotes, an empty line an empty row. Throws on a
 * line break inside an unquoted field, as Python's reader does.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let fieldLen = 0;
  type State = "startRecord" | "startField" | "inField" | "inQuoted" | "quoteInQuoted" | "eatCrnl";
  let state: State = "startRecord";
  const save = () => {
    fields.push(field);
    field = "";
    fieldLen = 0;
  };
  const add = (c: string) => {
    field += c;
    fieldLen++;
  };
  const EOL = null;
  const feed = (c: string | null) => {
    if (state === "startRecord") {
      if (c === EOL) return;
      if (c === "\n" || c === "\r") {
        state = "eatCrnl";
        return;
      }
      state = "startField";
    }
    switch (state) {
      case "startField":
        if (c === "\n" || c === "\r" || c === EOL) {
          save();
          state = c === EOL ? "startRecord" : "eatCrnl";
        } else if (c === '"') state = "inQuoted";
        else if (c === ",") save();
        else {
          add(c);
          state = "inField";
        }
        return;
      case "inField":
        if (c === "\n" || c === "\r" || c === EOL) {
          save();
          state = c === EOL ? "startRecord" : "eatCrnl";
        } else if (c === ",") {
          save();
          state = "startField";
        } else add(c);
        return;
      case "inQuoted":
        if (c === EOL) return;
        if (c === '"') state = "quoteInQuoted";
        else add(c);
        return;
      case "quoteInQuoted":
        if (c === '"') {
          add(c);
          state = "inQuoted";
        } else if (c === ",") {
          save();
          state = "startField";
        } else if (c === "\n" || c === "\r" || c === EOL) {
          save();
          state = c === EOL ? "startRecord" : "eatCrnl";
        } else {
          add(c);
          state = "inField";
        }
        return;
      case "eatCrnl":
        if (c === "\n" || c === "\r") return;
        if (c === EOL) {
          state = "startRecord";
          return;
        }
        throw new Error("new-line character seen in unquoted field");
    }
  };
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  for (const [i, line] of lines.entries()) {
    for (const c of line) feed(c);
    feed(EOL);
    if (state === "startRecord") {
      rows.push(fields);
      fields = [];
    } else if (i === lines.length - 1 && (fieldLen !== 0 || state === "inQuoted")) {
      // End of input inside a quoted field: Python's non-strict reader keeps what it has.
      save();
      rows.push(fields);
    }
  }
  return rows;
}

function decodeBase64Utf8(value: string): string | undefined {
  if (!BASE64.test(value)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(Buffer.from(value, "base64"));
  } catch {
    return undefined;
  }
}

/** Checks on content that the model types as opaque strings. */
function semanticChecks(model: string, op: string, data: JsonValue, report: Report, file: string): void {
  if (!isJsonObject(data)) return;
  if (model === "iam" && op === "GetCredentialReport" && Object.hasOwn(data, "Content")) {
    const content = data.Content;
    const text = typeof content === "string" ? decodeBase64Utf8(content) : undefined;
    if (text === undefined) {
      report.error(file, "$.Content", "not base64 of UTF-8 text");
      return;
    }
    let rows: string[][];
    try {
      rows = parseCsv(text);
    } catch (e) {
      report.error(file, "$.Content", `not CSV: ${(e as Error).message}`);
      return;
    }
    const header = rows[0];
    if (
      header === undefined ||
      header.length !== CREDENTIAL_REPORT_COLUMNS.length ||
      header.some((h, i) => h !== CREDENTIAL_REPORT_COLUMNS[i])
    ) {
      report.error(file, "$.Content", "CSV header differs from AWS's credential report header");
      return;
    }
    rows.slice(1).forEach((row, index) => {
      const line = index + 2;
      if (row.length !== CREDENTIAL_REPORT_COLUMNS.length) {
        report.error(
          file,
          "$.Content",
          `CSV line ${line} has ${row.length} fields, expected ${CREDENTIAL_REPORT_COLUMNS.length}`,
        );
      }
      CREDENTIAL_REPORT_COLUMNS.forEach((col, i) => {
        const cell = row[i];
        if (cell === undefined || !DATE_COLUMN_SUFFIXES.some((s) => col.endsWith(s))) return;
        if (!NO_DATE.has(cell) && !ISO8601.test(cell)) {
          report.error(file, "$.Content", `CSV line ${line} ${col}: bad date ${JSON.stringify(cell)}`);
        }
      });
    });
    if (
      Object.hasOwn(data, "ReportFormat") &&
      data.ReportFormat !== null &&
      data.ReportFormat !== "text/csv"
    ) {
      report.error(file, "$.ReportFormat", "expected text/csv");
    }
  }
  if (model === "s3" && op === "GetBucketPolicy" && typeof data.Policy === "string") {
    try {
      const doc = parseJson(data.Policy);
      if (!isJsonObject(doc) || !Object.hasOwn(doc, "Statement")) {
        report.error(file, "$.Policy", "policy JSON has no Statement");
      }
    } catch (e) {
      report.error(file, "$.Policy", `policy string is not JSON: ${(e as Error).message}`);
    }
  }
}

function isErrorFile(data: JsonValue): data is { Error: JsonValue } {
  return isJsonObject(data) && Object.keys(data).length === 1 && Object.hasOwn(data, "Error");
}

function checkErrorFile(data: { Error: JsonValue }, report: Report, file: string): void {
  const err = data.Error;
  if (!isJsonObject(err)) {
    report.error(file, "$.Error", "must be an object with Code and Message");
    return;
  }
  for (const key of ["Code", "Message"]) {
    const v = Object.hasOwn(err, key) ? err[key] : undefined;
    if (typeof v !== "string" || v === "") report.error(file, `$.Error.${key}`, "must be a non-empty string");
  }
  for (const key of Object.keys(err)) {
    if (key !== "Code" && key !== "Message")
      report.warn(file, `$.Error.${key}`, "unexpected key in error object");
  }
}

/** A snapshot's files: paths relative to its directory, `/`-separated; `read` gives a file's bytes. */
export interface SnapshotSource {
  readonly dir: string;
  /** Every file (any name), in the order they are reported. */
  readonly paths: readonly string[];
  /** The file's bytes, or an Error saying why it cannot be read. */
  read(path: string): Uint8Array | Error;
}

function decodeJson(bytes: Uint8Array | Error): JsonValue | Error {
  if (bytes instanceof Error) return bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new Error("not UTF-8 text");
  }
  try {
    return parseJson(text);
  } catch (e) {
    return e as Error;
  }
}

function resolveModels(models: string | BotocoreModels | undefined): BotocoreModels {
  if (models !== undefined && typeof models !== "string") return models;
  return loadBotocoreModels(locateBotocoreModels(models));
}

/** Validates a snapshot given as a {@link SnapshotSource}; see the module comment for the checks. */
export function validateSnapshotSource(
  source: SnapshotSource,
  options: ValidateSnapshotOptions = {},
): SnapshotValidation {
  const models = resolveModels(options.models);
  const strictEnums = options.strictEnums ?? false;
  const report = new Report();
  let files = 0;
  let errorFiles = 0;
  let regions: readonly string[] = [];

  const ACCOUNT = "account.json";
  if (!source.paths.includes(ACCOUNT)) {
    report.error(ACCOUNT, undefined, "missing account.json");
  } else {
    const acct = decodeJson(source.read(ACCOUNT));
    if (acct instanceof Error) {
      report.error(ACCOUNT, undefined, `not valid JSON object: ${acct.message}`);
    } else if (!isJsonObject(acct)) {
      report.error(ACCOUNT, undefined, "not valid JSON object: not an object");
    } else {
      for (const key of Object.keys(acct)) {
        if (key !== "accountId" && key !== "regions") report.error(ACCOUNT, `$.${key}`, "unknown key");
      }
      if (typeof acct.accountId !== "string" || !ACCOUNT_ID.test(acct.accountId)) {
        report.error(ACCOUNT, "$.accountId", "must be a 12-digit string");
      }
      const r = acct.regions;
      if (
        Array.isArray(r) &&
        r.length > 0 &&
        r.every((x): x is string => typeof x === "string" && REGION.test(x))
      ) {
        regions = r;
      } else {
        report.error(ACCOUNT, "$.regions", "must be a non-empty list of region names");
      }
    }
  }

  for (const rel of source.paths) {
    if (rel === ACCOUNT) continue;
    const parts = rel.split("/");
    if (!rel.endsWith(".json")) {
      report.error(rel, undefined, "unexpected non-JSON file in snapshot");
      continue;
    }
    if (parts.length !== 3 && parts.length !== 4) {
      report.error(
        rel,
        undefined,
        "path must be <scope>/<cli-service>/<cli-command>.json or <scope>/<cli-service>/<cli-command>/<resource>.json",
      );
      continue;
    }
    const [scope, cliService, third] = parts as [string, string, string];
    const cliCommand = parts.length === 3 ? third.slice(0, -".json".length) : third;
    if (scope !== "global" && !regions.includes(scope)) {
      report.error(rel, undefined, `scope '${scope}' is neither 'global' nor a region in account.json`);
    }
    const modelName = Object.hasOwn(CLI_TO_MODEL, cliService)
      ? (CLI_TO_MODEL[cliService] as string)
      : cliService;
    const model = models.service(modelName);
    if (model === undefined) {
      report.error(
        rel,
        undefined,
        `no botocore model for CLI service '${cliService}' (model '${modelName}')`,
      );
      continue;
    }
    const ops = model.operationsByLowerName.get(cliCommand.replaceAll("-", "").toLowerCase()) ?? [];
    if (ops.length !== 1) {
      report.error(
        rel,
        undefined,
        `CLI command '${cliCommand}' matches ${ops.length} operations of ${modelName} ${model.version}`,
      );
      continue;
    }
    const op = ops[0] as string;
    files++;
    const data = decodeJson(source.read(rel));
    if (data instanceof Error) {
      report.error(rel, undefined, `invalid JSON: ${data.message}`);
      continue;
    }
    if (isErrorFile(data)) {
      errorFiles++;
      checkErrorFile(data, report, rel);
      continue;
    }
    const output = model.operations[op]?.output;
    if (output === undefined) {
      if (!isJsonObject(data) || Object.keys(data).length > 0) {
        report.error(rel, undefined, `${op} has no output; expected {}`);
      }
      continue;
    }
    new ShapeChecker(model, report, rel, strictEnums).check(data, output.shape, "$");
    semanticChecks(modelName, op, data, report, rel);
  }

  const errors = report.issues.filter((i) => i.severity === "error").length;
  return {
    dir: source.dir,
    models: models.source,
    files,
    errorFiles,
    issues: report.issues,
    errors,
    warnings: report.issues.length - errors,
    ok: errors === 0,
  };
}

/**
 * A directory's files in walk order: each directory's files (sorted), then its subdirectories
 * (sorted), depth first. Symbolic links to directories are not followed.
 */
function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    const entries = readdirSync(rel === "" ? root : join(root, rel), { withFileTypes: true });
    const dirs: string[] = [];
    const names: string[] = [];
    for (const e of entries) {
      if (e.isDirectory()) dirs.push(e.name);
      else if (e.isSymbolicLink()) {
        let isDir = false;
        try {
          isDir = statSync(join(root, rel, e.name)).isDirectory();
        } catch {}
        if (!isDir) names.push(e.name);
      } else names.push(e.name);
    }
    for (const name of names.sort()) out.push(rel === "" ? name : `${rel}/${name}`);
    for (const name of dirs.sort()) visit(rel === "" ? name : `${rel}/${name}`);
  };
  visit("");
  return out;
}

/**
 * Validates the snapshot directory `dir` against AWS's API models (see the module comment).
 * Throws `BotocoreModelsNotFoundError` (saying what to run) when the models are missing, and an
 * Error when `dir` is not a directory; problems in the snapshot are returned, not thrown.
 */
export function validateSnapshot(dir: string, options: ValidateSnapshotOptions = {}): SnapshotValidation {
  const models = resolveModels(options.models);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`not a directory: ${dir}`);
  const paths = walk(dir);
  return validateSnapshotSource(
    {
      dir,
      paths,
      read(path) {
        try {
          const full = join(dir, ...path.split("/"));
          if (!statSync(full).isFile()) return new Error("not a regular file");
          return readFileSync(full);
        } catch (e) {
          return e as Error;
        }
      },
    },
    { ...options, models },
  );
}

/** Validates snapshot files held in memory: relative `/`-separated path -> file text. */
export function validateSnapshotFiles(
  files: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
  options: ValidateSnapshotOptions = {},
): SnapshotValidation {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  const encoder = new TextEncoder();
  // The order a directory walk gives: a directory's files (sorted) before its subdirectories (sorted).
  const walkOrder = (a: string, b: string): number => {
    const pa = a.split("/");
    const pb = b.split("/");
    for (let i = 0; ; i++) {
      const sa = pa[i] as string;
      const sb = pb[i] as string;
      const aIsFile = i === pa.length - 1;
      const bIsFile = i === pb.length - 1;
      if (sa === sb && !aIsFile && !bIsFile) continue;
      if (aIsFile !== bIsFile) return aIsFile ? -1 : 1;
      return sa < sb ? -1 : sa > sb ? 1 : 0;
    }
  };
  const paths = [...map.keys()].sort(walkOrder);
  return validateSnapshotSource(
    {
      dir: "(in-memory snapshot)",
      paths,
      read: (path) => encoder.encode(map.get(path) ?? ""),
    },
    options,
  );
}

/**
 * The report as text: one `ERROR <file>: <where>: <message>` (or `WARN  …`, unless `quiet`) line
 * per issue, then `checked <dir>: N files (M AWS-error files exempt)`.
 */
export function formatSnapshotValidation(
  result: SnapshotValidation,
  options: { quiet?: boolean } = {},
): string {
  const lines: string[] = [];
  for (const issue of result.issues) {
    if (issue.severity === "warning" && options.quiet) continue;
    const file = result.dir.startsWith("(") ? issue.file : join(result.dir, issue.file);
    lines.push(`${issue.severity === "error" ? "ERROR" : "WARN "} ${file}: ${issue.where}: ${issue.message}`);
  }
  lines.push(`checked ${result.dir}: ${result.files} files (${result.errorFiles} AWS-error files exempt)`);
  return lines.join("\n");
}
