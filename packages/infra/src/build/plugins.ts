/**
 * esbuild plugins that shrink the Lambda bundles without changing what the code does on Lambda.
 * Each one exists because a measured metafile said so (see the "Bundles" section of the README).
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "esbuild";

/**
 * Packages replaced by a Lambda-only stand-in. `@aws-sdk/credential-provider-node` is the default
 * credential chain; on Lambda it always resolves from the environment. `@smithy/core/event-streams`
 * is the event-stream codec, which no operation our Lambdas send uses (see each shim's comment).
 */
export const LAMBDA_SHIMS: Readonly<Record<string, string>> = {
  "@aws-sdk/credential-provider-node": fileURLToPath(
    new URL("./shims/credential-provider-node.ts", import.meta.url),
  ),
  "@smithy/core/event-streams": fileURLToPath(new URL("./shims/event-streams.ts", import.meta.url)),
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export function lambdaShims(shims: Readonly<Record<string, string>> = LAMBDA_SHIMS): Plugin {
  const names = Object.keys(shims);
  return {
    name: "vigil-lambda-shims",
    setup(build) {
      if (names.length === 0) return;
      const filter = new RegExp(`^(${names.map(escapeRegExp).join("|")})$`);
      build.onResolve({ filter }, (args) => ({ path: shims[args.path] ?? args.path }));
    },
  };
}

/**
 * AWS SDK clients describe every operation of the service as schema arrays in
 * `dist-es/schemas/schemas_0.js`, with traits written as computed keys over module constants
 * (`{ [_hE]: 403 }`, where `const _hE = "httpError"`). esbuild cannot prove a computed key free of
 * side effects unless it is a literal, so it keeps every schema of the service, used or not (S3 alone
 * is ~67 KB). Replacing each such key by the string constant it names is the same object, and lets
 * esbuild drop the schemas of operations the code never sends.
 */
export function sdkSchemaLiteralKeys(): Plugin {
  return sdkSchemas(inlineConstantKeys);
}

/** A rewrite of one client's `schemas_N.js` source; `path` is the file's absolute path. */
export type SchemaRewrite = (source: string, path: string) => string;

const SCHEMA_FILE = /[\\/]@aws-sdk[\\/].*[\\/]dist-es[\\/].*schemas[\\/]schemas_\d+\.js$/;

/** Applies each rewrite in order to every SDK schema module (esbuild loads a file once, by one plugin). */
export function sdkSchemas(...rewrites: readonly SchemaRewrite[]): Plugin {
  return {
    name: "vigil-sdk-schemas",
    setup(build) {
      build.onLoad({ filter: SCHEMA_FILE }, async (args) => ({
        contents: rewrites.reduce(
          (source, rewrite) => rewrite(source, args.path),
          await readFile(args.path, "utf8"),
        ),
        loader: "js",
      }));
    },
  };
}

/** `[_x]:` → `["value"]:` for every top-level `const _x = "value";` of the module. */
export function inlineConstantKeys(source: string): string {
  const constants = new Map<string, string>();
  for (const m of source.matchAll(/^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm)) {
    if (m[1] !== undefined && m[2] !== undefined) constants.set(m[1], m[2]);
  }
  return source.replace(/\[(_\w+)\]:/g, (key, name: string) => {
    const value = constants.get(name);
    return value === undefined ? key : `[${value}]:`;
  });
}

/**
 * `import { z } from "zod"` binds zod's re-exported namespace object, which esbuild must build
 * whole: every locale and the JSON-Schema importer, ~350 KB. `import * as z from "zod"` has the
 * same members and lets esbuild keep only those used. Our code already imports zod that way; some
 * dependencies (Powertools' parser) do not.
 */
export function zodNamespaceImports(
  filter: RegExp = /[\\/]node_modules[\\/]@aws-lambda-powertools[\\/].*\.js$/,
): Plugin {
  return {
    name: "vigil-zod-namespace-imports",
    setup(build) {
      build.onLoad({ filter }, async (args) => ({
        contents: rewriteZodImports(await readFile(args.path, "utf8")),
        loader: "js",
      }));
    },
  };
}

/** Rewrites `import { z } from "zod"` (and `{ z, Other }`) to a namespace import. */
export function rewriteZodImports(source: string): string {
  return source.replace(
    /^import \{([^}]*)\} from (['"])zod\2;?$/gm,
    (line: string, names: string, quote: string) => {
      const specifiers = names
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean);
      if (!specifiers.includes("z")) return line;
      const others = specifiers.filter((n) => n !== "z");
      const zod = `${quote}zod${quote}`;
      return others.length === 0
        ? `import * as z from ${zod};`
        : `import * as z from ${zod}; import { ${others.join(", ")} } from ${zod};`;
    },
  );
}

/**
 * Every SDK client imports its whole `package.json` (~2 KB: scripts, dependencies, typesVersions)
 * to read `version` for the user agent (nothing else is read from it). Only `version` reaches the bundle.
 */
export function sdkPackageVersionOnly(): Plugin {
  return {
    name: "vigil-sdk-package-version-only",
    setup(build) {
      build.onLoad(
        { filter: /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]package\.json$/ },
        async (args) => {
          const { version } = JSON.parse(await readFile(args.path, "utf8")) as { version?: string };
          return { contents: JSON.stringify({ version }), loader: "json" };
        },
      );
    },
  };
}

