/**
 * The bundle budgets from the design, and a breakdown of what fills a bundle (esbuild's metafile
 * grouped by package), so a bundle over budget says where its bytes went.
 */
import type { Metafile } from "esbuild";

const KB = 1024;

/** Size of `index.mjs` (minified, SDK inside) per function, in bytes. */
export const BUNDLE_BUDGETS: Readonly<Record<string, number>> = { agent: 800 * KB, updater: 300 * KB };

/** Median time for a fresh `node` process to import a bundle. Measured by the bench, never in tests. */
export const COLD_IMPORT_BUDGET_MS = 150;

export interface BundleShare {
  /** npm package (`@smithy/core`), or the workspace folder (`packages/events/src/contracts`). */
  readonly source: string;
  readonly bytes: number;
}

/** Where a metafile's path belongs: its npm package, else its folder. */
export function sourceOf(path: string): string {
  const pkg = path.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pkg?.[1]) return pkg[1];
  const slash = path.lastIndexOf("/");
  return slash < 0 ? path : path.slice(0, slash);
}

/**
 * Output bytes per source, largest first: in what a cold start loads (`index.mjs` and the chunks it
 * imports statically, transitively; not the targets of `import()`), or in every output file with
 * `scope: "all"`. `group` decides what counts as one source.
 */
export function bundleBreakdown(
  metafile: Metafile,
  group: (path: string) => string = sourceOf,
  scope: "cold-start" | "all" = "cold-start",
): BundleShare[] {
  const cold = new Set<string>(scope === "all" ? Object.keys(metafile.outputs) : []);
  const visit = (path: string) => {
    if (cold.has(path)) return;
    cold.add(path);
    for (const i of metafile.outputs[path]?.imports ?? [])
      if (i.kind === "import-statement" && !i.external) visit(i.path);
  };
  for (const [path, output] of Object.entries(metafile.outputs))
    if (output.entryPoint && path.endsWith("/index.mjs")) visit(path);
  const bytes = new Map<string, number>();
  for (const path of cold) {
    for (const [input, share] of Object.entries(metafile.outputs[path]?.inputs ?? {})) {
      if (share.bytesInOutput === 0) continue;
      const source = group(input);
      bytes.set(source, (bytes.get(source) ?? 0) + share.bytesInOutput);
    }
  }
  return [...bytes]
    .map(([source, n]) => ({ source, bytes: n }))
    .sort((a, b) => b.bytes - a.bytes || (a.source < b.source ? -1 : 1));
}
