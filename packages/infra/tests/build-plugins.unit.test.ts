import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build, type Plugin } from "esbuild";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  compactErrorClasses,
  dropErrorRegistrations,
  inlineConstantKeys,
  lambdaPlugins,
  retryableErrorClasses,
  rewriteZodImports,
  sdkNamesImportedBy,
  sdkNamesImportedIn,
  sdkSchemaLiteralKeys,
  workspaceSources,
} from "../src/build/plugins.ts";
import { credentialsTreatedAsExpired, defaultProvider } from "../src/build/shims/credential-provider-node.ts";
import {
  EventStreamNotBundledError,
  EventStreamSerde,
  eventStreamSerdeProvider,
  resolveEventStreamSerdeConfig,
} from "../src/build/shims/event-streams.ts";

const require = createRequire(import.meta.url);
const sdkFile = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

describe("sdkSchemaLiteralKeys", () => {
  it("inlines only keys that name a module string constant", () => {
    const source =
      'const _e = "error";\nconst _n = "a\\"b";\nexport var A$ = [3, { [_e]: 1, [_n]: 2, [_x]: 3 }];\n';
    expect(inlineConstantKeys(source)).toContain('[3, { ["error"]: 1, ["a\\"b"]: 2, [_x]: 3 }]');
  });

  it("lets esbuild drop the schemas of operations nobody uses", async () => {
    const schemas = [
      'const _e = "error";',
      'const _c = "client";',
      "export var Used$ = [3, { [_e]: _c }, () => Shared$];",
      "export var Unused$ = [3, { [_e]: _c }, () => Shared$];",
      "export var Shared$ = [3, {}];",
    ].join("\n");
    const dir = mkdtempSync(join(tmpdir(), "vigil-schemas-"));
    const file = join(dir, "node_modules/@aws-sdk/client-x/dist-es/schemas/schemas_0.js");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, schemas);
    const bundle = async (plugins: Plugin[]) => {
      const result = await build({
        stdin: {
          contents: `import { Used$ } from ${JSON.stringify(file)}; console.log(Used$);`,
          resolveDir: dir,
        },
        bundle: true,
        write: false,
        format: "esm",
        plugins,
        logLevel: "silent",
      });
      return result.outputFiles[0]?.text ?? "";
    };
    // Without the rewrite the computed keys keep every schema alive: the test is about that difference.
    expect(await bundle([])).toContain("Unused$");
    const shaken = await bundle([sdkSchemaLiteralKeys()]);
    expect(shaken).toContain("Used$");
    expect(shaken).toContain("Shared$");
    expect(shaken).not.toContain("Unused$");
    rmSync(dir, { recursive: true, force: true });
  });
});

/** Evaluates an SDK `models/errors.js` with `base` as the service exception; returns its classes. */
function loadErrorClasses(source: string, base: unknown): Record<string, new (opts: object) => Error> {
  const names = [...source.matchAll(/^export (?:class|const) (\w+)/gm)].map((m) => m[1]);
  const body = source.replace(/^import .*$/gm, "").replace(/^export /gm, "");
  return new Function("__BaseException", `${body}\nreturn { ${names.join(", ")} };`)(base);
}

