/**
 * `npx tsx packages/testkit/src/snapshot/validate-cli.ts [--models DIR] [--strict-enums] [--quiet] DIR...`
 * Validates account snapshot directories against AWS's API models (docs/snapshot-format.md).
 * Models: --models, else $BOTOCORE_DATA, else the botocore Python imports (moto's; 1.36 or later).
 * Exit status: 0 clean (warnings allowed), 1 errors found, 2 usage or model problems.
 */
import { parseArgs } from "node:util";
import { type BotocoreModels, loadBotocoreModels, locateBotocoreModels } from "./models.ts";
import { formatSnapshotValidation, validateSnapshot } from "./validate.ts";

const USAGE = `usage: validate-cli.ts [--models DIR] [--strict-enums] [--quiet] SNAPSHOT_DIR [...]

Checks every file of each account snapshot directory (docs/snapshot-format.md) against the output
shape of its operation in AWS's API models (botocore's service-2.json).

  --models DIR     botocore data directory (default: $BOTOCORE_DATA, else the
                   data directory of the botocore python3 imports, 1.36 or later)
  --strict-enums   unknown enum values are errors, not warnings
  --quiet          do not print warnings

Exit status: 0 clean (warnings allowed), 1 errors found, 2 usage or model problems.`;

const OPTIONS = {
  models: { type: "string" },
  "strict-enums": { type: "boolean" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function main(argv: string[]): number {
  let args: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let models: BotocoreModels;
  try {
    models = loadBotocoreModels(locateBotocoreModels(args.values.models));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  for (const dir of args.positionals) {
    let result: ReturnType<typeof validateSnapshot>;
    try {
      result = validateSnapshot(dir, { models, strictEnums: args.values["strict-enums"] ?? false });
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    process.stdout.write(`${formatSnapshotValidation(result, { quiet: args.values.quiet ?? false })}\n`);
    errors += result.errors;
    warnings += result.warnings;
  }
  process.stdout.write(`result: ${errors} error(s), ${warnings} warning(s); models ${models.source}\n`);
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
