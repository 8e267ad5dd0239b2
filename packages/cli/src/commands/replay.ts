import {
  connectDynamoDb,
  diffProjections,
  InMemoryProjectionStore,
  parsePointInTime,
  platformProjections,
  rebuildProjections,
  timeline,
} from "@vigil/events";
import { type Command, InvalidArgumentError } from "commander";
import { Listr } from "listr2";
import { newTable } from "../report/table.ts";

interface ReplayOptions {
  stream?: string;
  integration?: string;
  at?: string;
  rebuild?: boolean;
  diff?: boolean;
  json?: boolean;
  table: string;
  projectionTable?: string;
  claimCheckBucket?: string;
  endpoint?: string;
  profile?: string;
  region?: string;
}

/**
 * `vigil replay`: read-only look at the event log. Timelines of a stream or an integration,
 * projections rebuilt in memory from the log (optionally as of a time), and a diff of the
 * rebuilt views against the stored ones. It never writes to the tables it reads.
 */
export function register(program: Command): void {
  program
    .command("replay")
    .description(
      "Replay the event log: timelines, rebuilt projections, state at a point in time, drift (read-only)",
    )
    .option("--stream <id>", "print one stream's timeline, e.g. integration#int-0001")
    .option("--integration <id>", "print every event of one integration, in log order")
    .option("--at <time|version>", "stop at a stream version or an ISO time", (value: string) => {
      try {
        parsePointInTime(value); // refused while parsing, with usage; runReplay takes the text
        return value;
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
    })
    .option("--rebuild", "rebuild the platform projections from the log (in memory)")
    .option(
      "--diff",
      "with --rebuild: compare rebuilt projections with the stored ones (needs --projection-table)",
    )
    .option("--json", "print JSON instead of a table")
    .option("--table <name>", "event log table", "vigil-events")
    .option("--projection-table <name>", "projection table to diff against")
    .option("--claim-check-bucket <name>", "S3 bucket of claim-checked payloads")
    .option("--endpoint <url>", "DynamoDB endpoint (DynamoDB Local)")
    .option("--profile <name>", "AWS profile")
    .option("--region <region>", "AWS region")
    .action(async (options: ReplayOptions) => {
      process.exitCode = await runReplay(options);
    });
}

export async function runReplay(
  options: ReplayOptions,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  // What was asked is checked before anything is read: a usage error exits 64 (EX_USAGE), as the
  // other commands' do.
  const usage = replayUsageError(options);
  if (usage) {
    err(`vigil replay: ${usage}\n(run \`vigil replay --help\` for usage)`);
    return 64;
  }
  const at = options.at === undefined ? undefined : parsePointInTime(options.at);
  const db = connectDynamoDb({
    table: options.table,
    projectionTable: options.projectionTable,
    claimCheckBucket: options.claimCheckBucket,
    endpoint: options.endpoint,
    profile: options.profile,
    region: options.region,
  });
  try {
    if (options.stream || options.integration) {
      const target = options.stream
        ? { streamId: options.stream }
        : { integrationId: options.integration ?? "" };
      const entries = await timeline(db.events, target, at);
      if (options.json) out(JSON.stringify(entries, null, 2));
      else {
        const table = newTable({ head: ["stream", "v", "recorded", "time", "type", "id", "problem"] });
        for (const e of entries)
          table.push([e.streamId, e.version, e.recordedAt, e.time, e.type, e.id, e.problem ?? ""]);
        out(table.toString());
        out(`${entries.length} events`);
      }
      if (!options.rebuild) return entries.some((e) => e.problem) ? 2 : 0;
    }
    const rebuilt = new InMemoryProjectionStore();
    const until = typeof at === "string" ? at : undefined;
    let summary = { events: 0, applied: 0, invalid: 0 };
    await new Listr(
      [
        {
          title: "Rebuilding projections from the log",
          task: async (_ctx, task) => {
            summary = await rebuildProjections(db.events, platformProjections, rebuilt, {
              until,
              onProgress: (p) => {
                task.output = `${p.events} events read, ${p.applied} applied, ${p.invalid} invalid`;
              },
            });
            task.title = `Rebuilt ${platformProjections.length} projections from ${summary.events} events`;
          },
        },
      ],
      { silentRendererCondition: Boolean(options.json) },
    ).run();
    const views: Record<string, unknown> = {};
    for (const p of platformProjections) views[p.name] = await rebuilt.list(p.name);
    if (options.diff) {
      if (!db.projections) throw new Error("--diff without a projection table"); // refused above
      const diffs = await diffProjections(platformProjections, db.projections, rebuilt);
      if (options.json) out(JSON.stringify({ summary, diffs }, null, 2));
      else {
        const table = newTable({ head: ["projection", "key", "drift"] });
        for (const d of diffs) table.push([d.projection, d.key, d.kind]);
        out(diffs.length === 0 ? "stored projections match the log" : table.toString());
      }
      return diffs.length === 0 ? 0 : 3;
    }
    if (options.json) out(JSON.stringify({ summary, views }, null, 2));
    else {
      const table = newTable({ head: ["projection", "documents"] });
      for (const [name, docs] of Object.entries(views)) table.push([name, (docs as unknown[]).length]);
      out(table.toString());
      out(`${summary.events} events, ${summary.invalid} invalid (skipped)`);
    }
    return 0;
  } catch (error) {
    // An AWS answer or a failed connection is a read of the tables that failed; anything else is ours.
    if (error instanceof Error && ("$metadata" in error || "code" in error))
      throw new Error(readFailure(options, error));
    throw error;
  } finally {
    db.close();
  }
}

/** Which tables, where, and what to check: the SDK's own message names neither. */
function readFailure(options: ReplayOptions, error: Error): string {
  const tables = `the event log "${options.table}"${options.diff ? ` or the projections "${options.projectionTable}"` : ""}`;
  const where = options.endpoint
    ? `at ${options.endpoint}`
    : `in ${options.region ?? "the configured region"}`;
  const { name, message } = error;
  const hint =
    name === "ResourceNotFoundException"
      ? ": no such table there (give the deployed table's name with --table/--projection-table, and its --region)"
      : "";
  return `could not read ${tables} ${where} (${name}: ${message})${hint}`;
}

function replayUsageError(options: ReplayOptions): string | undefined {
  if (!options.stream && !options.integration && !options.rebuild)
    return "nothing to do: pass --stream, --integration or --rebuild";
  if (options.diff && !options.rebuild) return "--diff compares rebuilt projections: add --rebuild";
  if (options.diff && !options.projectionTable)
    return "--diff needs the stored projections to compare with: add --projection-table <name>";
  return undefined;
}
