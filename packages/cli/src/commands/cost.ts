import {
  type CostInputs,
  type CostLine,
  costModel,
  DEFAULT_COST_INPUTS,
  eventsPerScan,
  shardsPerScan,
  TARGET_RATIO,
  TOTAL_TARGET_RATIO,
  totalAgainstRepresentative,
  totalDollars,
} from "@vigil/infra";
import type { Command } from "commander";
import { newTable } from "../report/table.ts";
import { positiveNumber } from "./arguments.ts";

/** The inputs given as numbers on the command line (`--organization-member` sets the one switch). */
type NumericInput = { [K in keyof CostInputs]: CostInputs[K] extends number ? K : never }[keyof CostInputs];

const FLAGS: Record<NumericInput, string> = {
  accounts: "accounts",
  assets: "assets per account (each assessed every scan; its report published when it changed)",
  changedReportsPerScan: "share of the assets whose report changes between scans (0..1)",
  reportRefreshDays: "days after which an unchanged report is published again",
  digestPartAssets: "assets per part of a shard's digest",
  regions: "enabled regions",
  serviceGroups: "regional service groups (scan jobs per region)",
  globalShards: "account-wide scan jobs",
  lifecycleEventsPerScan: "lifecycle events per scan besides assets and regions",
  scanIntervalHours: "hours between scans (stack parameter ScanIntervalHours)",
  heartbeatMinutes: "minutes between heartbeats (stack parameter HeartbeatMinutes)",
  updateCheckHours: "hours between update checks (stack parameter UpdateCheckHours)",
  scanSeconds: "agent run time of one scan, s (vigil bench scan)",
  drainIdleSeconds: "wait of a drain's last, empty long poll, s",
  heartbeatSeconds: "run time of an idle heartbeat, s",
  commandSeconds: "run time of an SNS-pushed command, s",
  rescanSeconds: "run time of a single-instance rescan, s",
  agentMemoryMb: "agent Lambda memory, MB",
  updaterMemoryMb: "updater Lambda memory, MB",
  updateCheckSeconds: "run time of an update check, s",
  otherCommandsPerMonth: "platform commands per month (each put on the topic, pushed to the agent)",
  updaterPushesPerCheck: "SNS pushes to the updater per update check",
  ec2StateChangesPerMonth: "EC2 state-change events per month",
  jobBatchSize: "jobs per SendMessageBatch / ReceiveMessage (≤ 10)",
  jobsPerDelete: "jobs per delete call (1: DeleteMessage per job, as the agent does; 10: DeleteMessageBatch)",
  alertsPerMonth: "alerts to people per month",
  logBytesPerEvent: "log bytes per event",
  logBytesPerInvocation: "log bytes per invocation",
};

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const money = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;
const count = (n: number) =>
  n < 10 && !Number.isInteger(n) ? n.toFixed(3) : Math.round(n).toLocaleString("en-US");

/** What to do about a failing line, in one sentence a reader can act on. */
function advice(l: CostLine, inputs: CostInputs): string {
  const target = count(l.representative * TARGET_RATIO);
  if (l.heartbeatMinutesToPass === null) {
    return `${l.line}: ${count(l.counted)} > ${target}; no heartbeat cadence meets it (it follows the scans, the assets and the account's churn)`;
  }
  return `${l.line}: ${count(l.counted)} > ${target}; meets the target at --heartbeat-minutes ${l.heartbeatMinutesToPass} (now ${inputs.heartbeatMinutes}; delayed jobs such as EC2 rescans then wait up to that long)`;
}

export function register(program: Command): void {
  const cmd = program
    .command("cost")
    .description(
      "Monthly AWS usage and cost of one integration at us-east-1 prices, against ≤ 1/10 of the representative month",
    );
  for (const [key, description] of Object.entries(FLAGS)) {
    cmd.option(
      `--${kebab(key)} <n>`,
      `${description} (default ${DEFAULT_COST_INPUTS[key as keyof CostInputs]})`,
      positiveNumber(1e12),
    );
  }
  cmd.option(
    "--organization-member",
    "the account is an organization member: its results go to its EventBridge bus (PutEvents), not over HTTP",
  );
  cmd.option("--json", "print the model as JSON");
  cmd.action((opts: Record<string, number | boolean | undefined>) => {
    const inputs = { ...DEFAULT_COST_INPUTS };
    if (opts.organizationMember === true) inputs.resultsOverEventBridge = true;
    for (const key of Object.keys(FLAGS) as NumericInput[]) {
      const value = opts[key];
      if (typeof value === "number") inputs[key] = value;
    }
    const lines = costModel(inputs);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ inputs, lines }, null, 2)}\n`);
      return;
    }
    const table = newTable({
      head: [
        "line",
        "ours / month",
        "heartbeat's own †",
        "unit",
        "representative",
        "ratio",
        "≤ 1/10",
        "$",
        "$ free tier",
      ],
    });
    for (const l of lines) {
      table.push([
        l.budgeted ? l.line : `${l.line} *`,
        count(l.quantity),
        l.heartbeatOwn === 0 ? "" : count(l.heartbeatOwn),
        l.unit,
        count(l.representative),
        l.ratio.toFixed(3),
        l.withinTarget ? "PASS" : "FAIL",
        money(l.dollars),
        money(l.dollarsWithFreeTier),
      ]);
    }
    table.push([
      "total",
      "",
      "",
      "",
      "",
      "",
      "",
      money(totalDollars(lines, false)),
      money(totalDollars(lines, true)),
    ]);
    const total = totalAgainstRepresentative(lines);
    const failing = lines.filter((l) => !l.withinTarget);
    const out = [
      `one account: ${inputs.assets.toLocaleString("en-US")} assets, ${inputs.regions} regions, ${shardsPerScan(inputs)} scan jobs and ${eventsPerScan(inputs).toLocaleString("en-US")} events per scan to the platform; scan every ${inputs.scanIntervalHours} h, heartbeat every ${inputs.heartbeatMinutes} min, update check every ${inputs.updateCheckHours} h (× ${inputs.accounts} account(s))`,
      table.toString(),
      "* not budgeted (alerts to people; representative figure from the earlier model); shown for completeness",
      "† outside the ≤ 1/10 target: what the heartbeat's cadence makes it, whatever is scanned; ratio = (ours − heartbeat's own) / representative",
      `the month without the free tier: ${money(total.dollars)} = ${total.ratio.toFixed(3)}× the representative month's ${money(total.representativeDollars)}, heartbeat included (≤ 1/${Math.round(1 / TOTAL_TARGET_RATIO)}: ${total.withinTarget ? "PASS" : "FAIL"})`,
      failing.length === 0
        ? "every line is within 1/10 of the representative month"
        : `${failing.length} line(s) FAIL the ≤ 1/10 target:\n${failing.map((l) => `  - ${advice(l, inputs)}`).join("\n")}`,
      "per month, by component:",
      ...lines.map(
        (l) =>
          `  ${l.line}: ${Object.entries(l.components)
            .map(([k, v]) => `${k} ${count(v)}`)
            .join(", ")}`,
      ),
      "",
    ];
    process.stdout.write(out.join("\n"));
  });
}
