/**
 * Bundle bench: size of each Lambda bundle and its cold import time, against the budgets
 * (agent ≤ 800 KB, updater ≤ 300 KB, cold import ≤ 150 ms; KB = 1024 bytes). Measures whatever
 * entries exist: an entry whose file is not written yet is reported as "missing".
 *
 *   npx tsx packages/infra/bench/bundles.ts [--fixture] [--analyze] [--runs 9] [--only agent,updater]
 *
 * `--analyze` prints, per bundle, the bytes each package contributes (esbuild's metafile).
 * Cold import: each run is a fresh `node` importing the bundle file; wall clock and CPU time of the
 * import are both reported, and the import verdict uses the lower median (see `coldImportCpuMs`).
 * Exits 1 when a measured bundle is over a budget.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  BUNDLE_BUDGETS,
  type BundleShare,
  bundleBreakdown,
  bundleLambda,
  COLD_IMPORT_BUDGET_MS,
  createZip,
  LAMBDA_ENTRIES,
  type LambdaEntry,
} from "../src/index.ts";

export { BUNDLE_BUDGETS, COLD_IMPORT_BUDGET_MS };

export interface BundleMeasurement {
  readonly name: string;
  readonly entry: string;
  readonly status: "measured" | "missing";
  readonly codeBytes?: number;
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

/** Imports `file` in `runs` fresh node processes, timing wall clock and CPU around the import. */
function coldImports(file: string, runs: number): ImportTimes {
  const script =
    "const c=process.cpuUsage(),t=performance.now();" +
    `await import(${JSON.stringify(file)});` +
    "const w=performance.now()-t,u=process.cpuUsage(c);" +
    "process.stdout.write(JSON.stringify([w,(u.user+u.system)/1000]));";
  const samples = Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
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

export interface MeasureOptions {
  readonly root?: string;
  readonly runs?: number;
  readonly analyze?: boolean;
}

export async function measureBundles(
  entries: readonly LambdaEntry[] = LAMBDA_ENTRIES,
  options: MeasureOptions = {},
): Promise<BundleMeasurement[]> {
  const root = options.root ?? resolve(import.meta.dirname, "../../..");
  const runs = options.runs ?? 9;
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
      const times = coldImports(join(dir, "index.mjs"), runs);
      const wall = median(times.wall);
      const cpu = median(times.cpu);
      const budget = BUNDLE_BUDGETS[entry.name];
      out.push({
        name: entry.name,
        entry: entry.entry,
        status: "measured",
        codeBytes: bundle.codeBytes,
        zipBytes: createZip(bundle.files).length,
        ...(budget !== undefined ? { budgetBytes: budget } : {}),
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
    "code",
    "budget",
    "size",
    "zip",
    `import wall (median of ${runs})`,
    "fastest",
    "import CPU (median)",
    "budget",
    "import",
  ];
  const lines = rows.map((r) =>
    r.status === "missing"
      ? [r.name, `missing: ${r.entry} does not exist yet`, "", "", "", "", "", "", "", ""]
      : [
          r.name,
          kb(r.codeBytes),
          r.budgetBytes === undefined ? "-" : kb(r.budgetBytes),
          r.budgetBytes === undefined ? "-" : verdict(r.sizeWithinBudget),
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
  return [table, ...analyses].join("\n");
}

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = flag("--only")?.split(",");
  const runs = Number(flag("--runs") ?? 9);
  const fixture = process.argv.includes("--fixture")
    ? [{ name: "fixture", entry: "packages/infra/tests/fixtures/lambda/handler.ts" }]
    : [];
  const entries = [...LAMBDA_ENTRIES, ...fixture].filter((e) => only === undefined || only.includes(e.name));
  const rows = await measureBundles(entries, { runs, analyze: process.argv.includes("--analyze") });
  process.stdout.write(`${formatBundleReport(rows, runs)}\n`);
  if (rows.some((r) => r.status === "measured" && !(r.sizeWithinBudget && r.importWithinBudget)))
    process.exitCode = 1;
}
