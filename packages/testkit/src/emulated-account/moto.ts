import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** moto is missing or too old: say what to install, before any test starts. */
export class MotoMissingError extends Error {
  override readonly name = "MotoMissingError";
}

/** moto's version, or a `MotoMissingError` with the install command. */
export function checkMoto(): string {
  let version: string;
  try {
    version = execFileSync("python3", ["-c", "import moto, werkzeug; print(moto.__version__)"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  } catch {
    throw new MotoMissingError(
      "the emulated AWS account needs moto 5 for Python 3 (`moto_server`). Install it: pip install 'moto[server]>=5.2,<6'",
    );
  }
  if (!/^5\./.test(version))
    throw new MotoMissingError(`moto ${version} found; the emulated account needs moto 5`);
  return version;
}

export interface MotoServer {
  /** `http://127.0.0.1:<port>`: moto listens on loopback only. */
  readonly endpoint: string;
  /** The last 500 KB moto wrote to stderr (its request log and tracebacks). */
  log(): string;
  stop(): Promise<void>;
}

const LAUNCHER = join(import.meta.dirname, "moto_launcher.py");

/**
 * Starts moto (moto_launcher.py: moto's server plus what it lacks, see there) on a free loopback
 * port. Without `lambdaRunnerUrl`, invoking a function fails (nothing runs code).
 */
export async function startMoto(
  options: { region?: string; lambdaRunnerUrl?: string; codeDir?: string } = {},
): Promise<MotoServer> {
  checkMoto();
  const child: ChildProcess = spawn("python3", [LAUNCHER], {
    env: {
      ...process.env,
      VIGIL_LAMBDA_RUNNER_URL: options.lambdaRunnerUrl ?? "",
      VIGIL_LAMBDA_CODE_DIR: options.codeDir ?? "",
      AWS_DEFAULT_REGION: options.region ?? "us-east-1",
      AWS_ACCESS_KEY_ID: "emulated",
      AWS_SECRET_ACCESS_KEY: "emulated",
      PYTHONUNBUFFERED: "1",
      // A new account owns no images: moto's catalogue of public AMIs would otherwise appear as the
      // account's own snapshots (~1,200 of them).
      MOTO_EC2_LOAD_DEFAULT_AMIS: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString("utf8")).slice(-500_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`moto did not start within 60 s: ${stderr}`));
    }, 60_000);
    lines.once("line", (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { port: number }).port);
      } catch {
        reject(new Error(`moto launcher printed ${line}: ${stderr}`));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`moto launcher exited (${code}): ${stderr}`));
    });
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    log: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
