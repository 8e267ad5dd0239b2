import type { Command } from "commander";
import { pointUsageAtOwnHelp } from "./arguments.ts";
import * as benchBus from "./bench-bus.ts";
import * as benchEvents from "./bench-events.ts";
import * as benchPlatform from "./bench-platform.ts";
import * as benchScan from "./bench-scan.ts";
import * as benchThrottle from "./bench-throttle.ts";
import * as checks from "./checks.ts";
import * as cost from "./cost.ts";
import * as demo from "./demo.ts";
import * as deploy from "./deploy.ts";
import * as dlq from "./dlq.ts";
import * as org from "./org.ts";
import * as platform from "./platform.ts";
import * as replay from "./replay.ts";
import * as scan from "./scan.ts";
import * as snapshot from "./snapshot.ts";
import * as templates from "./templates.ts";

/** Each command lives in its own module and registers itself on the program. */
export function registerCommands(program: Command): void {
  for (const command of [
    demo,
    scan,
    checks,
    snapshot,
    replay,
    platform,
    templates,
    deploy,
    dlq,
    org,
    cost,
    benchBus,
    benchEvents,
    benchPlatform,
    benchScan,
    benchThrottle,
  ])
    command.register(program);
  pointUsageAtOwnHelp(program, ["vigil"]);
}
