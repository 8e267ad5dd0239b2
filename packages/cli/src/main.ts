#!/usr/bin/env node
import { Command } from "commander";
import { registerCommands } from "./commands/index.ts";

const program = new Command("vigil")
  .description("Vigil: continuous, credential-free security scanning of AWS accounts")
  .showHelpAfterError("(run `vigil --help` for usage)")
  .exitOverride((err) => {
    // commander already printed usage; map its exit code so bad arguments are a non-zero exit.
    process.exit(err.exitCode);
  });

registerCommands(program);
await program.parseAsync(process.argv);
