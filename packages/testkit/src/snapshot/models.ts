/**
 * AWS's own API models, as botocore ships them (`<data>/<service>/<api-version>/service-2.json`,
 * or `service-2.json.gz` in newer wheels). The project uses Debian's python3-botocore, unpacked
 * (never installed) into `<repo>/.botocore`; `BOTOCORE_DATA` points elsewhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";

/** The repository root (this file is `packages/testkit/src/snapshot/models.ts`, or its build in `dist/`). */
export const REPO_ROOT = resolve(import.meta.dirname, "../../../..");

/** Where `.ci/run` (and the command below) unpacks the models, relative to the repository root. */
export const BOTOCORE_DATA_IN_REPO = ".botocore/usr/lib/python3/dist-packages/botocore/data";

/** The commands that fetch the models, run from the repository root (the same as `.ci/run`). */
export const FETCH_BOTOCORE_COMMANDS =
  "mkdir -p .botocore && cd .botocore && apt-get download python3-botocore && dpkg -x python3-botocore_*.deb .";

/** No botocore data directory where one was looked for; the message says what to run. */
export class BotocoreModelsNotFoundError extends Error {
  override readonly name = "BotocoreModelsNotFoundError";
}

export interface ShapeRef {
  readonly shape: string;
}

/** The parts of a botocore shape the validator reads. */
export interface Shape {
  readonly type: string;
  readonly members?: Readonly<Record<string, ShapeRef>>;
  readonly required?: readonly string[];
  readonly member?: ShapeRef;
  readonly key?: ShapeRef;
  readonly value?: ShapeRef;
  readonly enum?: readonly string[];
}

/** The parts of a `service-2.json` the validator reads. */
export interface ServiceDefinition {
  readonly operations: Readonly<Record<string, { readonly output?: ShapeRef }>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

export interface ServiceModel extends ServiceDefinition {
  /** The model's name (its directory under the data directory, e.g. `s3`, `config`). */
  readonly name: string;
  /** The API version directory the model was read from (the newest one). */
  readonly version: string;
  /** Operation names by their lower-cased name: `listusers` -> [`ListUsers`]. */
  readonly operationsByLowerName: ReadonlyMap<string, readonly string[]>;
}

/** A set of service models, read on demand. */
export interface BotocoreModels {
  /** Where the models come from (a directory, or a label for in-memory models). */
  readonly source: string;
  /** The model of one service (`iam`, `s3`, `config`, …), or undefined if there is none. */
  service(name: string): ServiceModel | undefined;
}

function hasModels(dir: string): boolean {
  // The same test as the Python validator this replaced: a data directory has an `iam` model.
  try {
    return statSync(join(dir, "iam")).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The botocore data directory: `explicit` if given, else `$BOTOCORE_DATA`, else
 * `<repoRoot>/.botocore/usr/lib/python3/dist-packages/botocore/data`. Throws
 * {@link BotocoreModelsNotFoundError}, naming the commands that fetch the models, if the chosen
 * directory holds no models.
 */
export function locateBotocoreModels(
  explicit?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  repoRoot: string = REPO_ROOT,
): string {
  const fetch = `fetch AWS's API models (Debian's python3-botocore, unpacked, not installed) with:\n  cd ${repoRoot} && ${FETCH_BOTOCORE_COMMANDS}`;
  if (explicit) {
    if (hasModels(explicit)) return explicit;
    throw new BotocoreModelsNotFoundError(`no botocore models in ${explicit} (no iam/ in it); ${fetch}`);
  }
  const fromEnv = env.BOTOCORE_DATA;
  if (fromEnv) {
    if (hasModels(fromEnv)) return fromEnv;
    throw new BotocoreModelsNotFoundError(
      `BOTOCORE_DATA=${fromEnv} holds no botocore models (no iam/ in it); point it at a botocore data directory, or unset it and ${fetch}`,
    );
  }
  const inRepo = join(repoRoot, BOTOCORE_DATA_IN_REPO);
  if (hasModels(inRepo)) return inRepo;
  throw new BotocoreModelsNotFoundError(
    `botocore models not found: BOTOCORE_DATA is unset and ${inRepo} does not exist; ${fetch}\n(or set BOTOCORE_DATA to a botocore data directory)`,
  );
}

function modelFile(versionDir: string): string | undefined {
  for (const name of ["service-2.json", "service-2.json.gz"]) {
    const path = join(versionDir, name);
    try {
      if (statSync(path).isFile()) return path;
    } catch {}
  }
  return undefined;
}

function indexOperations(definition: ServiceDefinition): Map<string, string[]> {
  const byLower = new Map<string, string[]>();
  for (const op of Object.keys(definition.operations)) {
    const key = op.toLowerCase();
    const ops = byLower.get(key);
    if (ops) ops.push(op);
    else byLower.set(key, [op]);
  }
  return byLower;
}

function serviceModel(name: string, version: string, definition: ServiceDefinition): ServiceModel {
  return {
    name,
    version,
    operations: definition.operations,
    shapes: definition.shapes,
    operationsByLowerName: indexOperations(definition),
  };
}

/** The models of a botocore data directory (each service read once, on first use). */
export function loadBotocoreModels(dir: string): BotocoreModels {
  const cache = new Map<string, ServiceModel | undefined>();
  return {
    source: dir,
    service(name) {
      if (cache.has(name)) return cache.get(name);
      let model: ServiceModel | undefined;
      const serviceDir = join(dir, name);
      if (name !== "" && existsSync(serviceDir) && statSync(serviceDir).isDirectory()) {
        const versions = readdirSync(serviceDir)
          .filter((v) => modelFile(join(serviceDir, v)) !== undefined)
          .sort();
        const version = versions.at(-1);
        if (version !== undefined) {
          const path = modelFile(join(serviceDir, version)) as string;
          const bytes = readFileSync(path);
          const text = (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
          model = serviceModel(name, version, JSON.parse(text) as ServiceDefinition);
        }
      }
      cache.set(name, model);
      return model;
    },
  };
}

/** Models given as objects (tests): `{ iam: { operations, shapes } }`, all at version `version`. */
export function inMemoryModels(
  services: Readonly<Record<string, ServiceDefinition>>,
  version = "2000-01-01",
): BotocoreModels {
  const models = new Map(
    Object.entries(services).map(([name, def]) => [name, serviceModel(name, version, def)] as const),
  );
  return { source: "(in-memory models)", service: (name) => models.get(name) };
}
