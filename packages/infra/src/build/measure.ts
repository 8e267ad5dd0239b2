/**
 * Bundle bench: size of each Lambda bundle and its cold import time, against the budgets
 * (agent ≤ 800 KB, updater ≤ 300 KB, cold import ≤ 150 ms; KB = 1024 bytes). Measures whatever
 * entries exist: an entry whose file is not written yet is reported as "missing".
 *
 *   npx tsx packages/infra/bench/bundles.ts [--fixture] [--analyze] [--runs 9] [--only agent,updater]
 *   pnpm vigil bench scan   (the agent's, with the evaluator's throughput)
 *
 * `--analyze` prints, per bundle, the bytes each package contributes to its cold start (`index.mjs`
 * and the chunks it imports statically; esbuild's metafile).
 * Size: what a cold start loads (`index.mjs` and the chunks it imports statically) against the
 * budget; all the code, and the largest group of chunks a shard loads later with `import()`.
 * Cold import: each run is a fresh Node 22 `node --enable-source-maps` importing `index.mjs` and
 * then every lazy chunk (more than any one shard loads); wall clock and CPU time are both
 * reported, and the import verdict uses the lower median (see `coldImportCpuMs`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BUNDLE_BUDGETS, type BundleShare, bundleBreakdown, COLD_IMPORT_BUDGET_MS } from "./budget.ts";
import { bundleLambda, LAMBDA_ENTRIES, type LambdaEntry } from "./bundle.ts";
import { createZip } from "./zip.ts";

export interface BundleMeasurement {
  readonly name: string;
  readonly entry: string;
  readonly status: "measured" | "missing";
  /** What a cold start loads: index.mjs and the chunks it imports statically. */
  readonly codeBytes?: number;
  /** Every .mjs file of the bundle. */
  readonly totalCodeBytes?: number;
  /** The largest group of chunks a shard loads with import() after the cold start (timed with it). */
  readonly largestChunk?: { module: string; bytes: number };
  /**
   * What the import time covers: the agent's is the handler plus the chunks of its largest shard
   * (the modules that shard loads with `import()`); other bundles' is the handler and every chunk.
   */
  readonly importScope?: string;
  /** The agent: median wall clock of the handler plus every chunk of every shard (an upper bound). */
  readonly everyChunkImportMs?: number;
  readonly zipBytes?: number;
  readonly budgetBytes?: number;
  /** Median wall clock of fresh-process imports (each run is a new `node`, nothing cached). */
  readonly coldImportMs?: number;
  /** Fastest wall-clock run. */
  readonly coldImportMinMs?: number;
  /**
   * Median CPU time of the same imports. On a shared machine wall clock mostly measures the other
   * processes; CPU time is what the import itself costs, so the verdict uses the lower of the two.
   */
  readonly coldImportCpuMs?: number;
  readonly sizeWithinBudget?: boolean;
  readonly importWithinBudget?: boolean;
  readonly breakdown?: readonly BundleShare[];
}

export interface ImportTimes {
  /** Wall-clock ms per run, sorted. */
  readonly wall: number[];
  /** CPU ms (user + system) the process spent inside the import, per run, sorted. */
  readonly cpu: number[];
}

/** The Node 22 binary Lambda's runtime matches (`npx -y node@22`), else this process's node. */
export function lambdaNode(): { path: string; version: string } {
  try {
    const [path = "", version = ""] = execFileSync("npx", [
      "-y",
      "node@22",
      "-p",
      "process.execPath+'\\n'+process.version",
    ])
      .toString()
      .trim()
      .split("\n");
    if (version.startsWith("v22.")) return { path, version };
  } catch {
    // no registry: fall through
  }
  return { path: process.execPath, version: process.version };
}

/**
 * Imports `files` one after the other in `runs` fresh node processes, timing wall clock and CPU
 * around the imports (the handler, then the chunk of the shard it runs).
 */
