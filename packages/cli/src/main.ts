#!/usr/bin/env node
import { Command } from "commander";
import { registerCommands } from "./commands/index.ts";
import { VIGIL_VERSION } from "./commands/release-options.ts";
import { UsageError } from "./commands/scan-source.ts";

const program = new Command("vigil")
  .description("Vigil: continuous, credential-free security scanning of AWS accounts")
  .version(VIGIL_VERSION, "-V, --version", "print the release version")
  .showHelpAfterError("(run `vigil --help` for usage)")
  .exitOverride((err) => {
    // commander already printed the error and where usage is: bad arguments exit 64 (EX_USAGE), as
    // every command's own usage errors do; help and version exit 0; a command's program.error keeps its code.
    process.exit(err.exitCode !== 0 && err.code !== "commander.error" ? 64 : err.exitCode);
  });

registerCommands(program);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A command that failed: what went wrong in one line, not a stack trace (VIGIL_DEBUG=1 adds it).
  const usage = error instanceof UsageError;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`vigil: ${message}\n${usage ? "(run `vigil --help` for usage)\n" : ""}`);
  if (process.env.VIGIL_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(usage ? 64 : 1);
}
