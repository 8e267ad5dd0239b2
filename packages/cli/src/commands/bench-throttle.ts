import { benchAccountFactory, runThrottleBench, type ThrottleBenchRow } from "@vigil/agent";
import { createSimulatedAccount, generateAccount } from "@vigil/testkit";
import type { Command } from "commander";
import { newTable } from "../report/table.ts";
import { positiveNumber, wholeNumber } from "./arguments.ts";

/** `vigil bench throttle`: discovery of a throttled simulated account against the token-bucket lower bound. */
export function register(program: Command): void {
  const bench =
    program.commands.find((c) => c.name() === "bench") ??
    program.command("bench").description("Measure Vigil against its budgets");
  bench
    .command("throttle")
    .description(
      "Discovery under AWS's rate limits (17 regions, 10,000 instances, 2,000 security groups, virtual time): " +
        "Vigil's budget vs a naive baseline, then with a noisy neighbour spending half of every bucket",
    )
    .option("--instances <n>", "EC2 instances in the account", wholeNumber(1, 100_000), 10_000)
    .option("--security-groups <n>", "security groups in the account", wholeNumber(1, 100_000), 2000)
    .option("--headroom <share>", "share of AWS's limits Vigil may use (0 to 1)", positiveNumber(1), 0.8)
    .option("--json", "print JSON")
    .action(
      async (options: { instances: number; securityGroups: number; headroom: number; json?: boolean }) => {
        const account = benchAccountFactory(
          { generateAccount, createSimulatedAccount },
          { instances: options.instances, securityGroups: options.securityGroups },
        );
        const rows = await runThrottleBench({ account, headroom: options.headroom });
        console.log(options.json ? JSON.stringify(rows, null, 2) : renderThrottle(rows));
        const budgeted = rows.filter((r) => r.mode === "budgeted");
        // The ratio is NaN when no bucket ran dry (a tiny account): there is no bound to miss then.
        const ok = budgeted.every((r) => r.failedJobs === 0) && !((budgeted[0]?.ratio ?? 0) > 1.15);
        process.exitCode = ok ? 0 : 4;
      },
    );
}

export function renderThrottle(rows: readonly ThrottleBenchRow[]): string {
  const table = newTable({
    head: [
      "scenario",
      "mode",
      "discovery s",
      "lower bound s",
      "ratio (≤ 1.15)",
      "API calls",
      "throttled",
      "failed calls",
      "failed jobs",
      "pauses",
    ],
  });
  for (const r of rows) {
    table.push([
      r.scenario,
      r.mode,
      r.discoverySeconds.toFixed(2),
      r.lowerBoundSeconds.toFixed(2),
      Number.isFinite(r.ratio) ? r.ratio.toFixed(3) : "n/a",
      r.apiCalls,
      r.throttled,
      r.failedCalls,
      r.failedJobs,
      r.pauses,
    ]);
  }
  return table.toString();
}