/**
 * Every modeled error of a service is its own class in `dist-es/models/errors.js` (RDS: 150, ~39 KB
 * minified), and all of them stay in the bundle because each is registered for deserialization.
 * The classes differ only by names and member lists, so each one that matches the generated
 * template exactly is rebuilt by one shared factory: the same class name, `shapeId`, `name`,
 * `$fault`, own members in the same order, prototype chain and `instanceof`; ~70 bytes instead of
 * ~260. A class that does not match the template (e.g. `$retryable`) is left as written.
 */
export function sdkCompactErrorClasses(): Plugin {
  return {
    name: "vigil-sdk-compact-error-classes",
    setup(build) {
      build.onLoad(
        { filter: /[\\/]@aws-sdk[\\/][^\\/]+[\\/]dist-es[\\/]models[\\/]errors\.js$/ },
        async (args) => ({
          contents: compactErrorClasses(await readFile(args.path, "utf8")),
          loader: "js",
        }),
      );
    },
  };
}

const ERROR_FACTORY = "__vigilErrorClass";

/**
 * The shared factory: one class per call, named by NamedEvaluation (`{ [name]: class … }`), with
 * `shapeId` = `namespace#name` (as `static shapeId = …` defines it; older clients declare none).
 * Defaults keep each call short: most errors are client faults without members.
 */
const ERROR_FACTORY_SOURCE = `const ${ERROR_FACTORY} = (Base, namespace, name, fault = "client", members = []) => {
  const E = { [name]: class extends Base {
    name = name;
    $fault = fault;
    constructor(opts) {
      super({ name, $fault: fault, ...opts });
      Object.setPrototypeOf(this, E.prototype);
      for (const m of members) this[m] = opts[m];
    }
  } }[name];
  if (namespace !== undefined) Object.defineProperty(E, "shapeId", { value: \`\${namespace}#\${name}\`, writable: true, enumerable: true, configurable: true });
  return E;
};
`;

const ERROR_CLASS = /^export class (\w+) extends (\w+) \{\n([\s\S]*?)\n\}$/gm;

