import { Command } from "commander";
import * as benchBus from "./src/commands/bench-bus.ts";
import * as dlq from "./src/commands/dlq.ts";
const program = new Command("vigil");
benchBus.register(program);
dlq.register(program);
await program.parseAsync(process.argv);
