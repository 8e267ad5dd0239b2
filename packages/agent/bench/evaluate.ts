/**
 * Evaluator throughput: `npx tsx packages/agent/bench/evaluate.ts [assets] [rounds]`.
 * Budget (DESIGN.md): >= 1,000,000 (asset x check) evaluations per second on one core.
 */
import { benchEvaluate } from "../src/checks/index.ts";

const [assets, rounds] = process.argv.slice(2).map(Number);
const result = benchEvaluate({ assets: assets || undefined, rounds: rounds || undefined });
const budget = 1_000_000;
console.log(
  `${result.evaluationsPerSecond.toLocaleString("en-US")} evaluations/s median round, ` +
    `${result.meanEvaluationsPerSecond.toLocaleString("en-US")} mean ` +
    `(${result.evaluations.toLocaleString("en-US")} evaluations of ${result.checks} checks over ` +
    `${result.assets.toLocaleString("en-US")} assets in ${result.seconds.toFixed(3)} s; ` +
    `${result.results.toLocaleString("en-US")} results) — budget ${budget.toLocaleString("en-US")}/s: ` +
    (result.evaluationsPerSecond >= budget ? "OK" : "MISSED"),
);
process.exitCode = result.evaluationsPerSecond >= budget ? 0 : 1;
