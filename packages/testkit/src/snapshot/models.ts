/**
 * AWS's own API models, as botocore ships them (`<data>/<service>/<api-version>/service-2.json`,
 * or `service-2.json.gz` in newer wheels). The project reads the botocore that moto runs on (pip
 * installs it with `moto[server]`): current models, so the simulated account is checked against the
 * API as AWS serves it today. `BOTOCORE_DATA` points elsewhere.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * The oldest botocore whose models the simulated account validates against: it answers with
 * members AWS added up to then (Redshift's `MultiAZ`, EC2's VPC Block Public Access options,
 * Kinesis' `StreamSummaries`), which older models refuse as unknown.
 */
export const MIN_BOTOCORE_VERSION = "1.36.0";

/** The command that installs current models (moto needs botocore anyway; `.ci/run` runs it). */
export const INSTALL_BOTOCORE_COMMAND = `pip install 'moto[server]>=5.2,<6' 'botocore>=${MIN_BOTOCORE_VERSION}'`;

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

/** `1.43.11` before `1.36.0`? (numeric, part by part) */
export function olderVersion(version: string, than: string): boolean {
  const a = version.split(".").map(Number);
  const b = than.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/** The botocore version of a data directory inside a botocore package (`<botocore>/data`), if it is one. */
export function botocoreVersionOf(dataDir: string): string | undefined {
  try {
    const text = readFileSync(join(dataDir, "..", "__init__.py"), "utf8");
    return /^__version__\s*=\s*['"]([^'"]+)['"]/m.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

/** What `python3` answered, asked once per process: `null` until then. */
let pythonData: string | undefined | null = null;

/** The data directory of the botocore Python imports (the one moto runs on), if there is one (asked once). */
export function pythonBotocoreData(): string | undefined {
  if (pythonData === null) pythonData = askPython();
  return pythonData;
}

function askPython(): string | undefined {
  try {
    const dir = execFileSync(
      "python3",
      ["-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 60_000 },
    ).trim();
    return dir === "" ? undefined : dir;
  } catch {
    return undefined;
  }
}

/**
 * The botocore data directory: `explicit` if given, else `$BOTOCORE_DATA`, else the data directory
 * of the botocore Python imports. Throws {@link BotocoreModelsNotFoundError}, naming the command
 * that installs current models, if the chosen directory holds no models or its botocore is older
 * than {@link MIN_BOTOCORE_VERSION}.
 */
export function locateBotocoreModels(
  explicit?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  fromPython: () => string | undefined = pythonBotocoreData,
): string {
  const install = `install current ones (botocore ${MIN_BOTOCORE_VERSION} or later, as moto brings it) with:\n  ${INSTALL_BOTOCORE_COMMAND}`;
  const checked = (dir: string, what: string): string => {
    if (!hasModels(dir))
      throw new BotocoreModelsNotFoundError(`${what} holds no botocore models (no iam/ in it); ${install}`);
    const version = botocoreVersionOf(dir);
    if (version !== undefined && olderVersion(version, MIN_BOTOCORE_VERSION))
      throw new BotocoreModelsNotFoundError(
        `${what} holds botocore ${version}'s models, older than the API the simulated account answers with; ${install}`,
      );
    return dir;
  };
  if (explicit) return checked(explicit, explicit);
  const fromEnv = env.BOTOCORE_DATA;
  if (fromEnv) return checked(fromEnv, `BOTOCORE_DATA=${fromEnv}`);
  const python = fromPython();
  if (python !== undefined && existsSync(python)) return checked(python, `Python's botocore (${python})`);
  throw new BotocoreModelsNotFoundError(
    `AWS's API models not found: BOTOCORE_DATA is unset and python3 cannot import botocore; ${install}\n(or set BOTOCORE_DATA to a botocore data directory)`,
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
