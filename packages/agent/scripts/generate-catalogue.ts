/**
 * Builds `src/checks/catalogue.ts` from the check folders. A check is a folder named by its id:
 * `vigil.<service>.<name>` lives in `src/checks/<service>/<name>/`, with `check.ts` (its metadata and
 * the pure check, exporting that one check) and `cases.ts` (its compliant and non-compliant cases,
 * built from AWS's answers through the collector). Files directly in a service folder are the
 * service's shared helpers; the one exception is `os/`, whose checks are families (`os/<topic>.ts`
 * exporting a list) with filesystem cases in `tests/os/`. `_cases/` holds the case builders.
 * Run it after adding a check:
 *
 *   npx tsx scripts/generate-catalogue.ts
 *
 * The catalogue test fails when the committed catalogue differs from what this finds, when a
 * folder's name differs from its check's id, when a folder lacks its cases or they name another
 * check, or when a family lives outside `os/`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CheckCase } from "../src/checks/_cases/case.ts";

export const CHECKS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "checks");
/** The one service folder whose checks are families (OS checks, decided from disks, cased from filesystem trees). */
export const FAMILY_FOLDERS: readonly string[] = ["os"];
const NOT_A_SERVICE = new Set(["_cases"]);

interface CheckLike {
  id: string;
  evaluate: unknown;
}

/** One export that goes into the catalogue. */
export interface CatalogueEntry {
  /** Path under `src/checks`, e.g. `s3/bucket-versioning-enabled/check.ts`. */
  module: string;
  exportName: string;
  /** A family's list (spread into the catalogue) rather than one check. */
  family: boolean;
  ids: string[];
}

/** A module that exports checks: a check folder's `check.ts`, or a family. */
export interface CheckModule {
  module: string;
  /** The service folder. */
  folder: string;
  /** The check folder's name, for a `check.ts`; undefined for a family module. */
  checkFolder?: string;
  checkIds: string[];
}

/** A check folder's cases, as its `cases.ts` exports them. */
export interface FolderCases {
  /** `<service>/<name>`. */
  folder: string;
  /** The id the folder names: `vigil.<service>.<name>`. */
  id: string;
  /** Undefined when the folder has no `cases.ts`. */
  cases?: readonly CheckCase[];
}

const isCheck = (x: unknown): x is CheckLike =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as CheckLike).id === "string" &&
  (x as CheckLike).id.startsWith("vigil.") &&
  typeof (x as CheckLike).evaluate === "function";

/** `export const NAME` in the order the module declares them (a namespace's keys are sorted). */
function declaredExports(source: string): string[] {
  return [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1] as string);
}

const dirsIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

function serviceFolders(dir: string): string[] {
  return dirsIn(dir).filter((d) => !NOT_A_SERVICE.has(d));
}

/** The checks a module exports, lists first (they keep the family's order), then checks exported alone. */
async function exportedChecks(
  path: string,
): Promise<{ name: string; checks: CheckLike[]; family: boolean }[]> {
  const ns = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const names = declaredExports(readFileSync(path, "utf8"));
  const ordered = [
    ...names.filter((n) => Array.isArray(ns[n])),
    ...names.filter((n) => !Array.isArray(ns[n])),
  ];
  const out: { name: string; checks: CheckLike[]; family: boolean }[] = [];
  for (const name of ordered) {
    const value = ns[name];
    const checks = isCheck(value)
      ? [value]
      : Array.isArray(value) && value.length > 0 && value.every(isCheck)
        ? (value as CheckLike[])
        : [];
    if (checks.length > 0) out.push({ name, checks, family: !isCheck(value) });
  }
  return out;
}

export async function discoverCatalogue(
  dir = CHECKS_DIR,
): Promise<{ entries: CatalogueEntry[]; modules: CheckModule[] }> {
  const entries: CatalogueEntry[] = [];
  const modules: CheckModule[] = [];
  const seen = new Set<string>();
  const add = (module: string, exports: Awaited<ReturnType<typeof exportedChecks>>): string[] => {
    const ids = new Set<string>();
    for (const { name, checks, family } of exports) {
      for (const c of checks) ids.add(c.id);
      const fresh = checks.filter((c) => !seen.has(c.id));
      if (fresh.length === 0) continue;
      if (fresh.length !== checks.length)
        throw new Error(
          `${module}: ${name} lists checks already in the catalogue and new ones; export each check once, or the family whole`,
        );
      for (const c of checks) seen.add(c.id);
      entries.push({ module, exportName: name, family, ids: checks.map((c) => c.id) });
    }
    return [...ids];
  };
  for (const folder of serviceFolders(dir)) {
    // A check folder: <service>/<name>/check.ts.
    for (const checkFolder of dirsIn(join(dir, folder))) {
      const path = join(dir, folder, checkFolder, "check.ts");
      if (!existsSync(path)) continue;
      const module = `${folder}/${checkFolder}/check.ts`;
      modules.push({ module, folder, checkFolder, checkIds: add(module, await exportedChecks(path)) });
    }
    // Files beside the folders: helpers, or (in os/) families.
    const files = readdirSync(join(dir, folder))
      .filter((f) => f.endsWith(".ts") && f !== "index.ts") // an index gathers what its folder exports
      .sort();
    for (const file of files) {
      const module = `${folder}/${file}`;
      const ids = add(module, await exportedChecks(join(dir, folder, file)));
      if (ids.length > 0) modules.push({ module, folder, checkIds: ids });
    }
  }
  return { entries, modules };
}

/** Every check folder's cases (`<service>/<name>/cases.ts`, its `cases` export). */
export async function discoverCases(dir = CHECKS_DIR): Promise<FolderCases[]> {
  const out: FolderCases[] = [];
  for (const folder of serviceFolders(dir)) {
    for (const name of dirsIn(join(dir, folder))) {
      if (!existsSync(join(dir, folder, name, "check.ts"))) continue;
      const path = join(dir, folder, name, "cases.ts");
      const id = `vigil.${folder}.${name}`;
      if (!existsSync(path)) {
        out.push({ folder: `${folder}/${name}`, id });
        continue;
      }
      const ns = (await import(pathToFileURL(path).href)) as { cases?: readonly CheckCase[] };
      out.push({ folder: `${folder}/${name}`, id, cases: ns.cases ?? [] });
    }
  }
  return out;
}

export function renderCatalogue(entries: readonly CatalogueEntry[]): string {
  const imports = new Map<string, string[]>();
  for (const e of entries) imports.set(e.module, [...(imports.get(e.module) ?? []), e.exportName]);
  const lines = [
    "// Generated by scripts/generate-catalogue.ts from the check folders: do not edit by hand.",
    'import type { AnyCheck } from "./check.ts";',
    ...[...imports].map(([module, names]) => `import { ${names.sort().join(", ")} } from "./${module}";`),
    "",
    "/** Every check, from the folders under src/checks (path order; a family in its declaration order). */",
    "export const CATALOGUE: readonly AnyCheck[] = Object.freeze([",
    ...entries.map((e) => `  ${e.family ? "..." : ""}${e.exportName},`),
    "]);",
    "",
  ];
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { entries } = await discoverCatalogue();
  const out = join(CHECKS_DIR, "catalogue.ts");
  writeFileSync(out, renderCatalogue(entries));
  execFileSync("npx", ["biome", "check", "--write", out], { stdio: "inherit" });
  const count = entries.reduce((t, e) => t + e.ids.length, 0);
  console.log(`catalogue.ts: ${count} checks from ${new Set(entries.map((e) => e.module)).size} modules`);
}
