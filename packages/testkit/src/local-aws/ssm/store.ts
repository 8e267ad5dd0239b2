import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * The state and rules of the SSM Parameter Store stand-in, free of HTTP. Each operation takes and
 * returns the shapes of the AWS API (`PutParameterRequest` → `PutParameterResult`, …) so the HTTP
 * layer only has to route and serialize. Rule violations throw {@link SsmError} with AWS's error
 * code, which the HTTP layer turns into AWS's JSON error shape.
 */

export type ParameterType = "String" | "StringList" | "SecureString";

export interface Parameter {
  Name: string;
  Type: ParameterType;
  Value: string;
  Version: number;
  LastModifiedDate: Date;
  ARN: string;
  DataType: "text";
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface PutParameterInput {
  Name: string;
  Value: string;
  Type?: ParameterType;
  Overwrite?: boolean;
  KeyId?: string;
  Description?: string;
  Tags?: Tag[];
}

export interface GetParametersByPathInput {
  Path: string;
  Recursive?: boolean;
  WithDecryption?: boolean;
  MaxResults?: number;
  NextToken?: string;
}

/** An error AWS would return: `type` is the `__type` the SDK maps to its exception class. */
export class SsmError extends Error {
  constructor(
    readonly type:
      | "ParameterNotFound"
      | "ParameterAlreadyExists"
      | "ValidationException"
      | "InvalidNextToken"
      | "UnsupportedOperationException",
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** Port for the KMS side of SecureString: the store only ever keeps ciphertext. */
export interface SecureStringCipher {
  encrypt(keyId: string, plaintext: string): string;
  decrypt(keyId: string, ciphertext: string): string;
}

/** AES-256-GCM with a key that lives only as long as the process, so ciphertext is opaque like AWS's. */
export function ephemeralCipher(): SecureStringCipher {
  const key = randomBytes(32);
  return {
    encrypt(keyId, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(keyId));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    },
    decrypt(keyId, ciphertext) {
      const blob = Buffer.from(ciphertext, "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(0, 12));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

export interface ParameterStoreOptions {
  region?: string;
  accountId?: string;
  cipher?: SecureStringCipher;
  now?: () => Date;
}

interface StoredParameter {
  name: string;
  type: ParameterType;
  /** Ciphertext when `type` is SecureString. */
  value: string;
  keyId: string | undefined;
  version: number;
  lastModified: Date;
  description: string | undefined;
  tags: Tag[];
}

const DEFAULT_KEY_ID = "alias/aws/ssm";
const MAX_VALUE_LENGTH = 4096; // Standard tier
const MAX_NAME_LENGTH = 2048;
const MAX_DEPTH = 15;
const NAME_PATTERN = /^[a-zA-Z0-9_.\-/]+$/;
const TYPES: readonly ParameterType[] = ["String", "StringList", "SecureString"];

export class ParameterStore {
  readonly #parameters = new Map<string, StoredParameter>();
  readonly #region: string;
  readonly #accountId: string;
  readonly #cipher: SecureStringCipher;
  readonly #now: () => Date;

  constructor(options: ParameterStoreOptions = {}) {
    this.#region = options.region ?? "us-east-1";
    this.#accountId = options.accountId ?? "000000000000";
    this.#cipher = options.cipher ?? ephemeralCipher();
    this.#now = options.now ?? (() => new Date());
  }

  putParameter(input: PutParameterInput): { Version: number; Tier: "Standard" } {
    validateName(input.Name);
    if (input.Value.length === 0 || input.Value.length > MAX_VALUE_LENGTH) {
      throw new SsmError(
        "ValidationException",
        `Parameter value must be 1 to ${MAX_VALUE_LENGTH} characters long (standard tier); got ${input.Value.length}.`,
      );
    }
    if (input.Type !== undefined && !TYPES.includes(input.Type)) {
      throw new SsmError(
        "ValidationException",
        `Type must be one of ${TYPES.join(", ")}; got "${input.Type}".`,
      );
    }
    const existing = this.#parameters.get(input.Name);
    if (existing && !input.Overwrite) {
      throw new SsmError(
        "ParameterAlreadyExists",
        `The parameter ${input.Name} already exists. Pass Overwrite: true to replace its value.`,
      );
    }
    if (existing && input.Tags?.length) {
      throw new SsmError(
        "ValidationException",
        "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
      );
    }
    const type = input.Type ?? existing?.type ?? "String";
    if (input.KeyId !== undefined && type !== "SecureString") {
      throw new SsmError("ValidationException", "KeyId is required for SecureString type parameter only.");
    }
    const keyId = type === "SecureString" ? (input.KeyId ?? existing?.keyId ?? DEFAULT_KEY_ID) : undefined;
    const stored: StoredParameter = {
      name: input.Name,
      type,
      value: keyId === undefined ? input.Value : this.#cipher.encrypt(keyId, input.Value),
      keyId,
      version: (existing?.version ?? 0) + 1,
      lastModified: this.#now(),
      description: input.Description ?? existing?.description,
      tags: existing?.tags ?? input.Tags ?? [],
    };
    this.#parameters.set(input.Name, stored);
    return { Version: stored.version, Tier: "Standard" };
  }

  getParameter(input: { Name: string; WithDecryption?: boolean }): { Parameter: Parameter } {
    const stored = this.#parameters.get(input.Name);
    if (!stored) throw notFound(input.Name);
    return { Parameter: this.#view(stored, input.WithDecryption ?? false) };
  }

  getParameters(input: { Names: string[]; WithDecryption?: boolean }): {
    Parameters: Parameter[];
    InvalidParameters: string[];
  } {
    requireBatch("Names", input.Names);
    const Parameters: Parameter[] = [];
    const InvalidParameters: string[] = [];
    for (const name of new Set(input.Names)) {
      const stored = this.#parameters.get(name);
      if (stored) Parameters.push(this.#view(stored, input.WithDecryption ?? false));
      else InvalidParameters.push(name);
    }
    return { Parameters, InvalidParameters };
  }

  getParametersByPath(input: GetParametersByPathInput): { Parameters: Parameter[]; NextToken?: string } {
    const path = validatePath(input.Path);
    const maxResults = input.MaxResults ?? 10;
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 10) {
      throw new SsmError(
        "ValidationException",
        `MaxResults must be an integer from 1 to 10; got ${maxResults}.`,
      );
    }
    const matching = [...this.#parameters.values()]
      .filter((p) => isUnderPath(p.name, path, input.Recursive ?? false))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // The token names the last parameter returned, so deletes between pages skip nothing.
    const after = input.NextToken === undefined ? undefined : decodeToken(input.NextToken, path);
    const rest = after === undefined ? matching : matching.filter((p) => p.name > after);
    const page = rest.slice(0, maxResults);
    const last = page.at(-1);
    return {
      Parameters: page.map((p) => this.#view(p, input.WithDecryption ?? false)),
      ...(last && rest.length > page.length ? { NextToken: encodeToken(last.name, path) } : {}),
    };
  }

  deleteParameter(input: { Name: string }): Record<string, never> {
    if (!this.#parameters.delete(input.Name)) throw notFound(input.Name);
    return {};
  }

  deleteParameters(input: { Names: string[] }): { DeletedParameters: string[]; InvalidParameters: string[] } {
    requireBatch("Names", input.Names);
    const DeletedParameters: string[] = [];
    const InvalidParameters: string[] = [];
    for (const name of new Set(input.Names)) {
      (this.#parameters.delete(name) ? DeletedParameters : InvalidParameters).push(name);
    }
    return { DeletedParameters, InvalidParameters };
  }

  #view(stored: StoredParameter, withDecryption: boolean): Parameter {
    const decrypt = withDecryption && stored.keyId !== undefined;
    return {
      Name: stored.name,
      Type: stored.type,
      Value: decrypt ? this.#cipher.decrypt(stored.keyId as string, stored.value) : stored.value,
      Version: stored.version,
      LastModifiedDate: stored.lastModified,
      ARN: `arn:aws:ssm:${this.#region}:${this.#accountId}:parameter${stored.name.startsWith("/") ? "" : "/"}${stored.name}`,
      DataType: "text",
    };
  }
}

function notFound(name: string): SsmError {
  return new SsmError("ParameterNotFound", `Parameter ${name} not found.`);
}

function requireBatch(field: string, names: string[]): void {
  if (names.length < 1 || names.length > 10) {
    throw new SsmError(
      "ValidationException",
      `${field} must hold 1 to 10 parameter names; got ${names.length}.`,
    );
  }
}

function validateName(name: string): void {
  const problem =
    name.length === 0 || name.length > MAX_NAME_LENGTH
      ? `must be 1 to ${MAX_NAME_LENGTH} characters long`
      : !NAME_PATTERN.test(name)
        ? "may contain only letters, digits and the symbols . - _ /"
        : name.includes("/") && !name.startsWith("/")
          ? 'must be fully qualified (start with "/") when it contains "/"'
          : name.split("/").length - 1 > MAX_DEPTH
            ? `may have at most ${MAX_DEPTH} levels`
            : /^\/?(aws|ssm)/i.test(name)
              ? 'must not begin with "aws" or "ssm" (reserved)'
              : undefined;
  if (problem) throw new SsmError("ValidationException", `Parameter name "${name}" ${problem}.`);
}

/** Returns the path with exactly one trailing "/", ready for prefix matching. */
function validatePath(path: string): string {
  if (!path.startsWith("/") || !NAME_PATTERN.test(path) || path.includes("//")) {
    throw new SsmError(
      "ValidationException",
      `Path "${path}" is not valid: it must start with "/" and contain only letters, digits and . - _ /.`,
    );
  }
  return path.endsWith("/") ? path : `${path}/`;
}

function isUnderPath(name: string, path: string, recursive: boolean): boolean {
  // A name without a leading "/" sits at the root, as in AWS.
  const qualified = name.startsWith("/") ? name : `/${name}`;
  if (!qualified.startsWith(path)) return false;
  return recursive || !qualified.slice(path.length).includes("/");
}

function encodeToken(after: string, path: string): string {
  return Buffer.from(JSON.stringify({ after, path })).toString("base64url");
}

function decodeToken(token: string, path: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown;
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "after" in parsed &&
      "path" in parsed &&
      typeof parsed.after === "string" &&
      parsed.path === path
    ) {
      return parsed.after;
    }
  } catch {
    // fall through to the error below
  }
  throw new SsmError(
    "InvalidNextToken",
    "The NextToken is not valid for this request: pass the token from the previous page of the same Path.",
  );
}
