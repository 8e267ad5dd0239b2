import { syntheticAssets } from "../assets/synthetic.ts";
import type { Mute } from "../policies/index.ts";
import { emptySummary, evaluateAsset } from "./evaluate.ts";
import { planEvaluation } from "./full.ts";

export interface BenchEvaluateOptions {
  /** Synthetic assets to generate (cycling through every resource type). Default 20,000. */
  readonly assets?: number;
  /** Timed passes over all assets after one warm-up pass. Default 10. */
  readonly rounds?: number;
  readonly seed?: number;
  /** Adds this many mutes (matched by tag) to measure muting overhead. Default 10. */
  readonly mutes?: number;
}

export interface BenchEvaluateResult {
  readonly assets: number;
  readonly checks: number;
  /** (asset × check) evaluations performed in the timed rounds: every check whose type matches the asset. */
  readonly evaluations: number;
  /** Results produced (evaluations minus not-applicable outcomes). */
  readonly results: number;
  /** Total time of the timed rounds. */
  readonly seconds: number;
  /** Throughput of the median round. */
  readonly evaluationsPerSecond: number;
  /** Throughput over all timed rounds. */
  readonly meanEvaluationsPerSecond: number;
}

/** Measures evaluator throughput on one core over synthetic assets with the full catalogue. */
export function benchEvaluate(options: BenchEvaluateOptions = {}): BenchEvaluateResult {
  const assets = syntheticAssets({ count: options.assets ?? 20_000, seed: options.seed ?? 7 });
  const mutes: Mute[] = Array.from({ length: options.mutes ?? 10 }, (_, i) => ({
    id: `bench-${i}`,
    owner: "bench",
    reason: "benchmark",
    expiresAt: "2999-01-01T00:00:00Z",
    match: { checkId: "*", tag: { key: "env", value: i % 2 === 0 ? "dev" : `team-${i}` } },
  }));
  const plan = planEvaluation({ now: Date.parse("2025-06-01T00:00:00Z"), mutes });
  let perPass = 0;
  for (const asset of assets) perPass += plan.byType.get(asset.type)?.length ?? 0;

  const run = () => {
    const summary = emptySummary();
    for (const asset of assets) evaluateAsset(plan, asset, summary);
    return summary;
  };
  // Warm-up: let the JIT settle before timing.
  for (let i = 0; i < 3; i++) run();
  const rounds = options.rounds ?? 10;
  let results = 0;
  const roundSeconds: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = process.hrtime.bigint();
    results += run().evaluations;
    roundSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  const seconds = roundSeconds.reduce((a, b) => a + b, 0);
  // The median round resists noise from other processes on a shared machine.
  const median = [...roundSeconds].sort((a, b) => a - b)[Math.floor(rounds / 2)] ?? seconds;
  const evaluations = perPass * rounds;
  return {
    assets: assets.length,
    checks: plan.checks.length,
    evaluations,
    results,
    seconds,
    evaluationsPerSecond: Math.round(perPass / median),
    meanEvaluationsPerSecond: Math.round(evaluations / seconds),
  };
}
