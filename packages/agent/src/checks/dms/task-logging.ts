import type { AssetOf } from "../../assets/index.ts";
import { type CheckOutcome, fail, pass } from "../check.ts";

/** The severities that log at least what `LOGGER_SEVERITY_DEFAULT` logs (info, warnings, errors). */
const DEFAULT_OR_MORE = new Set([
  "LOGGER_SEVERITY_DEFAULT",
  "LOGGER_SEVERITY_DEBUG",
  "LOGGER_SEVERITY_DETAILED_DEBUG",
]);

/**
 * Whether a task logs `components` at `LOGGER_SEVERITY_DEFAULT` or more (Security Hub's DMS.7 / DMS.8):
 * logging enabled and each component at one of those severities.
 */
export function taskLogs(
  asset: AssetOf<"aws.dms.replication-task">,
  components: readonly string[],
  side: string,
): CheckOutcome {
  if (!asset.config.loggingEnabled) return fail("task logging is disabled");
  const low = components.filter((c) => !DEFAULT_OR_MORE.has(asset.config.logSeverities[c] ?? ""));
  return low.length === 0
    ? pass(`the ${side} components log at LOGGER_SEVERITY_DEFAULT or more`)
    : fail(`${low.join(" and ")} not logged at LOGGER_SEVERITY_DEFAULT or more`);
}