/** Rewrites each generated error class that matches the template exactly; see `sdkCompactErrorClasses`. */
export function compactErrorClasses(source: string): string {
  const namespaces = new Map<string, string>();
  const out = source.replace(ERROR_CLASS, (whole, name: string, base: string, body: string) => {
    const members = errorClassMembers(name, body);
    if (members === undefined) return whole;
    const shapeId = body.match(/^ {4}static shapeId = "([^"\\]+)";$/m)?.[1];
    const namespace = shapeId?.endsWith(`#${name}`) ? shapeId.slice(0, -name.length - 1) : undefined;
    if (shapeId !== undefined && namespace === undefined) return whole;
    let ns = "undefined";
    if (namespace !== undefined) {
      ns = namespaces.get(namespace) ?? `__vigilNamespace${namespaces.size}`;
      namespaces.set(namespace, ns);
    }
    const fault = body.match(/^ {4}\$fault = "(client|server)";$/m)?.[1] ?? "client";
    const args = [base, ns, JSON.stringify(name)];
    if (fault !== "client" || members.length > 0) args.push(JSON.stringify(fault));
    if (members.length > 0) args.push(JSON.stringify(members));
    return `export const ${name} = /* @__PURE__ */ ${ERROR_FACTORY}(${args.join(", ")});`;
  });
  if (out === source) return source;
  const constants = [...namespaces]
    .map(([value, id]) => `const ${id} = ${JSON.stringify(value)};\n`)
    .join("");
  // After the imports (the base class is imported), before the first class.
  const first = out.search(/^export (?:class|const) \w+ = \/\* @__PURE__ \*\/ __vigilErrorClass\(/m);
  return `${out.slice(0, first)}${ERROR_FACTORY_SOURCE}${constants}${out.slice(first)}`;
}

/** The member names of a class body written exactly as the SDK generator writes it, else undefined. */
function errorClassMembers(name: string, body: string): string[] | undefined {
  const template = new RegExp(
    '^(?: {4}static shapeId = "[^"\\\\]+";\n)?' +
      ` {4}name = "${name}";\n` +
      ' {4}\\$fault = "(client|server)";\n' +
      "((?: {4}\\w+;\\n)*)" +
      " {4}constructor\\(opts\\) \\{\n" +
      " {8}super\\(\\{\n" +
      ` {12}name: "${name}",\n` +
      ' {12}\\$fault: "\\1",\n' +
      " {12}\\.\\.\\.opts,\n" +
      " {8}\\}\\);\n" +
      ` {8}Object\\.setPrototypeOf\\(this, ${name}\\.prototype\\);\n` +
      "((?: {8}this\\.\\w+ = opts\\.\\w+;\\n)*)" +
      " {4}\\}$",
  );
  const m = body.match(template);
  if (!m) return undefined;
  const declared = [...(m[2] ?? "").matchAll(/(\w+);/g)].map((d) => d[1] ?? "");
  const assigned = [...(m[3] ?? "").matchAll(/this\.(\w+) = opts\.(\w+);/g)];
  // Each declared member assigned from the same option, in the same order; nothing else.
  if (assigned.length !== declared.length) return undefined;
  if (assigned.some((a, i) => a[1] !== declared[i] || a[2] !== declared[i])) return undefined;
  return declared;
}

/**
 * Each client registers every modeled error of its service for deserialization
 * (`n0_registry.registerError(NoSuchEntityException$, NoSuchEntityException)`), which keeps all
 * their schemas and classes in the bundle: 732 in the agent's clients, ~120 KB. An error code with
 * no registered class is thrown by `@aws-sdk/core` as the service's base exception, with `name` =
 * the code, `message`, `$fault`, `$metadata` and the response's members (`Code`, `Type`, …) on it;
 * code that tests `name` or `Code` sees the same error, only `instanceof <ModeledError>` cannot
 * hold. So only the errors our code imports by name (`keep`, see `sdkNamesImportedIn`) stay, and
 * those whose class declares `$retryable` (the SDK's retry strategy reads it).
 * Query protocols (IAM, RDS, SNS, …) answer with a code other than the error's name (IAM's
 * `NoSuchEntity` is `NoSuchEntityException`); the base exception registered for the service is
 * wrapped to give such a dropped error the name its class had (see `QUERY_ERROR_NAMES_SOURCE`).
 */
