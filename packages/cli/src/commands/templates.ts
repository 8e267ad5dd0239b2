import { resolve } from "node:path";
import {
  buildRelease,
  LAMBDA_ENTRIES,
  MissingEntryError,
  permissionSetDocument,
  writeRelease,
} from "@vigil/infra";
import type { Command } from "commander";
import { releaseCreatedAt, repoRoot, VIGIL_VERSION } from "./release-options.ts";

export function register(program: Command): void {
  program
    .command("templates")
    .description(
      "Build the release (Lambda zips, CloudFormation templates, permissions, manifest) into dist/release/",
    )
    .option("--permissions", "print only the IAM permission set as JSON and exit")
    .option("--out <dir>", "output directory", "dist/release")
    .option("--release-version <version>", "release version", VIGIL_VERSION)
    .option("--only <names>", "comma-separated Lambdas to build (agent,updater); empty for templates only")
    .action(async (opts: { permissions?: boolean; out: string; releaseVersion: string; only?: string }) => {
      if (opts.permissions) {
        process.stdout.write(`${JSON.stringify(permissionSetDocument(opts.releaseVersion), null, 2)}\n`);
        return;
      }
      const wanted = opts.only === undefined ? undefined : opts.only.split(",").filter(Boolean);
      const entries = LAMBDA_ENTRIES.filter((e) => wanted === undefined || wanted.includes(e.name));
      try {
        const release = await buildRelease({
          version: opts.releaseVersion,
          root: repoRoot(),
          entries,
          createdAt: releaseCreatedAt(),
        });
        const written = writeRelease(release, resolve(repoRoot(), opts.out));
        for (const f of release.manifest.files)
          process.stdout.write(`${f.sha256}  ${String(f.size).padStart(9)}  ${f.name}\n`);
        process.stdout.write(`wrote ${written.length} files to ${resolve(repoRoot(), opts.out)}\n`);
      } catch (err) {
        if (err instanceof MissingEntryError) {
          process.stderr.write(`${err.message}\n`);
          process.exitCode = 1;
          return;
        }
        throw err;
      }
    });
}
