import { benchEvaluate, benchScan } from "@vigil/agent";
import { COLD_IMPORT_BUDGET_MS, LAMBDA_ENTRIES, lambdaNode, measureBundles } from "@vigil/infra";
import { createSimulatedAccount, generateAccount, STANDARD_REGIONS } from "@vigil/testkit";
import type { Command } from "commander";
import { newTable } from "../report/table.ts";
import { wholeNumber } from "./arguments.ts";

/** Evaluations per second the design asks of the evaluator on one core. */
export const EVALUATION_BUDGET = 1_000_000;

/** `vigil bench scan`: evaluator throughput and an end-to-end scan of a large simulated account. */
export function register(program: Command): void {
  const bench =
    program.commands.find((c) => c.name() === "bench") ??
    program.command("bench").description("Measure Vigil against its budgets");
  bench
    .command("scan")
    .description("(asset × check) evaluations per second, and an end-to-end scan of a simulated account")
    .option(
      "--regions <n>",
      `regions in the simulated account (1 to ${STANDARD_REGIONS.length + 1})`,
      wholeNumber(1, STANDARD_REGIONS.length + 1),
      17,
    )
    .option("--assets <n>", "assets in the simulated account (approximate)", wholeNumber(1, 1_000_000), 5000)
    .option(
      "--eval-assets <n>",
      "synthetic assets for the evaluator bench",
      wholeNumber(1, 1_000_000),
      50_000,
    )
    .option(
      "--import-runs <n>",
      "fresh Node 22 processes timing the agent bundle's cold import",
      wholeNumber(1, 100),
      9,
    )
    .option("--json", "print JSON")
    .action(
      async (options: {
        regions: number;
        assets: number;
        evalAssets: number;
        importRuns: number;
        json?: boolean;
      }) => {
        // 20 timed rounds, as the agent's evaluate bench: the median of 10 still counts rounds the JIT has not settled.
        const evaluation = benchEvaluate({ assets: options.evalAssets, rounds: 20 });
        // The built agent: its handler and every chunk a shard may load, in Node 22 with source maps on.
        const node = lambdaNode();
        const [bundle] = await measureBundles(
          LAMBDA_ENTRIES.filter((e) => e.name === "agent"),
          { runs: options.importRuns, node },
        );
        const coldImportMs = Math.min(
          bundle?.coldImportMs ?? Number.NaN,
          bundle?.coldImportCpuMs ?? Number.NaN,
        );
        const regions = options.regions;
        const scan = await benchScan({
          regions,
          assets: options.assets,
          account: ({ regions: n, assets, seed }) => {
            const names = [...STANDARD_REGIONS, "me-south-1"].slice(0, n);
            // The generator's `assetsPerRegion` counts EC2 instances; the rest of an account scales
            // with it (about 5.6 assets per instance), so divide to land near the asked total.
            const model = generateAccount({
              seed,
              regions: names,
              assetsPerRegion: Math.max(1, Math.round(assets / n / 5.6)),
            });
            return createSimulatedAccount(model);
          },
        });
        if (options.json) {
          console.log(
            JSON.stringify({ evaluation, coldImport: { node: node.version, ...bundle }, scan }, null, 2),
          );
        } else {
          const table = newTable({ head: ["measure", "value", "budget"] });
          table.push(
            [
              "evaluations / s (median round, one core)",
              Math.round(evaluation.evaluationsPerSecond).toLocaleString("en-US"),
              `≥ ${EVALUATION_BUDGET.toLocaleString("en-US")}`,
            ],
            [
              "checks × assets per round",
              `${evaluation.checks} × ${evaluation.assets.toLocaleString("en-US")}`,
              "",
            ],
            [
              `agent cold import: handler + its largest shard's chunks (node ${node.version}, source maps on; lower of wall/CPU median)`,
              `${coldImportMs.toFixed(0)} ms (${((bundle?.codeBytes ?? 0) / 1024).toFixed(0)} KB at start, ${((bundle?.totalCodeBytes ?? 0) / 1024).toFixed(0)} KB in all)`,
              `≤ ${COLD_IMPORT_BUDGET_MS} ms`,
            ],
            ["scan: regions / assets", `${scan.regions} / ${scan.assets.toLocaleString("en-US")}`, ""],
            ["scan: total time", `${(scan.timings.totalMs / 1000).toFixed(1)} s`, ""],
            ["scan: API calls (throttled)", `${scan.apiCalls} (${scan.throttled})`, ""],
            ["scan: events emitted", scan.events.toLocaleString("en-US"), ""],
          );
          console.log(table.toString());
        }
        process.exitCode =
          evaluation.evaluationsPerSecond >= EVALUATION_BUDGET && coldImportMs <= COLD_IMPORT_BUDGET_MS
            ? 0
            : 4;
      },
    );
}