/** The `SchemaRewrite` of `sdkUnreferencedErrors`; reads the client's error modules to find `$retryable`. */
export function unreferencedErrors(keep: ReadonlySet<string>): SchemaRewrite {
  return (source, path) => {
    const retryable = new Set<string>();
    for (const m of source.matchAll(/^import \{[^}]*\} from "(\.\.\/models\/[\w/-]+)";$/gm)) {
      const file = resolve(dirname(path), `${m[1]}.js`);
      for (const c of retryableErrorClasses(readFileSync(file, "utf8"))) retryable.add(c);
    }
    return dropErrorRegistrations(source, (name) => keep.has(name) || retryable.has(name));
  };
}

/** Names of the classes in an SDK `models/errors.js` that declare `$retryable`. */
export function retryableErrorClasses(errorsModule: string): string[] {
  const out: string[] = [];
  for (const m of errorsModule.matchAll(/^export class (\w+) extends \w+ \{\n([\s\S]*?)\n\}$/gm)) {
    if (m[1] !== undefined && /^ {4}\$retryable\b/m.test(m[2] ?? "")) out.push(m[1]);
  }
  return out;
}

const QUERY_ERROR_NAMES = "__vigilQueryErrorNames";

/**
 * The service's base exception, constructed with the modeled name of a dropped query-protocol
 * error instead of its wire code. The generated base class resets the prototype to its own, so
 * what is thrown is a plain base exception, as for any other unmodeled code.
 */
const QUERY_ERROR_NAMES_SOURCE = `
function ${QUERY_ERROR_NAMES}(Base, names) {
  return { [Base.name]: class extends Base {
    constructor(options) {
      super(options !== undefined && Object.hasOwn(names, options.name) ? { ...options, name: names[options.name] } : options);
    }
  } }[Base.name];
}
`;

const BASE_REGISTRATION = /^_s_registry\.registerError\((\w+ServiceException)\$, (\w+ServiceException)\);$/m;

/**
 * Removes `x_registry.registerError(Name$, Name);` for every modeled error not kept. The service's
 * base exception (registered on `_s_registry`) always stays: it is what unregistered codes become.
 */
export function dropErrorRegistrations(source: string, kept: (name: string) => boolean): string {
  const base = source.match(BASE_REGISTRATION);
  // Wire codes of query-protocol errors that differ from the error's name.
  const queryCodes = new Map<string, string>();
  for (const m of source.matchAll(
    /^export var (\w+)\$ = \[-3, \w+, [^,]+,\n? *\{[^}\n]*\[(?:_aQE|"awsQueryError")\]: \[`([^`]+)`/gm,
  )) {
    if (m[1] !== undefined && m[2] !== undefined && m[2] !== m[1]) queryCodes.set(m[1], m[2]);
  }
  const names: Record<string, string> = {};
  const out = source.replace(
    /^(\w+)_registry\.registerError\((\w+)\$, (\w+)\);\n/gm,
    (line, registry: string, schema: string, ctor: string) => {
      if (registry === "_s" || schema !== ctor || kept(ctor)) return line;
      const code = queryCodes.get(ctor);
      if (code !== undefined) {
        // Without a base exception to rename it, the error keeps its class.
        if (!base || Object.hasOwn(names, code)) return line;
        names[code] = ctor;
      }
      return "";
    },
  );
  if (!base || Object.keys(names).length === 0) return out;
  const [line, schema, ctor] = base;
  const wrapped = `_s_registry.registerError(${schema}$, /* @__PURE__ */ ${QUERY_ERROR_NAMES}(${ctor}, ${JSON.stringify(names)}));`;
  return `${out.replace(line, () => wrapped)}${QUERY_ERROR_NAMES_SOURCE}`;
}

/**
 * The names a TypeScript module imports from AWS SDK clients. Not only `…Exception`: S3's and SQS's
 * errors are `NoSuchKey`, `QueueDoesNotExist`; names that are not errors (`S3Client`) keep nothing.
 */
export function sdkNamesImportedBy(source: string): string[] {
  const out = new Set<string>();
  const client = `(['"])@aws-sdk\\/client-[\\w-]+\\2`;
  // `import { A, type B, C as D } from "@aws-sdk/client-x"` and `export { … } from …`.
  for (const m of source.matchAll(
    new RegExp(`(?:import|export)\\s+(?:type\\s+)?\\{([^}]*)\\}\\s*from\\s*${client}`, "g"),
  )) {
    for (const spec of (m[1] ?? "").split(",")) {
      const name =
        spec
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)[0] ?? "";
      if (/^\w+$/.test(name)) out.add(name);
    }
  }
  // `import * as ddb from "@aws-sdk/client-x"`, then `ddb.ConditionalCheckFailedException`.
  for (const m of source.matchAll(new RegExp(`import\\s+\\*\\s+as\\s+(\\w+)\\s+from\\s*${client}`, "g"))) {
    for (const use of source.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, "g"))) {
      if (use[1] !== undefined) out.add(use[1]);
    }
  }
  return [...out];
}

/** `.ts` files under each directory, recursively; `node_modules` excluded. */
export function typeScriptFiles(dirs: readonly string[]): string[] {
  const files: string[] = [];
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = readdirSync(dir, { recursive: true, encoding: "utf8" });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (/\.[cm]?tsx?$/.test(e) && !/(^|[\\/])node_modules[\\/]/.test(e)) files.push(join(dir, e));
    }
  }
  return files.sort();
}

