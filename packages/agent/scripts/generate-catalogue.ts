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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CheckCase } from "../src/checks/_cases/case.ts";

export const CHECKS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "checks");
/** The one service folder whose checks are families (OS checks, decided from disks, cased from filesystem trees). */
export const FAMILY_FOLDERS: readonly string[] = ["os"];
const NOT_A_SERVICE = new Set(["_cases", "services"]);

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

const GENERATED =
  "// Generated by scripts/generate-catalogue.ts from the check folders: do not edit by hand.";
const exportNameOf = (service: string) => `${service.replace(/[^a-z0-9]/g, "_")}Checks`;

/** `services/<service>.ts`: one service's checks, the chunk a shard loads. */
export function renderService(service: string, entries: readonly CatalogueEntry[]): string {
  const mine = entries.filter((e) => e.module.startsWith(`${service}/`));
  const imports = new Map<string, string[]>();
  for (const e of mine) imports.set(e.module, [...(imports.get(e.module) ?? []), e.exportName]);
  return [
    GENERATED,
    'import type { AnyCheck } from "../check.ts";',
    ...[...imports].map(([module, names]) => `import { ${names.sort().join(", ")} } from "../${module}";`),
    "",
    `/** The ${service} checks (path order; a family in its declaration order). */`,
    "export const CHECKS: readonly AnyCheck[] = Object.freeze([",
    ...mine.map((e) => `  ${e.family ? "..." : ""}${e.exportName},`),
    "]);",
    "",
  ].join("\n");
}

/** `services/index.ts`: each service's checks behind `import()`. */
export function renderServiceLoaders(services: readonly string[]): string {
  return [
    GENERATED,
    'import type { AnyCheck } from "../check.ts";',
    "",
    "/** Each service's checks, loaded with the shard that scans it (a chunk of its own in the agent bundle). */",
    "export const SERVICE_CHECKS: Readonly<Record<string, () => Promise<{ CHECKS: readonly AnyCheck[] }>>> = {",
    ...services.map((s) => `  ${JSON.stringify(s)}: () => import("./${s}.ts"),`),
    "};",
    "",
  ].join("\n");
}

/** `catalogue.ts`: every check, the services in path order. */
export function renderCatalogue(entries: readonly CatalogueEntry[]): string {
  const services = [...new Set(entries.map((e) => e.module.split("/")[0] as string))];
  return [
    GENERATED,
    'import type { AnyCheck } from "./check.ts";',
    ...services.map((s) => `import { CHECKS as ${exportNameOf(s)} } from "./services/${s}.ts";`),
    "",
    "/** Every check, from the folders under src/checks (path order; a family in its declaration order). */",
    "export const CATALOGUE: readonly AnyCheck[] = Object.freeze([",
    ...services.map((s) => `  ...${exportNameOf(s)},`),
    "]);",
    "",
  ].join("\n");
}

interface IndexedCheck {
  id: string;
  resourceType: string;
  severity: string;
  mappings: object;
}

/** `check-index.ts`: what selection, policies and frameworks need of every check, without its code or text. */
export function renderIndex(checks: readonly IndexedCheck[]): string {
  return [
    GENERATED,
    'import type { CheckEntry } from "./check.ts";',
    "",
    "/** Every check's id, resource type, severity and mappings, in catalogue order (the agent's cold start holds only these). */",
    "export const CHECK_INDEX: readonly CheckEntry[] = Object.freeze([",
    ...checks.map(
      (c) =>
        `  ${JSON.stringify({ id: c.id, resourceType: c.resourceType, severity: c.severity, mappings: c.mappings })},`,
    ),
    "]) as readonly CheckEntry[];",
    "",
  ].join("\n");
}

/** Every generated file, by path under `src/checks`. */
export async function renderAll(dir = CHECKS_DIR): Promise<Map<string, string>> {
  const { entries } = await discoverCatalogue(dir);
  const services = [...new Set(entries.map((e) => e.module.split("/")[0] as string))];
  const out = new Map<string, string>();
  for (const s of services) out.set(`services/${s}.ts`, renderService(s, entries));
  out.set("services/index.ts", renderServiceLoaders(services));
  out.set("catalogue.ts", renderCatalogue(entries));
  const checks: IndexedCheck[] = [];
  for (const s of services) {
    for (const e of entries.filter((x) => x.module.startsWith(`${s}/`))) {
      const ns = (await import(pathToFileURL(join(dir, e.module)).href)) as Record<string, unknown>;
      const value = ns[e.exportName];
      checks.push(...((Array.isArray(value) ? value : [value]) as IndexedCheck[]));
    }
  }
  out.set("check-index.ts", renderIndex(checks));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await renderAll();
  rmSync(join(CHECKS_DIR, "services"), { recursive: true, force: true });
  mkdirSync(join(CHECKS_DIR, "services"), { recursive: true });
  for (const [path, text] of files) writeFileSync(join(CHECKS_DIR, path), text);
  execFileSync("npx", ["biome", "check", "--write", ...[...files.keys()].map((p) => join(CHECKS_DIR, p))], {
    stdio: "inherit",
  });
  const { entries } = await discoverCatalogue();
  const count = entries.reduce((t, e) => t + e.ids.length, 0);
  console.log(`catalogue.ts: ${count} checks from ${new Set(entries.map((e) => e.module)).size} modules`);
}
