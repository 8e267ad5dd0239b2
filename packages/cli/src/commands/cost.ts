import { type CostInputs, costModel, DEFAULT_COST_INPUTS, totalDollars } from "@vigil/infra";
import Table from "cli-table3";
import type { Command } from "commander";

const FLAGS: Record<keyof CostInputs, string> = {
  apiCallsPerScan: "discovery API calls per scan (counted by the agent bench)",
  eventsPerScan: "events published per scan",
  sqsRequestsPerEvent: "SQS requests per in-account event (bus benchmark)",
  inAccountEventShare: "share of events an in-account queue receives",
  idlePollers: "always-on long-polling connections (5 per Lambda SQS trigger)",
  scansPerDay: "full scans per day",
  assets: "assets per account",
  regions: "enabled regions",
  accounts: "accounts",
  agentMemoryGb: "agent Lambda memory, GB",
  msPerApiCall: "agent run time per API call, ms",
  msPerEvent: "agent run time per event, ms",
  heartbeatMinutes: "heartbeat period, minutes",
  heartbeatMs: "heartbeat run time, ms",
  logBytesPerEvent: "log bytes per event",
  logBytesPerInvocation: "log bytes per invocation",
  httpNotificationsPerScan: "HTTPS notifications out of the account per scan",
  ec2StateChangesPerMonth: "EC2 state-change events per month",
};

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const money = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;
const count = (n: number) => (n < 10 ? n.toFixed(3) : Math.round(n).toLocaleString("en-US"));

export function register(program: Command): void {
  const cmd = program
    .command("cost")
    .description("Monthly AWS cost of one integration at us-east-1 prices, next to the representative month");
  for (const [key, description] of Object.entries(FLAGS)) {
    cmd.option(
      `--${kebab(key)} <n>`,
      `${description} (default ${DEFAULT_COST_INPUTS[key as keyof CostInputs]})`,
    );
  }
  cmd.option("--json", "print the model as JSON");
  cmd.action((opts: Record<string, string | boolean | undefined>) => {
    const inputs = { ...DEFAULT_COST_INPUTS };
    for (const key of Object.keys(FLAGS) as (keyof CostInputs)[]) {
      const raw = opts[key];
      if (typeof raw !== "string") continue;
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0) {
        process.stderr.write(`--${kebab(key)} must be a non-negative number, got "${raw}"\n`);
        process.exitCode = 1;
        return;
      }
      inputs[key] = value;
    }
    const lines = costModel(inputs);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ inputs, lines }, null, 2)}\n`);
      return;
    }
    const table = new Table({
      head: ["line", "per month", "unit", "$", "$ free tier", "representative", "rep. $", "ratio", "≤ 1/10"],
    });
    for (const l of lines) {
      table.push([
        l.line,
        count(l.quantity),
        l.unit,
        money(l.dollars),
        money(l.dollarsWithFreeTier),
        count(l.representative),
        money(l.representativeDollars),
        l.ratio.toFixed(3),
        l.withinTarget ? "yes" : "NO",
      ]);
    }
    table.push([
      "total",
      "",
      "",
      money(totalDollars(lines, false)),
      money(totalDollars(lines, true)),
      "",
      "",
      "",
      "",
    ]);
    process.stdout.write(`${table.toString()}\n`);
  });
}
