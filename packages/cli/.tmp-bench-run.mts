import { Command } from "commander";
import { register } from "./src/commands/bench-events.ts";
const p = new Command("vigil"); register(p); await p.parseAsync(["node", "vigil", "bench", "events", ...process.argv.slice(2)]);
