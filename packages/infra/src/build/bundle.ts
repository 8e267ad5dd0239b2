/**
 * esbuild bundles for the Lambdas: one ESM file per function with the AWS SDK inside (the runtime's
 * copy drifts and costs a cold-start lookup), minified, tree-shaken, with a linked source map.
 * `lambdaPlugins()` (plugins.ts) removes what Lambda never runs; budgets and breakdown: budget.ts.
 */
import { existsSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { build, type Metafile, type OutputFile } from "esbuild";
import { lambdaPlugins, sdkNamesImportedIn, workspaceSources } from "./plugins.ts";

/** ESM bundles have no `require`; some bundled CommonJS dependencies still call it. */
export const CREATE_REQUIRE_BANNER =
  'import { createRequire as __vigilCreateRequire } from "node:module"; const require = __vigilCreateRequire(import.meta.url);';

export interface LambdaEntry {
  /** Function name: `agent`, `updater`. */
  readonly name: string;
  /** Path of the entry file, relative to `root` (or absolute); it must export `handler`. */
  readonly entry: string;
}

/** The real entries, written by the agent and updater packages. */
export const LAMBDA_ENTRIES: readonly LambdaEntry[] = [
  { name: "agent", entry: "packages/agent/src/handlers/lambda.ts" },
  { name: "updater", entry: "packages/updater/src/handlers/lambda.ts" },
  // The platform's API and ingest handlers (`handler`, `ingestHandler`): its own stack, not the agent's.
  { name: "platform", entry: "packages/platform/src/handlers/lambda.ts" },
  // Not a Lambda: the EBS scanner program (`node index.mjs`), fetched and verified by the scanner
  // instances' bootstrap against the hash the release writes into their launch template.
  { name: "scanner", entry: "packages/agent/src/ebs/scanner/main.ts" },
];

export interface BundledFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export interface LambdaBundle {
  readonly name: string;
  readonly files: readonly BundledFile[];
  /**
   * Bytes of code a cold start loads: `index.mjs` and the chunks it imports statically. The chunks
   * loaded later by `import()` (the agent's service groups) are in `lazyChunks`.
   */
  readonly codeBytes: number;
  /** Every `.mjs` file of the bundle. */
  readonly totalCodeBytes: number;
  /**
   * Per module loaded with `import()` (its source path): its chunk, the chunk files it adds to what
   * a cold start loaded, and their bytes.
   */
  readonly lazyChunks: readonly { module: string; file: string; files: readonly string[]; bytes: number }[];
  /** esbuild's metafile (what each input contributes), when asked for with `{ metafile: true }`. */
  readonly metafile?: Metafile;
}

export interface BundleOptions {
  /** Keep esbuild's metafile for `analyzeMetafile` / `bundleBreakdown` (the bench's `--analyze`). */
  readonly metafile?: boolean;
  /**
   * The release this code ships in: replaces `process.env.VIGIL_RELEASE_VERSION` at build time, so
   * a function can tell which version it is (the updater's health check answers with it).
   */
  readonly releaseVersion?: string;
}

export class MissingEntryError extends Error {
  override readonly name = "MissingEntryError";
  constructor(
    readonly entry: LambdaEntry,
    readonly path: string,
  ) {
    super(
      `cannot bundle the ${entry.name} Lambda: its entry ${path} does not exist. ` +
        `The ${entry.name} package must provide it, exporting \`handler\`; build only the functions that exist with \`--only\`.`,
    );
  }
}

/**
 * esbuild minifies each module on its own, so the bundle keeps one `var` statement per surviving
 * top-level declaration of every module (~3,900 of them: mostly the SDK's schema constants). A
 * second minify of each output file joins them, ~13 KB; it reads the first source map, so the final
 * map still points into the original sources. The metafile stays the first build's.
 */
async function minifyAcrossModules(outputs: readonly OutputFile[]): Promise<OutputFile[]> {
  const again = await Promise.all(
    outputs
      .filter((f) => f.path.endsWith(".mjs"))
      .map(async (code) => {
        const map = outputs.find((f) => f.path === `${code.path}.map`);
        // The banner goes back verbatim (its `require` must keep its name); its line stays, empty, so the
        // first map's line numbers still hold.
        if (!map || !code.text.startsWith(CREATE_REQUIRE_BANNER)) return [code, ...(map ? [map] : [])];
        const body = code.text
          .slice(CREATE_REQUIRE_BANNER.length)
          .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
        const inlineMap = `//# sourceMappingURL=data:application/json;base64,${Buffer.from(map.contents).toString("base64")}`;
        const result = await build({
          stdin: {
            contents: `${body}${inlineMap}\n`,
            sourcefile: basename(code.path),
            resolveDir: dirname(code.path),
            loader: "js",
          },
          outfile: code.path,
          write: false,
          bundle: false,
          format: "esm",
          platform: "node",
          target: "node22",
          minify: true,
          sourcemap: "linked",
          sourcesContent: false,
          legalComments: "none",
          banner: { js: CREATE_REQUIRE_BANNER },
          logLevel: "silent",
        });
        return result.outputFiles;
      }),
  );
  return again.flat();
}

/**
 * A workspace module reached through `require()` is bundled inside esbuild's lazy `__esm` wrapper,
 * and so is everything it imports: their module-level constants then exist only after the wrapper
 * has run, and code reached first through a static import reads them undefined (the agent's
 * registration once failed that way on Lambda). `import()` is fine: the bundle is split, so a
 * dynamically imported module is its own ES module chunk, evaluated as Node evaluates any module.
 */
export class LazyWorkspaceImportError extends Error {
  override readonly name = "LazyWorkspaceImportError";
  constructor(
    readonly entry: LambdaEntry,
    readonly imports: readonly { importer: string; path: string; kind: string }[],
  ) {
    super(
      `cannot bundle the ${entry.name} Lambda: ${imports
        .map((i) => `${i.importer} loads ${i.path} with ${i.kind}`)
        .join("; ")}. esbuild wraps such modules in lazy initialisers, so their constants are undefined ` +
        "when reached first through a static import. Import them statically.",
    );
  }
}

/** Workspace sources (not dependencies) that load a module lazily, from esbuild's metafile. */
export function lazyWorkspaceImports(metafile: Metafile): { importer: string; path: string; kind: string }[] {
  const found: { importer: string; path: string; kind: string }[] = [];
  for (const [importer, input] of Object.entries(metafile.inputs)) {
    if (!importer.startsWith("packages/")) continue;
    for (const i of input.imports) {
      if (i.external) continue;
      if (i.kind === "require-call" || i.kind === "require-resolve")
        found.push({ importer, path: i.path, kind: i.kind });
    }
  }
  return found;
}

export async function bundleLambda(
  entry: LambdaEntry,
  root: string,
  options: BundleOptions = {},
): Promise<LambdaBundle> {
  const path = isAbsolute(entry.entry) ? entry.entry : join(root, entry.entry);
  if (!existsSync(path)) throw new MissingEntryError(entry, relative(root, path) || path);
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: path },
    // A stable virtual location: source map paths are relative to it, so they match on every machine.
    outdir: join(root, "dist", "lambda", entry.name),
    outExtension: { ".js": ".mjs" },
    // One chunk per dynamically imported module (the agent's service groups with their SDK
    // clients) and per module they share: a cold start loads `index.mjs` and what it imports only.
    splitting: true,
    chunkNames: "[name]-[hash]",
    write: false,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node22",
    minify: true,
    sourcemap: "linked",
    sourcesContent: false,
    legalComments: "none",
    treeShaking: true,
    // ESM builds (`dist-es`) first: only those can be tree-shaken.
    mainFields: ["module", "main"],
    banner: { js: CREATE_REQUIRE_BANNER },
    // Modeled SDK errors stay only if our code (or the entry's own directory) imports them by name.
    plugins: lambdaPlugins({
      keepErrors: sdkNamesImportedIn([...workspaceSources(root), dirname(path)]),
    }),
    ...(options.releaseVersion !== undefined
      ? { define: { "process.env.VIGIL_RELEASE_VERSION": JSON.stringify(options.releaseVersion) } }
      : {}),
    metafile: true,
    logLevel: "silent",
  });
  const lazy = lazyWorkspaceImports(result.metafile);
  if (lazy.length > 0) throw new LazyWorkspaceImportError(entry, lazy);
  const outDir = join(root, "dist", "lambda", entry.name);
  const files = (await minifyAcrossModules(result.outputFiles))
    .map((f) => ({ name: relative(outDir, f.path), data: f.contents }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  if (!files.some((f) => f.name === "index.mjs"))
    throw new Error(`esbuild produced no index.mjs for ${entry.name}`);
  const sizes = new Map(files.filter((f) => f.name.endsWith(".mjs")).map((f) => [f.name, f.data.length]));
  const graph = chunkGraph(result.metafile, relative(root, outDir));
  const bytesOf = (names: Iterable<string>) => [...names].reduce((n, f) => n + (sizes.get(f) ?? 0), 0);
  const cold = graph.closure("index.mjs");
  const lazyChunks = graph.lazyEntries.map(({ module, file }) => {
    const added = [...graph.closure(file)].filter((f) => !cold.has(f)).sort();
    return { module, file, files: added, bytes: bytesOf(added) };
  });
  return {
    name: entry.name,
    files,
    codeBytes: bytesOf(cold),
    totalCodeBytes: bytesOf(sizes.keys()),
    lazyChunks,
    ...(options.metafile ? { metafile: result.metafile } : {}),
  };
}

/**
 * The bundle's output files and their static imports, from esbuild's metafile: which files a file
 * loads with it, and which files are the targets of `import()` (with the source module behind each).
 */
export function chunkGraph(
  metafile: Metafile,
  outDir: string,
): { closure(file: string): Set<string>; lazyEntries: { module: string; file: string }[] } {
  const prefix = `${outDir}/`;
  const name = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const statics = new Map<string, string[]>();
  const lazyTargets = new Set<string>();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!path.endsWith(".mjs")) continue;
    statics.set(
      name(path),
      output.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => name(i.path)),
    );
    for (const i of output.imports)
      if (i.kind === "dynamic-import" && !i.external) lazyTargets.add(name(i.path));
  }
  const lazyEntries = Object.entries(metafile.outputs)
    .filter(([path, o]) => lazyTargets.has(name(path)) && o.entryPoint !== undefined)
    .map(([path, o]) => ({ module: o.entryPoint as string, file: name(path) }))
    .sort((a, b) => (a.module < b.module ? -1 : 1));
  return {
    closure(file) {
      const seen = new Set<string>();
      const visit = (f: string) => {
        if (seen.has(f)) return;
        seen.add(f);
        for (const next of statics.get(f) ?? []) visit(next);
      };
      visit(file);
      return seen;
    },
    lazyEntries,
  };
}