class ServiceException extends Error {
  $fault?: string;
  $metadata?: unknown;
  constructor(options: { name: string; message?: string; $fault: string; $metadata?: unknown }) {
    super(options.message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
  }
}

function describeClass(C: new (opts: object) => Error, opts: object) {
  const e = new C(opts) as Error & Record<string, unknown>;
  return {
    className: C.name,
    shapeId: Object.getOwnPropertyDescriptor(C, "shapeId"),
    base: Object.getPrototypeOf(C) === ServiceException,
    own: Object.getOwnPropertyNames(e)
      .filter((k) => k !== "stack")
      .map((k) => [k, e[k]]),
    instanceOf: e instanceof C && e instanceof ServiceException && e instanceof Error,
    proto: Object.getPrototypeOf(e) === C.prototype,
  };
}

describe("compactErrorClasses", () => {
  const files = [
    sdkFile("@aws-sdk/client-lambda", "dist-es/models/errors.js"),
    sdkFile("@aws-sdk/client-s3", "dist-es/models/errors.js"),
    sdkFile("@aws-sdk/client-cloudformation", "dist-es/models/errors.js"),
  ];

  it.each(files)("gives classes indistinguishable from the generated ones (%s)", (file) => {
    const original = readFileSync(file, "utf8");
    const compact = compactErrorClasses(original);
    expect(compact.length).toBeLessThan(original.length * 0.6);
    const before = loadErrorClasses(original, ServiceException);
    const after = loadErrorClasses(compact, ServiceException);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const opts = { message: "m", $metadata: { httpStatusCode: 400 }, Type: "User", Message: "M", extra: 1 };
    for (const name of Object.keys(before)) {
      const [b, a] = [before[name], after[name]];
      if (!b || !a) throw new Error(`missing ${name}`);
      expect(describeClass(a, opts), name).toEqual(describeClass(b, opts));
      expect(describeClass(a, { message: "only" }), name).toEqual(describeClass(b, { message: "only" }));
    }
  });

  it("handles classes without shapeId and leaves any other shape as written", () => {
    const source = [
      'import { XServiceException as __BaseException } from "./XServiceException";',
      "export class Plain extends __BaseException {",
      '    name = "Plain";',
      '    $fault = "server";',
      "    Message;",
      "    constructor(opts) {",
      "        super({",
      '            name: "Plain",',
      '            $fault: "server",',
      "            ...opts,",
      "        });",
      "        Object.setPrototypeOf(this, Plain.prototype);",
      "        this.Message = opts.Message;",
      "    }",
      "}",
      "export class Retryable extends __BaseException {",
      '    name = "Retryable";',
      '    $fault = "server";',
      "    $retryable = {};",
      "    constructor(opts) {",
      '        super({ name: "Retryable", $fault: "server", ...opts });',
      "        Object.setPrototypeOf(this, Retryable.prototype);",
      "    }",
      "}",
      "",
    ].join("\n");
    const compact = compactErrorClasses(source);
    expect(compact).toContain(
      'export const Plain = /* @__PURE__ */ __vigilErrorClass(__BaseException, undefined, "Plain", "server", ["Message"])',
    );
    expect(compact).toContain("export class Retryable extends __BaseException {");
    const before = loadErrorClasses(source, ServiceException);
    const after = loadErrorClasses(compact, ServiceException);
    for (const name of ["Plain", "Retryable"]) {
      const [b, a] = [before[name], after[name]];
      if (!b || !a) throw new Error(`missing ${name}`);
      expect(describeClass(a, { Message: "x" })).toEqual(describeClass(b, { Message: "x" }));
    }
  });

  it("does not touch a file with no generated classes", () => {
    const source = "export const x = 1;\n";
    expect(compactErrorClasses(source)).toBe(source);
  });
});

describe("rewriteZodImports", () => {
  it("turns the named z import into a namespace import and keeps the other names", () => {
    expect(rewriteZodImports("import { z } from 'zod';\nz.string();")).toBe(
      "import * as z from 'zod';\nz.string();",
    );
    expect(rewriteZodImports('import { ZodError, z } from "zod";')).toBe(
      'import * as z from "zod"; import { ZodError } from "zod";',
    );
    const untouched = "import { ZodError } from 'zod';\nimport { z } from 'zod-other';";
    expect(rewriteZodImports(untouched)).toBe(untouched);
  });
});

describe("credential-provider-node shim", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("resolves the Lambda environment's credentials, once", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret");
    vi.stubEnv("AWS_SESSION_TOKEN", "token");
    const provide = defaultProvider();
    const first = await provide();
    expect(first).toMatchObject({
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret",
      sessionToken: "token",
    });
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDOTHER");
    expect(await provide()).toBe(first);
    expect(await provide({ forceRefresh: true })).toMatchObject({ accessKeyId: "AKIDOTHER" });
  });

  it("fails with the SDK's credentials error when the environment has none", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
    await expect(defaultProvider()()).rejects.toMatchObject({ name: "CredentialsProviderError" });
  });

  it("treats credentials as expired five minutes early, like the real chain", () => {
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);
    expect(credentialsTreatedAsExpired({ expiration: inMinutes(4) })).toBe(true);
    expect(credentialsTreatedAsExpired({ expiration: inMinutes(6) })).toBe(false);
    expect(credentialsTreatedAsExpired({})).toBe(false);
  });
});

