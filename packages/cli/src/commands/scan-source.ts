import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { type AwsClients, createAwsClients } from "@vigil/agent";
import { createSimulatedAccount, generateAccount, loadSnapshot } from "@vigil/testkit";

/** Where `vigil scan` and `vigil snapshot` read an account from. */
export interface SourceOptions {
  demo?: boolean;
  seed?: string;
  regions?: string;
  assets?: string;
  snapshot?: string;
  profile?: string;
  aws?: boolean;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface AccountSource {
  readonly clients: AwsClients;
  /** For the report: `demo (seed 1)`, `snapshot DIR`, `aws profile X`. */
  readonly description: string;
  /** Regions to restrict a real account to. */
  readonly regions?: readonly string[];
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${name} must be a positive whole number, got "${value}"`);
  return Number(value);
}

const DUMMY = { accessKeyId: "AKIAVIGILSIMULATED00", secretAccessKey: "simulated" };

export async function openSource(options: SourceOptions): Promise<AccountSource> {
  const real = options.aws === true || options.profile !== undefined;
  const chosen = [options.demo === true, options.snapshot !== undefined, real].filter(Boolean).length;
  if (chosen > 1)
    throw new UsageError("choose one account source: --demo, --snapshot DIR, or --aws/--profile");
  if (options.snapshot !== undefined) {
    const dir = options.snapshot;
    const exists = existsSync(dir);
    const isDir = exists && statSync(dir).isDirectory();
    if (!isDir || !existsSync(join(dir, "account.json"))) {
      const why = isDir
        ? "has no account.json, so it is not an account snapshot"
        : exists
          ? "is not a directory"
          : "does not exist";
      // A file in the way cannot become the snapshot's folder: the command names a placeholder.
      const out = exists && !isDir ? "<dir>" : dir;
      throw new UsageError(
        `--snapshot ${dir}: ${why}; write one with \`vigil snapshot --out ${out}\` (--demo or a real account; layout: docs/snapshot-format.md)`,
      );
    }
    const model = await loadSnapshot(dir);
    const account = createSimulatedAccount(model, { throttling: false });
    return {
      clients: createAwsClients({
        requestHandler: account.requestHandler,
        credentials: DUMMY,
        homeRegion: model.regions[0] ?? "us-east-1",
      }),
      description: `snapshot ${options.snapshot}`,
    };
  }
  if (real) {
    const regions = options.regions
      ?.split(",")
      .map((r) => r.trim())
      .filter((r) => r !== "");
    if (regions?.some((r) => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(r))) {
      throw new UsageError(
        `--regions for a real account is a comma-separated list of region names, got "${options.regions}"`,
      );
    }
    const clients = createAwsClients({
      homeRegion: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
      ...(options.profile !== undefined ? { profile: options.profile } : {}),
    });
    return {
      clients,
      description: options.profile ? `aws profile ${options.profile}` : "aws default credentials",
      ...(regions ? { regions } : {}),
    };
  }
  const seed = options.seed ?? "1";
  const regionCount = positiveInt(options.regions, "--regions", 2);
  const assetsPerRegion = positiveInt(options.assets, "--assets", 5);
  const model = generateAccount({
    seed: /^\d+$/.test(seed) ? Number(seed) : seed,
    regionCount,
    assetsPerRegion,
  });
  const account = createSimulatedAccount(model);
  return {
    clients: createAwsClients({ requestHandler: account.requestHandler, credentials: DUMMY }),
    description: `demo account (seed ${seed}, ${model.regions.length} regions, ${assetsPerRegion} instances per region)`,
  };
}

export function addSourceOptions<
  T extends { option(flags: string, description: string, defaultValue?: string): T },
>(command: T): T {
  return command
    .option("--demo", "the simulated account (default)")
    .option("--seed <seed>", "demo: generator seed", "1")
    .option("--regions <n|list>", "demo: number of regions; real account: comma-separated regions to scan")
    .option("--assets <n>", "demo: EC2 instances per region (other resources scale with it)")
    .option("--snapshot <dir>", "an account snapshot directory (layout: docs/snapshot-format.md)")
    .option("--aws", "a real account through the standard AWS credential chain (read-only calls)")
    .option("--profile <name>", "a real account through this AWS profile (read-only calls)");
}
