/**
 * esbuild plugins that shrink the Lambda bundles without changing what the code does on Lambda.
 * Each one exists because a measured metafile said so (see the "Bundles" section of the README).
 */
import { readFile } from "node:fs/promises";
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
  return {
    name: "vigil-sdk-schema-literal-keys",
    setup(build) {
      build.onLoad(
        { filter: /[\\/]@aws-sdk[\\/].*[\\/]dist-es[\\/].*schemas[\\/]schemas_\d+\.js$/ },
        async (args) => ({
          contents: inlineConstantKeys(await readFile(args.path, "utf8")),
          loader: "js",
        }),
      );
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

export function lambdaPlugins(): Plugin[] {
  return [
    lambdaShims(),
    sdkSchemaLiteralKeys(),
    sdkCompactErrorClasses(),
    zodNamespaceImports(),
    sdkPackageVersionOnly(),
  ];
}