/** Every workspace's `src` under `root` (`packages/<name>/src`). */
export function workspaceSources(root: string): string[] {
  const packages = join(root, "packages");
  let names: string[];
  try {
    names = readdirSync(packages);
  } catch {
    return [];
  }
  return names.map((n) => join(packages, n, "src")).sort();
}

/** The keep-list of `sdkUnreferencedErrors`: what the code in these directories imports from SDK clients. */
export function sdkNamesImportedIn(dirs: readonly string[]): Set<string> {
  const keep = new Set<string>();
  for (const file of typeScriptFiles(dirs)) {
    for (const name of sdkNamesImportedBy(readFileSync(file, "utf8"))) keep.add(name);
  }
  return keep;
}

/**
 * `@smithy/node-http-handler` exports the HTTP/1.1 handler every client uses and the HTTP/2 one
 * only Kinesis's runtime config names. esbuild splits by file: the HTTP/2 handler, reachable from
 * the package's index, lands in the chunk every cold start loads (with `node:http2`) though only
 * the Kinesis chunk uses it. Every importer but Kinesis gets the index without it (same modules,
 * same exports otherwise); Kinesis keeps the real index, so its client is unchanged.
 */
export function http2OnlyWhereUsed(): Plugin {
  const NAMESPACE = "vigil-http1-handler";
  return {
    name: "vigil-http2-only-where-used",
    setup(build) {
      build.onResolve({ filter: /^@smithy\/node-http-handler$/ }, async (args) => {
        if (args.pluginData === NAMESPACE || /[\\/]client-kinesis[\\/]/.test(args.importer)) return undefined;
        const real = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: NAMESPACE,
        });
        if (real.errors.length > 0) return { errors: real.errors };
        return { path: real.path, namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents:
          'export { DEFAULT_REQUEST_TIMEOUT, NodeHttpHandler } from "./node-http-handler.js";\n' +
          'export { streamCollector } from "@smithy/core/serde";\n',
        resolveDir: dirname(args.path),
        loader: "js",
      }));
    },
  };
}

/** This checkout's root (plugins.ts lives in `packages/infra/src/build/`). */
const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface LambdaPluginOptions {
  /**
   * Modeled SDK errors to keep (`sdkUnreferencedErrors`); by default those imported by any
   * workspace's `src` in this checkout.
   */
  readonly keepErrors?: ReadonlySet<string>;
}

export function lambdaPlugins(options: LambdaPluginOptions = {}): Plugin[] {
  const keep = options.keepErrors ?? sdkNamesImportedIn(workspaceSources(REPO_ROOT));
  return [
    lambdaShims(),
    http2OnlyWhereUsed(),
    sdkSchemas(inlineConstantKeys, unreferencedErrors(keep)),
    sdkCompactErrorClasses(),
    zodNamespaceImports(),
    sdkPackageVersionOnly(),
  ];
}
