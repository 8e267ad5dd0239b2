import { access, constants, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import {
  type CheckSelection,
  CheckSelectionError,
  DiscoveryError,
  FRAMEWORK_IDS,
  type Framework,
  findingsOf,
  frameworkById,
  type Mute,
  muteSchema,
  runScan,
  SEVERITIES,
  type Severity,
} from "@vigil/agent";
import type { Command } from "commander";
import {
  buildReport,
  exitCodeOf,
  failuresAtOrAbove,
  formatReport,
  frameworkTable,
  isReportFormat,
  progressRenderer,
  REPORT_FORMATS,
  type ScanReportDocument,
  scoreReport,
  summaryTable,
  useColor,
} from "../report/index.ts";
import { addSourceOptions, openSource, type SourceOptions, UsageError } from "./scan-source.ts";

export interface ScanCommandOptions extends SourceOptions {
  format?: string;
  out?: string;
  failOn?: string;
  failOnIncomplete?: boolean;
  mutes?: string;
  policy?: string;
  enable?: string;
  disable?: string;
  now?: string;
  progress?: boolean;
  framework?: string;
}

/**
 * Exit codes: 0 clean (or below --fail-on), 1 the scan could not run, 2 failures at or above
 * --fail-on, 3 incomplete (a finding at or above --fail-on not assessed, or with
 * --fail-on-incomplete anything not assessed or not read), 64 bad usage.
 */
export const EXIT = { ok: 0, error: 1, findings: 2, incomplete: 3, usage: 64 } as const;

async function readMutes(path: string): Promise<Mute[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new UsageError(`--mutes ${path}: cannot read a JSON file (${(e as Error).message})`);
  }
  const list = Array.isArray(raw) ? raw : (raw as { mutes?: unknown })?.mutes;
  const parsed = muteSchema.array().safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `--mutes ${path}: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"} (a JSON array of mutes, or {"mutes": [...]})`,
    );
  }
  return parsed.data;
}

const frameworkCheckIds = (f: Framework) => f.requirements.flatMap((r) => r.checkIds);

const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");

/**
 * `--out` is checked before the scan (a real account's takes minutes): its folder must exist and
 * take new files, and the path must not be a folder.
 */
async function checkWritable(out: string): Promise<void> {
  const found = await stat(out).catch(() => undefined);
  if (found?.isDirectory()) throw new UsageError(`--out ${out} is a folder: give a file name`);
  const folder = dirname(resolve(out));
  const parent = await stat(folder).catch((error: NodeJS.ErrnoException) => error.code ?? "unreadable");
  if (typeof parent === "string" || !parent.isDirectory())
    throw new UsageError(
      `--out ${out}: ${folder} ${parent === "ENOENT" ? "does not exist" : typeof parent === "string" ? `cannot be read (${parent})` : "is a file, not a folder"}; create the folder or choose another path`,
    );
  await access(found ? out : folder, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `--out ${out}: cannot write ${found ? "that file" : `in ${folder}`} (${error.code})`,
    );
  });
}

