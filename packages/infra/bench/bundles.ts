/**
 * Bundle bench: size of each Lambda bundle and its cold import time, against the budgets
 * (agent ≤ 800 KB, updater ≤ 300 KB, cold import ≤ 150 ms). Measures whatever entries exist:
 * until the agent and updater packages ship `src/handlers/lambda.ts`, those rows say "missing".
 *
 *   npx tsx packages/infra/bench/bundles.ts [--fixture]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundleLambda, createZip, LAMBDA_ENTRIES, type LambdaEntry } from "../src/index.ts";

export const BUNDLE_BUDGETS: Readonly<Record<string, number>> = { agent: 800 * 1024, updater: 300 * 1024 };
export const COLD_IMPORT_BUDGET_MS = 150;

export interface BundleMeasurement {
  readonly name: string;
  readonly entry: string;
  readonly status: "measured" | "missing";
  readonly codeBytes?: number;
  readonly zipBytes?: number;
  readonly budgetBytes?: number;
  /** Median of fresh-process imports (each run is a new `node`, so nothing is cached). */
  readonly coldImportMs?: number;
  readonly withinBudget?: boolean;
}

function coldImportMs(file: string, runs: number): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t));`;
  const times = Array.from({ length: runs }, () =>
    Number(
      execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      }).toString(),
    ),
  ).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export async function measureBundles(
  entries: readonly LambdaEntry[] = LAMBDA_ENTRIES,
  root = resolve(import.meta.dirname, "../../.."),
  runs = 5,
): Promise<BundleMeasurement[]> {
  const out: BundleMeasurement[] = [];
  for (const entry of entries) {
    if (!existsSync(resolve(root, entry.entry))) {
      out.push({ name: entry.name, entry: entry.entry, status: "missing" });
      continue;
    }
    const bundle = await bundleLambda(entry, root);
    const dir = mkdtempSync(join(tmpdir(), `vigil-bench-${entry.name}-`));
    try {
      for (const f of bundle.files) writeFileSync(join(dir, f.name), f.data);
      const ms = coldImportMs(join(dir, "index.mjs"), runs);
      const budget = BUNDLE_BUDGETS[entry.name];
      out.push({
        name: entry.name,
        entry: entry.entry,
        status: "measured",
        codeBytes: bundle.codeBytes,
        zipBytes: createZip(bundle.files).length,
        ...(budget !== undefined ? { budgetBytes: budget } : {}),
        coldImportMs: ms,
        withinBudget: (budget === undefined || bundle.codeBytes <= budget) && ms <= COLD_IMPORT_BUDGET_MS,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

export function formatBundleReport(rows: readonly BundleMeasurement[]): string {
  return rows
    .map((r) =>
      r.status === "missing"
        ? `${r.name.padEnd(8)} missing: ${r.entry} does not exist yet`
        : `${r.name.padEnd(8)} code ${((r.codeBytes ?? 0) / 1024).toFixed(1)} KB` +
          `${r.budgetBytes ? ` (budget ${r.budgetBytes / 1024} KB)` : ""}, zip ${((r.zipBytes ?? 0) / 1024).toFixed(1)} KB, ` +
          `cold import ${r.coldImportMs?.toFixed(1)} ms (budget ${COLD_IMPORT_BUDGET_MS} ms) ${r.withinBudget ? "ok" : "OVER BUDGET"}`,
    )
    .join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fixture = process.argv.includes("--fixture")
    ? [{ name: "fixture", entry: "packages/infra/tests/fixtures/lambda/handler.ts" }]
    : [];
  const rows = await measureBundles([...LAMBDA_ENTRIES, ...fixture]);
  process.stdout.write(`${formatBundleReport(rows)}\n`);
  if (rows.some((r) => r.status === "measured" && !r.withinBudget)) process.exitCode = 1;
}
