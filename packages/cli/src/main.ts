#!/usr/bin/env node
import { Command } from "commander";
import { registerCommands } from "./commands/index.ts";

const program = new Command("vigil")
  .description("Vigil: continuous, credential-free security scanning of AWS accounts")
  .showHelpAfterError("(run `vigil --help` for usage)")
  .exitOverride((err) => {
    // commander already printed the error and where usage is: bad arguments exit 64 (EX_USAGE), as
    // every command's own usage errors do; help and version exit 0; a command's program.error keeps its code.
    process.exit(err.exitCode !== 0 && err.code !== "commander.error" ? 64 : err.exitCode);
  });

registerCommands(program);
await program.parseAsync(process.argv);