export async function runScanCommand(
  options: ScanCommandOptions,
  io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    if (options.format !== undefined && !isReportFormat(options.format)) {
      throw new UsageError(`--format must be one of ${REPORT_FORMATS.join("|")}, got "${options.format}"`);
    }
    if (options.failOn !== undefined && !(SEVERITIES as readonly string[]).includes(options.failOn)) {
      throw new UsageError(`--fail-on must be one of ${SEVERITIES.join("|")}, got "${options.failOn}"`);
    }
    if (options.out !== undefined && options.format === undefined)
      throw new UsageError("--out needs --format");
    if (options.out !== undefined) await checkWritable(options.out);
    if (options.now !== undefined && Number.isNaN(Date.parse(options.now)))
      throw new UsageError(`--now must be an ISO time, got "${options.now}"`);
    const frameworks: Framework[] = list(options.framework).map((id) => {
      const framework = frameworkById(id);
      if (!framework)
        throw new UsageError(`--framework must be one of ${FRAMEWORK_IDS.join("|")}, got "${id}"`);
      return framework;
    });
    const mutes = options.mutes ? await readMutes(options.mutes) : [];
    const selection: CheckSelection = {
      ...(options.policy ? { policies: list(options.policy) } : {}),
      // Scoring a framework runs every check that decides one of its requirements.
      enabledChecks: [...list(options.enable), ...frameworks.flatMap(frameworkCheckIds)],
      disabledChecks: list(options.disable),
    };
    const source = await openSource(options);
    const startedAt = new Date().toISOString();
    const progress = options.progress === false ? undefined : progressRenderer(io.stderr);
    try {
      const result = await runScan({
        clients: source.clients,
        selection,
        mutes,
        now: options.now ?? Date.now(),
        ...(source.regions ? { regions: source.regions } : {}),
        ...(progress ? { onProgress: progress.onProgress } : {}),
      });
      progress?.done();
      const built = buildReport(result, findingsOf(result.reports), {
        startedAt,
        source: source.description,
      });
      const report: ScanReportDocument =
        frameworks.length === 0
          ? built
          : { ...built, frameworks: frameworks.map((f) => scoreReport(built, f)) };
      if (options.format !== undefined && isReportFormat(options.format)) {
        const text = formatReport(report, options.format);
        if (options.out) {
          await writeFile(options.out, text);
          io.stderr.write(`wrote ${options.format} report to ${options.out}\n`);
        } else io.stdout.write(text);
      }
      // With a report on stdout, the table goes to stderr so the report stays parseable.
      const tableOut = options.format !== undefined && !options.out ? io.stderr : io.stdout;
      const color = useColor(tableOut);
      tableOut.write(`${summaryTable(report, 10, color)}\n`);
      for (const score of report.frameworks ?? []) tableOut.write(`${frameworkTable(score, color)}\n`);
      const failOn = options.failOn as Severity | undefined;
      const code = exitCodeOf(report, { failOn, failOnIncomplete: options.failOnIncomplete });
      if (code === EXIT.findings)
        io.stderr.write(
          `${failuresAtOrAbove(report, failOn as Severity)} unmuted failure(s) at or above ${failOn}\n`,
        );
      if (report.incomplete)
        io.stderr.write(
          `incomplete scan: ${report.errors.length} finding(s) not assessed, ${report.unreadCalls.length} call(s) not read${code === EXIT.incomplete ? "" : " (--fail-on-incomplete makes this exit 3)"}\n`,
        );
      return code;
    } finally {
      source.clients.destroy();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof CheckSelectionError) {
      io.stderr.write(`vigil scan: ${error.message}\n(run \`vigil scan --help\` for usage)\n`);
      return EXIT.usage;
    }
    if (error instanceof DiscoveryError) {
      io.stderr.write(`vigil scan: ${error.message}\n`);
      return EXIT.error;
    }
    io.stderr.write(`vigil scan: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
}

export function register(program: Command): void {
  const command = program
    .command("scan")
    .description("Scan an account (simulated by default, a snapshot, or a real account) and report findings")
    .option("--format <format>", `report format: ${REPORT_FORMATS.join("|")}`)
    .option("--out <file>", "write the report to a file instead of stdout")
    .option(
      "--fail-on <severity>",
      `exit 2 when unmuted failures at or above this severity remain (${SEVERITIES.join("|")})`,
    )
    .option("--fail-on-incomplete", "exit 3 when any finding could not be assessed or any call was not read")
    .option(
      "--mutes <file>",
      "JSON mutes: an array (or {mutes: [...]}) of {id, owner, reason, expiresAt, match}",
    )
    .option(
      "--policy <ids>",
      "comma-separated policies to enable (default vigil-default; also cis-aws-5.0, aws-fsbp)",
    )
    .option(
      "--framework <ids>",
      `score the account against frameworks, requirement by requirement (${FRAMEWORK_IDS.join("|")}); runs their checks`,
    )
    .option("--enable <checkIds>", "comma-separated checks to add")
    .option("--disable <checkIds>", "comma-separated checks to switch off")
    .option("--now <iso>", "evaluate as of this time (reproducible reports)")
    .option("--no-progress", "no live progress on stderr");
  addSourceOptions(command).action(async (options: ScanCommandOptions) => {
    process.exitCode = await runScanCommand(options);
  });
}
