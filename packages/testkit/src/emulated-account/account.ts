import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { EventBridgeClient, ListRulesCommand, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { LambdaRunner, type LambdaRunnerOptions } from "./lambda-runner.ts";

/**
 * The emulated AWS account for installs: `moto_server` (moto 5.2, in the launcher next to this file)
 * holds the account's state and answers CloudFormation, S3, IAM, STS, Lambda, SQS, SNS, EventBridge,
 * SSM, DynamoDB, EC2 and Auto Scaling; the Lambda runner runs the functions' own zips in Node 22.
 * Deliveries (SNS subscriptions with their filter policies, EventBridge rules and their targets,
 * custom resources) happen as the deployed resources say; see moto_launcher.py.
 */
export interface EmulatedAccount {
  readonly endpoint: string;
  readonly region: string;
  readonly accountId: string;
  readonly runner: LambdaRunner;
  /** For SDK clients in the test process: `new S3Client(account.clientConfig())`. */
  clientConfig(): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    forcePathStyle: true;
  };
  /**
   * Fires schedule rules (moto runs none): a Scheduled Event for each enabled rule with a schedule whose
   * name matches, put on the default bus as EventBridge would; returns the rules fired.
   */
  fireSchedules(namePattern: RegExp): Promise<string[]>;
  /** Puts an event on the default bus (e.g. an EC2 state-change notification). */
  putEvent(event: {
    source: string;
    detailType: string;
    detail: unknown;
    resources?: string[];
  }): Promise<void>;
  /** The last 500 KB moto wrote to stderr (its request log and tracebacks), for a failing test's message. */
  motoLog(): string;
  stop(): Promise<void>;
}

export interface EmulatedAccountOptions {
  readonly region?: string;
  readonly onLog?: LambdaRunnerOptions["onLog"];
  readonly maxConcurrent?: number;
}

export const EMULATED_ACCOUNT_ID = "123456789012";
const LAUNCHER = join(import.meta.dirname, "moto_launcher.py");

/** moto is missing or too old: say what to install, before any test starts. */
export class MotoMissingError extends Error {
  override readonly name = "MotoMissingError";
}

export function checkMoto(): string {
  try {
    return execFileSync("python3", ["-c", "import moto, werkzeug; print(moto.__version__)"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  } catch {
    throw new MotoMissingError(
      "the emulated AWS account needs moto 5 for Python 3 (`moto_server`). Install it: pip install 'moto[server]>=5.2,<6'",
    );
  }
}

export async function startEmulatedAccount(options: EmulatedAccountOptions = {}): Promise<EmulatedAccount> {
  const version = checkMoto();
  if (!/^5\./.test(version))
    throw new MotoMissingError(`moto ${version} found; the emulated account needs moto 5`);
  const region = options.region ?? "us-east-1";
  const work = mkdtempSync(join(tmpdir(), "vigil-account-"));
  let endpoint = "";
  const runner = await LambdaRunner.start({
    awsEndpoint: () => endpoint,
    workDir: join(work, "runner"),
    ...(options.onLog ? { onLog: options.onLog } : {}),
    ...(options.maxConcurrent !== undefined ? { maxConcurrent: options.maxConcurrent } : {}),
  });
  const child: ChildProcess = spawn("python3", [LAUNCHER], {
    env: {
      ...process.env,
      VIGIL_LAMBDA_RUNNER_URL: runner.url,
      VIGIL_LAMBDA_CODE_DIR: join(work, "zips"),
      AWS_DEFAULT_REGION: region,
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
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => reject(new Error(`moto did not start within 60 s: ${stderr}`)), 60_000);
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
  endpoint = `http://127.0.0.1:${port}`;
  const clientConfig = () => ({
    endpoint,
    region,
    credentials: { accessKeyId: "emulated", secretAccessKey: "emulated" },
    forcePathStyle: true as const,
  });
  const events = new EventBridgeClient(clientConfig());
  return {
    endpoint,
    region,
    accountId: EMULATED_ACCOUNT_ID,
    runner,
    clientConfig,
    async fireSchedules(namePattern) {
      const fired: string[] = [];
      let token: string | undefined;
      do {
        const page = await events.send(new ListRulesCommand({ NextToken: token }));
        for (const rule of page.Rules ?? []) {
          if (!rule.ScheduleExpression || rule.State !== "ENABLED" || !namePattern.test(rule.Name ?? ""))
            continue;
          await events.send(
            new PutEventsCommand({
              Entries: [
                {
                  Source: "aws.events",
                  DetailType: "Scheduled Event",
                  Detail: "{}",
                  Resources: [rule.Arn ?? ""],
                },
              ],
            }),
          );
          fired.push(rule.Name ?? "");
        }
        token = page.NextToken;
      } while (token);
      return fired;
    },
    async putEvent(event) {
      await events.send(
        new PutEventsCommand({
          Entries: [
            {
              Source: event.source,
              DetailType: event.detailType,
              Detail: JSON.stringify(event.detail),
              Resources: event.resources ?? [],
            },
          ],
        }),
      );
    },
    motoLog: () => stderr,
    async stop() {
      events.destroy();
      child.kill("SIGTERM");
      await runner.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
