import type { Command } from "commander";
import { DEFAULT_DEMO_REPORT, runDemo } from "../demo/run.ts";

/** `vigil demo`: the whole flow on the local stack, with the report printed. */
export function register(program: Command): void {
  program
    .command("demo")
    .description(
      "Scan the simulated account through the local AWS stack: registration, agent scan, events over SNS/SQS, event log, projections, report",
    )
    .option("--seed <seed>", "simulated account generator seed", "demo")
    .option("--regions <n>", "regions in the simulated account", "3")
    .option("--assets <n>", "EC2 instances per region (the rest of the account scales with it)", "4")
    .option("--out <file>", "where to write the HTML report", DEFAULT_DEMO_REPORT)
    .option("--keep", "keep the platform and its dashboard running until Ctrl-C")
    .option("--update", "also publish a release to the local S3, apply it, and show a tampered one refused")
    .action(
      async (opts: {
        seed: string;
        regions: string;
        assets: string;
        out: string;
        keep?: boolean;
        update?: boolean;
      }) => {
        const regions = Number(opts.regions);
        const assets = Number(opts.assets);
        if (!Number.isInteger(regions) || regions < 1 || !Number.isInteger(assets) || assets < 1) {
          program.error(
            "vigil demo: --regions and --assets take whole numbers ≥ 1 (see `vigil demo --help`)",
            {
              exitCode: 64,
            },
          );
        }
        process.exitCode = await runDemo({
          seed: opts.seed,
          regions,
          assets,
          out: opts.out,
          keep: opts.keep === true,
          update: opts.update === true,
        });
      },
    );
}