function coldImports(node: string, files: readonly string[], runs: number): ImportTimes {
  const script =
    "const c=process.cpuUsage(),t=performance.now();" +
    files.map((file) => `await import(${JSON.stringify(file)});`).join("") +
    "const w=performance.now()-t,u=process.cpuUsage(c);" +
    "process.stdout.write(JSON.stringify([w,(u.user+u.system)/1000]));";
  const samples = Array.from({ length: runs }, () => {
    const out = execFileSync(node, ["--enable-source-maps", "--input-type=module", "-e", script], {
      env: {
        ...process.env,
        AWS_REGION: process.env.AWS_REGION ?? "us-east-1",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
    }).toString();
    return JSON.parse(out) as [number, number];
  });
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  return { wall: sorted(samples.map((s) => s[0])), cpu: sorted(samples.map((s) => s[1])) };
}

const median = (xs: readonly number[]) => xs[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * The agent's shards, as the source modules each loads with `import()`: every service group of
 * `SERVICE_GROUPS` (`src/scan/shard.ts`) with the checks of its asset types' services
 * (`src/checks/services/<service>.ts`, which `checksFor` loads), and the EBS shard's worker
 * (`src/handlers/ports.ts`). Read from the source text, never imported: infra does not depend on
 * the agent's code.
 */
export function agentShardModules(root: string): string[][] {
  const read = (path: string) => readFileSync(join(root, "packages/agent/src", path), "utf8");
  const imports = (text: string, only?: RegExp) =>
    [...text.matchAll(/import\("\.\.\/([^"]+\.ts)"\)/g)]
      .map((m) => m[1] as string)
      .filter((m) => only === undefined || only.test(m))
      .map((m) => `packages/agent/src/${m}`);
  const shards = read("scan/shard.ts");
  const checkServices = (block: string) =>
    [
      ...new Set(
        [...block.matchAll(/"aws\.([a-z0-9]+)\.[a-z0-9-]+"/g)].map((m) =>
          m[0] === '"aws.ec2.instance-os"' ? "os" : (m[1] as string),
        ),
      ),
    ]
      .map((service) => `checks/services/${service}.ts`)
      .filter((path) => existsSync(join(root, "packages/agent/src", path)))
      .map((path) => `packages/agent/src/${path}`);
  const groups = shards
    .slice(shards.indexOf("export const SERVICE_GROUPS"))
    .split(/\n\s*service: "/)
    .slice(1)
    .map((block) => [...imports(block), ...checkServices(block)]);
  const ebs = imports(read("handlers/ports.ts"), /^ebs\/(worker|api)\.ts$/);
  return [...groups, ebs].filter((modules) => modules.length > 0);
}

export interface MeasureOptions {
  readonly root?: string;
  readonly runs?: number;
  readonly analyze?: boolean;
  /** The node that imports the bundles (default: Node 22, as on Lambda). */
  readonly node?: { path: string; version: string };
}

export async function measureBundles(
  entries: readonly LambdaEntry[] = LAMBDA_ENTRIES,
  options: MeasureOptions = {},
): Promise<BundleMeasurement[]> {
  const root = options.root ?? resolve(import.meta.dirname, "../../../..");
  const runs = options.runs ?? 9;
  const node = options.node ?? lambdaNode();
  const out: BundleMeasurement[] = [];
  for (const entry of entries) {
    if (!existsSync(resolve(root, entry.entry))) {
      out.push({ name: entry.name, entry: entry.entry, status: "missing" });
      continue;
    }
    const bundle = await bundleLambda(entry, root, { metafile: options.analyze === true });
    const dir = mkdtempSync(join(tmpdir(), `vigil-bench-${entry.name}-`));
    try {
      for (const f of bundle.files) writeFileSync(join(dir, f.name), f.data);
      // With source maps on, as the functions run (NODE_OPTIONS=--enable-source-maps): the handler,
      // then what one invocation loads at most with import(): for the agent, the chunks of its
      // largest shard (by bytes); for the others (no shards), every chunk.
      const largest = [...bundle.lazyChunks].sort((a, b) => b.bytes - a.bytes)[0];
      const every = [join(dir, "index.mjs"), ...bundle.lazyChunks.map((c) => join(dir, c.file))];
      let files = every;
      let importScope = "handler + every chunk";
      let everyChunkImportMs: number | undefined;
      if (entry.name === "agent") {
        const shards = agentShardModules(root).map((modules) => {
          const chunks = bundle.lazyChunks.filter((c) => modules.includes(c.module));
          const shardFiles = [...new Set(chunks.flatMap((c) => [c.file, ...c.files]))];
          const bytes = shardFiles.reduce(
            (n, f) => n + (bundle.files.find((b) => b.name === f)?.data.length ?? 0),
            0,
          );
          return { modules, files: shardFiles, bytes };
        });
        const biggest = shards.sort((a, b) => b.bytes - a.bytes)[0];
        if (biggest) {
          files = [join(dir, "index.mjs"), ...biggest.files.map((f) => join(dir, f))];
          importScope = `handler + largest shard (${biggest.modules.map((m) => m.split("/").slice(-2).join("/")).join(", ")}; ${(biggest.bytes / 1024).toFixed(1)} KB)`;
          everyChunkImportMs = median(coldImports(node.path, every, runs).wall);
        }
      }
      const times = coldImports(node.path, files, runs);
      const wall = median(times.wall);
      const cpu = median(times.cpu);
      const budget = BUNDLE_BUDGETS[entry.name];
      out.push({
        name: entry.name,
        entry: entry.entry,
        status: "measured",
        codeBytes: bundle.codeBytes,
        totalCodeBytes: bundle.totalCodeBytes,
        ...(largest ? { largestChunk: { module: largest.module, bytes: largest.bytes } } : {}),
        zipBytes: createZip(bundle.files).length,
        ...(budget !== undefined ? { budgetBytes: budget } : {}),
        importScope,
        ...(everyChunkImportMs === undefined ? {} : { everyChunkImportMs }),
        coldImportMs: wall,
        coldImportMinMs: times.wall[0] ?? Number.NaN,
        coldImportCpuMs: cpu,
        sizeWithinBudget: budget === undefined || bundle.codeBytes <= budget,
        importWithinBudget: Math.min(wall, cpu) <= COLD_IMPORT_BUDGET_MS,
        ...(bundle.metafile ? { breakdown: bundleBreakdown(bundle.metafile) } : {}),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

const kb = (bytes: number | undefined) => `${((bytes ?? 0) / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean | undefined) => (ok ? "PASS" : "FAIL");

export function formatBundleReport(rows: readonly BundleMeasurement[], runs = 9): string {
  const header = [
    "bundle",
    "cold-start code",
    "budget",
    "size",
    "all code",
    "largest lazy chunk",
    "zip",
    `import wall (median of ${runs})`,
    "fastest",
    "import CPU (median)",
    "budget",
    "import",
  ];
  const lines = rows.map((r) =>
    r.status === "missing"
      ? [r.name, `missing: ${r.entry} does not exist yet`, "", "", "", "", "", "", "", "", "", ""]
      : [
          r.name,
          kb(r.codeBytes),
          r.budgetBytes === undefined ? "-" : kb(r.budgetBytes),
          r.budgetBytes === undefined ? "-" : verdict(r.sizeWithinBudget),
          kb(r.totalCodeBytes),
          r.largestChunk ? `${kb(r.largestChunk.bytes)} (${r.largestChunk.module.split("/").pop()})` : "-",
          kb(r.zipBytes),
          `${r.coldImportMs?.toFixed(0)} ms`,
          `${r.coldImportMinMs?.toFixed(0)} ms`,
          `${r.coldImportCpuMs?.toFixed(0)} ms`,
          `${COLD_IMPORT_BUDGET_MS} ms`,
          verdict(r.importWithinBudget),
        ],
  );
  const table = [header, header.map(() => "---"), ...lines]
    .map((cells) => `| ${cells.join(" | ")} |`)
    .join("\n");
  const analyses = rows
    .filter((r) => r.breakdown)
    .map(
      (r) =>
        `\n${r.name}: where the ${kb(r.codeBytes)} go (top 25)\n` +
        (r.breakdown ?? [])
          .slice(0, 25)
          .map((s) => `  ${kb(s.bytes).padStart(9)}  ${s.source}`)
          .join("\n"),
    );
  const scopes = rows
    .filter((r) => r.importScope)
    .map(
      (r) =>
        `${r.name} import: ${r.importScope}` +
        (r.everyChunkImportMs === undefined
          ? ""
          : `; handler + every chunk of every shard: ${r.everyChunkImportMs.toFixed(0)} ms wall (upper bound)`),
    );
  return [table, ...scopes, ...analyses].join("\n");
}
