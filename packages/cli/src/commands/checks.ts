import {
  type AnyCheck,
  CATALOGUE,
  FRAMEWORK_IDS,
  frameworkById,
  SEVERITIES,
  type Severity,
} from "@vigil/agent";
import type { Command } from "commander";
import { newTable, useColor } from "../report/table.ts";
import { UsageError } from "./scan-source.ts";

export interface ChecksCommandOptions {
  service?: string;
  framework?: string;
  severity?: string;
  format?: string;
}

/** The service a check belongs to: the second part of its id (`vigil.s3.…` → `s3`). */
export function serviceOf(check: Pick<AnyCheck, "id">): string {
  return check.id.split(".")[1] ?? "";
}

/** The catalogue, filtered; throws `UsageError` naming a filter value that matches nothing valid. */
export function listChecks(options: ChecksCommandOptions): AnyCheck[] {
  if (options.severity !== undefined && !(SEVERITIES as readonly string[]).includes(options.severity))
    throw new UsageError(`--severity must be one of ${SEVERITIES.join("|")}, got "${options.severity}"`);
  const framework = options.framework === undefined ? undefined : frameworkById(options.framework);
  if (options.framework !== undefined && !framework)
    throw new UsageError(`--framework must be one of ${FRAMEWORK_IDS.join("|")}, got "${options.framework}"`);
  const services = new Set(CATALOGUE.map(serviceOf));
  if (options.service !== undefined && !services.has(options.service))
    throw new UsageError(
      `--service must be one of ${[...services].sort().join("|")}, got "${options.service}"`,
    );
  const inFramework = framework ? new Set(framework.requirements.flatMap((r) => r.checkIds)) : undefined;
  return CATALOGUE.filter(
    (c) =>
      (options.service === undefined || serviceOf(c) === options.service) &&
      (options.severity === undefined || c.severity === (options.severity as Severity)) &&
      (inFramework === undefined || inFramework.has(c.id)),
  );
}

export async function runChecksCommand(
  options: ChecksCommandOptions,
  io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    if (options.format !== undefined && options.format !== "json" && options.format !== "table")
      throw new UsageError(`--format must be json or table, got "${options.format}"`);
    const checks = listChecks(options);
    if (options.format === "json") {
      const rows = checks.map((c) => ({
        id: c.id,
        service: serviceOf(c),
        title: c.title,
        severity: c.severity,
        resourceType: c.resourceType,
        reads: c.reads,
        rationale: c.rationale,
        remediation: c.remediation,
        references: c.references,
        mappings: c.mappings,
      }));
      io.stdout.write(
        `${JSON.stringify({ count: rows.length, services: new Set(rows.map((r) => r.service)).size, checks: rows }, null, 2)}\n`,
      );
      return 0;
    }
    const table = newTable(
      {
        head: ["Check", "Severity", "Resource", "CIS", "FSBP"],
        colWidths: [52, 10, 34, 12, 12],
        wordWrap: true,
      },
      useColor(io.stdout),
    );
    for (const c of checks)
      table.push([c.id, c.severity, c.resourceType, c.mappings.cis.join(" "), c.mappings.fsbp.join(" ")]);
    io.stdout.write(
      `${table.toString()}\n${checks.length} check(s) over ${new Set(checks.map(serviceOf)).size} service(s)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`vigil checks: ${error.message}\n(run \`vigil checks --help\` for usage)\n`);
      return 64;
    }
    throw error;
  }
}

export function register(program: Command): void {
  program
    .command("checks")
    .description("List the check catalogue: what each check reads, its severity and framework mappings")
    .option("--service <service>", "only this service's checks (e.g. s3, iam, ec2)")
    .option("--framework <id>", `only checks mapped to this framework (${FRAMEWORK_IDS.join("|")})`)
    .option("--severity <severity>", `only this severity (${SEVERITIES.join("|")})`)
    .option("--format <format>", "table (default) or json")
    .action(async (options: ChecksCommandOptions) => {
      process.exitCode = await runChecksCommand(options);
    });
}