describe("event-streams shim", () => {
  it("lets a client build its marshaller, and fails with an actionable error only when a stream is used", () => {
    const config = resolveEventStreamSerdeConfig({ eventStreamSerdeProvider, region: "us-east-1" });
    expect(config.region).toBe("us-east-1");
    const marshaller = config.eventStreamMarshaller as ReturnType<typeof eventStreamSerdeProvider>;
    expect(() => marshaller.serialize()).toThrow(EventStreamNotBundledError);
    expect(() => marshaller.deserialize()).toThrow(/LAMBDA_SHIMS/);
    expect(() => new EventStreamSerde({})).toThrow(EventStreamNotBundledError);
  });

  it("replaces the codec in a bundle whose clients have event-stream operations, and they still send", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vigil-event-streams-"));
    try {
      const entry = join(dir, "entry.mjs");
      writeFileSync(
        entry,
        [
          'import { S3Client, ListBucketsCommand } from "@aws-sdk/client-s3";',
          "export async function run() {",
          '  const s3 = new S3Client({ region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" },',
          '    endpoint: "http://127.0.0.1:9", maxAttempts: 1 });',
          "  return s3.send(new ListBucketsCommand({})).then(() => 'sent', (e) => e.name);",
          "}",
        ].join("\n"),
      );
      const result = await build({
        entryPoints: [entry],
        absWorkingDir: import.meta.dirname,
        nodePaths: [join(dirname(require.resolve("@aws-sdk/client-s3/package.json")), "..", "..")],
        bundle: true,
        format: "esm",
        platform: "node",
        mainFields: ["module", "main"],
        write: false,
        metafile: true,
        plugins: lambdaPlugins(),
        outfile: join(dir, "out.mjs"),
        logLevel: "silent",
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.some((p) => p.includes("shims/event-streams.ts"))).toBe(true);
      expect(inputs.filter((p) => /@smithy[\\/]core[\\/].*event-streams/.test(p))).toEqual([]);
      writeFileSync(join(dir, "out.mjs"), result.outputFiles[0]?.contents ?? new Uint8Array());
      const mod = (await import(join(dir, "out.mjs"))) as { run: () => Promise<string> };
      // Nothing listens on port 9: the request is built, signed and sent, and fails at the socket.
      expect(await mod.run()).not.toBe("EventStreamNotBundledError");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * Real SDK calls answered by canned HTTP responses; each outcome is what Vigil's code can observe
 * of the error. Plain JS, bundled from a temp dir with the agent's clients on `nodePaths`.
 */
const ERRORS_ENTRY = `
import { Readable } from "node:stream";
import { GetUserCommand, IAMClient, IAMServiceException } from "@aws-sdk/client-iam";
import { GetObjectCommand, NoSuchBucket, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import {
  ConditionalCheckFailedException, CreateTableCommand, DynamoDBClient, DynamoDBServiceException, PutItemCommand,
} from "@aws-sdk/client-dynamodb";

const config = (statusCode, headers, body) => ({
  region: "us-east-1",
  maxAttempts: 1,
  credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
  requestHandler: { handle: async () => ({ response: { statusCode, headers, body: Readable.from([Buffer.from(body)]) } }) },
});
const query = (status, code, message) => config(status, { "content-type": "text/xml" },
  "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message +
  "</Message></Error><RequestId>req-1</RequestId></ErrorResponse>");
const json = (status, code, message) => config(status, { "content-type": "application/x-amz-json-1.0" },
  JSON.stringify({ __type: "com.amazonaws.dynamodb.v20120810#" + code, message }));

async function outcome(send, base, modeled) {
  try {
    await send();
    return { error: "none" };
  } catch (e) {
    return {
      name: e.name, message: e.message, fault: e.$fault, status: e.$metadata?.httpStatusCode,
      code: e.Code, className: e.constructor.name, service: e instanceof base,
      modeled: modeled === undefined ? undefined : e instanceof modeled,
    };
  }
}

export async function run() {
  const iam = (c) => new IAMClient(c).send(new GetUserCommand({ UserName: "ghost" }));
  const ddb = (c, Command) => new DynamoDBClient(c).send(new Command({ TableName: "t", Item: {} }));
  return {
    iamQueryCode: await outcome(() => iam(query(404, "NoSuchEntity", "The user with name ghost cannot be found.")), IAMServiceException),
    iamUnmodeled: await outcome(() => iam(query(400, "Throttling", "Rate exceeded")), IAMServiceException),
    s3: await outcome(() => new S3Client(config(404, { "content-type": "application/xml" },
      "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>"))
      .send(new GetObjectCommand({ Bucket: "gone", Key: "k" })), S3ServiceException, NoSuchBucket),
    conditional: await outcome(() => ddb(json(400, "ConditionalCheckFailedException", "The conditional request failed"), PutItemCommand),
      DynamoDBServiceException, ConditionalCheckFailedException),
    inUse: await outcome(() => ddb(json(400, "ResourceInUseException", "Table already exists: t"), CreateTableCommand),
      DynamoDBServiceException),
  };
}
`;

type Outcome = Record<string, unknown>;

async function runErrorsEntry(
  plugins: Plugin[],
): Promise<{ outcomes: Record<string, Outcome>; code: string }> {
  const dir = mkdtempSync(join(tmpdir(), "vigil-sdk-errors-"));
  try {
    writeFileSync(join(dir, "entry.mjs"), ERRORS_ENTRY);
    const root = join(import.meta.dirname, "../../..");
    const result = await build({
      entryPoints: [join(dir, "entry.mjs")],
      nodePaths: [join(root, "packages/agent/node_modules")],
      bundle: true,
      format: "esm",
      platform: "node",
      mainFields: ["module", "main"],
      write: false,
      plugins,
      outfile: join(dir, "out.mjs"),
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    writeFileSync(join(dir, "out.mjs"), code);
    const mod = (await import(join(dir, "out.mjs"))) as { run: () => Promise<Record<string, Outcome>> };
    return { outcomes: await mod.run(), code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("sdkUnreferencedErrors", () => {
  const keep = new Set(["ConditionalCheckFailedException"]);
  // The same code bundled with no plugin at all is the SDK as written.
  const asWritten = runErrorsEntry([]);
  const shrunk = runErrorsEntry(lambdaPlugins({ keepErrors: keep }));
  const observable = ({ className: _c, modeled: _m, ...rest }: Outcome) => rest;

  it("throws a dropped error as the service's base exception that tests by name, Code, $fault, status and message alike", async () => {
    const [before, after] = [(await asWritten).outcomes, (await shrunk).outcomes];
    for (const call of ["iamQueryCode", "iamUnmodeled", "s3", "inUse"]) {
      expect(observable(after[call] ?? {}), call).toEqual(observable(before[call] ?? {}));
    }
    // The classes are gone: what is thrown is the base exception, named as before.
    expect(before.s3).toMatchObject({ className: expect.stringMatching(/NoSuchBucket$/), modeled: true });
    expect(after.s3).toMatchObject({
      className: expect.stringMatching(/S3ServiceException$/),
      modeled: false,
      name: "NoSuchBucket",
      message: "The specified bucket does not exist",
      fault: "client",
      status: 404,
      service: true,
    });
    expect(before.iamQueryCode?.className).toMatch(/NoSuchEntityException$/);
    // A query protocol's wire code (`NoSuchEntity`) keeps the modeled name; `Code` stays the wire code.
    expect(after.iamQueryCode).toMatchObject({
      className: expect.stringMatching(/IAMServiceException$/),
      name: "NoSuchEntityException",
      code: "NoSuchEntity",
      message: "The user with name ghost cannot be found.",
      fault: "client",
      status: 404,
    });
    expect(after.iamUnmodeled).toMatchObject({ name: "Throttling", code: "Throttling", status: 400 });
    expect(after.inUse).toMatchObject({
      className: expect.stringMatching(/DynamoDBServiceException$/),
      name: "ResourceInUseException",
    });
  }, 60_000);

  it("keeps the class of an error our code imports: instanceof still holds", async () => {
    const { outcomes, code } = await shrunk;
    expect(outcomes.conditional).toMatchObject({
      className: expect.stringMatching(/ConditionalCheckFailedException$/),
      modeled: true,
      name: "ConditionalCheckFailedException",
      message: "The conditional request failed",
      status: 400,
    });
    expect(observable(outcomes.conditional ?? {})).toEqual(
      observable((await asWritten).outcomes.conditional ?? {}),
    );
    // Schemas (unminified names) of a kept error and of a dropped one.
    expect(code).toContain("ConditionalCheckFailedException$");
    expect(code).not.toContain("EntityAlreadyExistsException$");
  }, 60_000);

  it("a modeled error not kept is no longer its class (the keep-list is what holds instanceof)", async () => {
    const { outcomes } = await runErrorsEntry(lambdaPlugins({ keepErrors: new Set() }));
    expect(outcomes.conditional).toMatchObject({
      className: expect.stringMatching(/DynamoDBServiceException$/),
      modeled: false,
      name: "ConditionalCheckFailedException",
    });
  }, 60_000);

  it("keeps what Vigil's code imports from the clients, however it imports it", () => {
    const keep = sdkNamesImportedIn(workspaceSources(join(import.meta.dirname, "../../..")));
    expect(keep.has("ConditionalCheckFailedException")).toBe(true);
    expect(keep.has("NoSuchEntityException")).toBe(false);
    expect(
      sdkNamesImportedBy(
        [
          'import { A, type BError, CFault as D, Client } from "@aws-sdk/client-x";',
          "import {\n  EException,\n} from '@aws-sdk/client-y-z';",
          'import { NotSdkException } from "./local.ts";',
          'import * as ddb from "@aws-sdk/client-dynamodb";',
          "if (e instanceof ddb.TableNotFoundException) ddb.DynamoDBClient;",
          'export { ReExportedError } from "@aws-sdk/client-s3";',
        ].join("\n"),
      ).sort(),
    ).toEqual([
      "A",
      "BError",
      "CFault",
      "Client",
      "DynamoDBClient",
      "EException",
      "ReExportedError",
      "TableNotFoundException",
    ]);
  });

  it("leaves the base exception, kept and $retryable errors registered", () => {
    const source = [
      'const _aQE = "awsQueryError";',
      "_s_registry.registerError(XServiceException$, XServiceException);",
      "export var Gone$ = [-3, n0, _G, { [_e]: _c }, [], []];",
      "n0_registry.registerError(Gone$, Gone);",
      "export var Kept$ = [-3, n0, _K, { [_e]: _c }, [], []];",
      "n0_registry.registerError(Kept$, Kept);",
      "export var Renamed$ = [-3, n0, _R,",
      "    { [_aQE]: [`RenamedCode`, 404], [_e]: _c },",
      "    [], []];",
      "n0_registry.registerError(Renamed$, Renamed);",
      "",
    ].join("\n");
    const out = dropErrorRegistrations(source, (n) => n === "Kept");
    expect(out).not.toContain("registerError(Gone$");
    expect(out).not.toContain("registerError(Renamed$");
    expect(out).toContain("n0_registry.registerError(Kept$, Kept);");
    expect(out).toContain(
      '_s_registry.registerError(XServiceException$, /* @__PURE__ */ __vigilQueryErrorNames(XServiceException, {"RenamedCode":"Renamed"}));',
    );
    // No base exception to rename it: a renamed error keeps its class.
    const noBase = dropErrorRegistrations(source.replace(/^_s_registry.*\n/m, ""), () => false);
    expect(noBase).toContain("n0_registry.registerError(Renamed$, Renamed);");
    expect(noBase).not.toContain("registerError(Gone$");

    const ddbErrors = readFileSync(sdkFile("@aws-sdk/client-s3", "dist-es/models/errors.js"), "utf8");
    expect(retryableErrorClasses(ddbErrors)).toEqual([]);
    expect(
      retryableErrorClasses(
        'export class R extends B {\n    name = "R";\n    $retryable = {};\n}\nexport class N extends B {\n    name = "N";\n}\n',
      ),
    ).toEqual(["R"]);
  });
});
