/**
 * Bundle bench (measure.ts does the work):
 *
 *   npx tsx packages/infra/bench/bundles.ts [--fixture] [--analyze] [--runs 9] [--only agent,updater]
 *
 * Exits 1 when a measured bundle is over a budget.
 */
import { formatBundleReport, LAMBDA_ENTRIES, lambdaNode, measureBundles } from "../src/index.ts";

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
  const node = lambdaNode();
  const rows = await measureBundles(entries, { runs, node, analyze: process.argv.includes("--analyze") });
  process.stdout.write(
    `imports timed on node ${node.version}, source maps on\n${formatBundleReport(rows, runs)}\n`,
  );
  if (rows.some((r) => r.status === "measured" && !(r.sizeWithinBudget && r.importWithinBudget)))
    process.exitCode = 1;
}
