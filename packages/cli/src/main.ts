#!/usr/bin/env node
import { Command } from "commander";
import { registerCommands } from "./commands/index.ts";
import { VIGIL_VERSION } from "./commands/release-options.ts";
import { hintFor } from "./error-hints.ts";

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
  // A command that failed (its usage errors it reports itself, exit 64): why, in one line, not a
  // stack trace (VIGIL_DEBUG=1 adds it).
  process.stderr.write(`vigil: ${error instanceof Error ? error.message : String(error)}\n`);
  const hint = hintFor(error);
  if (hint) process.stderr.write(`hint: ${hint}\n`);
  if (process.env.VIGIL_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}
