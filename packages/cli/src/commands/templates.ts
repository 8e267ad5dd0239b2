import { resolve } from "node:path";
import {
  buildRelease,
  LAMBDA_ENTRIES,
  MissingEntryError,
  permissionSetDocument,
  writeRelease,
} from "@vigil/infra";
import { type Command, InvalidArgumentError } from "commander";
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
    .option(
      "--only <names>",
      `comma-separated bundles to build (${LAMBDA_ENTRIES.map((e) => e.name).join(", ")}); empty for templates only`,
      bundleNames,
    )
    .action(async (opts: { permissions?: boolean; out: string; releaseVersion: string; only?: string[] }) => {
      if (opts.permissions) {
        process.stdout.write(`${JSON.stringify(permissionSetDocument(opts.releaseVersion), null, 2)}\n`);
        return;
      }
      const wanted = opts.only;
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

/** `--only`: names of the release's bundles; a misspelt one is refused rather than silently not built. */
function bundleNames(value: string): string[] {
  const names = value
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  const known = LAMBDA_ENTRIES.map((e) => e.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0)
    throw new InvalidArgumentError(
      `unknown bundle ${unknown.join(", ")}: the release's are ${known.join(", ")}.`,
    );
  return names;
}
