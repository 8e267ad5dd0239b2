import type { Command } from "commander";
import { runOrganizationDemo } from "../demo/organization.ts";
import { DEFAULT_DEMO_REPORT, runDemo } from "../demo/run.ts";
import { wholeNumber } from "./arguments.ts";

/** `vigil demo`: the built release installed and run in the emulated AWS account, with the report printed. */
export function register(program: Command): void {
  program
    .command("demo")
    .description(
      "Install the built release into the emulated AWS account and run it: registration, a scheduled scan, reports at the platform, an update, stack deletion and teardown",
    )
    .option(
      "--instances <n>",
      "EC2 instances in the customer's account (1 to 1000)",
      wholeNumber(1, 1000),
      12,
    )
    .option("--out <file>", "where to write the HTML report", DEFAULT_DEMO_REPORT)
    .option(
      "--keep",
      "keep the stack, the emulated account and the platform's dashboard running until Ctrl-C",
    )
    .option(
      "--organization",
      "an AWS Organization instead: the StackSet into five accounts (management, two OUs, one in no OU), a scan of all over EventBridge, the roll-up, an account joining and one leaving",
    )
    .option(
      "--ebs",
      "also scan inside an instance: the stack with EBS scanning, one instance's disk copied, scanned and cleaned up, its OS findings and packages at the platform",
    )
    .action(
      async (opts: {
        instances: number;
        out: string;
        keep?: boolean;
        organization?: boolean;
        ebs?: boolean;
      }) => {
        if (opts.organization) {
          if (opts.keep)
            program.error("vigil demo: --keep is not available with --organization", { exitCode: 64 });
          if (opts.ebs)
            program.error("vigil demo: --ebs is not available with --organization", { exitCode: 64 });
          process.exitCode = await runOrganizationDemo();
          return;
        }
        process.exitCode = await runDemo({
          instances: opts.instances,
          out: opts.out,
          keep: opts.keep === true,
          ebs: opts.ebs === true,
        });
      },
    );
}
