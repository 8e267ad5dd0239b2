import { captureSnapshot, DiscoveryError, snapshotDirProblem, writeSnapshotDir } from "@vigil/agent";
import type { Command } from "commander";
import { progressRenderer } from "../report/index.ts";
import { addSourceOptions, openSource, type SourceOptions, UsageError } from "./scan-source.ts";

export interface SnapshotCommandOptions extends SourceOptions {
  out?: string;
  progress?: boolean;
}

/** `vigil snapshot --out DIR`: the scan's own read-only calls, written in the docs/snapshot-format.md layout. */
export async function runSnapshotCommand(
  options: SnapshotCommandOptions,
  io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    if (!options.out) throw new UsageError("--out DIR is required");
    if (options.snapshot !== undefined)
      throw new UsageError("--snapshot is a scan source; a snapshot is taken from --aws/--profile or --demo");
    // Before the capture, which takes minutes on a real account, not after it.
    const problem = await snapshotDirProblem(options.out);
    if (problem) throw new UsageError(`--out: ${problem}`);
    // A snapshot is of a real account unless --demo is asked for explicitly.
    const source = await openSource(options.demo ? options : { ...options, aws: true });
    const progress = options.progress === false ? undefined : progressRenderer(io.stderr);
    try {
      const snapshot = await captureSnapshot({
        clients: source.clients,
        ...(source.regions ? { regions: source.regions } : {}),
        ...(progress ? { onProgress: progress.onProgress } : {}),
      });
      progress?.done();
      const files = await writeSnapshotDir(snapshot, options.out);
      const unread = snapshot.deniedCalls.length + snapshot.failedCalls.length;
      io.stdout.write(
        `wrote ${files} files for account ${snapshot.accountId} (${snapshot.regions.length} regions) to ${options.out}` +
          `${unread > 0 ? `; ${unread} call(s) could not be captured (below)` : ""}\n`,
      );
      if (snapshot.deniedCalls.length > 0) {
        io.stderr.write(
          `${snapshot.deniedCalls.length} call(s) were denied; their files are missing from the snapshot:\n  ${snapshot.deniedCalls.map((c) => `${c.path} (${c.code})`).join("\n  ")}\n`,
        );
      }
      if (snapshot.failedCalls.length > 0) {
        io.stderr.write(
          `${snapshot.failedCalls.length} call(s) failed; their files hold AWS's error:\n  ${snapshot.failedCalls.map((c) => `${c.path} (${c.code}: ${c.message})`).join("\n  ")}\n`,
        );
      }
      return 0;
    } finally {
      source.clients.destroy();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`vigil snapshot: ${error.message}\n(run \`vigil snapshot --help\` for usage)\n`);
      return 64;
    }
    io.stderr.write(
      `vigil snapshot: ${error instanceof DiscoveryError || error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

export function register(program: Command): void {
  const command = program
    .command("snapshot")
    .description(
      "Write an account snapshot directory (read-only calls; layout: docs/snapshot-format.md) from a real account, or --demo",
    )
    .option("--out <dir>", "directory to write")
    .option("--no-progress", "no live progress on stderr");
  addSourceOptions(command).action(async (options: SnapshotCommandOptions) => {
    process.exitCode = await runSnapshotCommand(options);
  });
}
