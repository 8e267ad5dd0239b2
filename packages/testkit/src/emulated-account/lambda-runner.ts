import { execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { extractZip } from "./unzip.ts";

/**
 * The part of Lambda that runs code, for the emulated account: moto keeps the functions (code,
 * environment, versions, aliases, policies) and posts every invocation here; each runs the function's
 * own zip in a fresh Node 22 process (the `nodejs22.x` runtime) with the environment the function was
 * given, a Lambda context and the function's timeout. Asynchronous invocations (SNS, EventBridge,
 * CloudFormation, `InvocationType: Event`) are queued and retried twice on error, as Lambda does.
 */

export interface EmulatedFunction {
  readonly functionName: string;
  /** The version's ARN (`…:function:<name>:<version>`, or unqualified for `$LATEST`). */
  readonly functionArn: string;
  /** The ARN the caller invoked (an alias ARN when invoked through one). */
  readonly invokedArn: string;
  readonly version: string;
  readonly handler: string;
  readonly runtime: string;
  /** Seconds. */
  readonly timeout: number;
  readonly memorySize: number;
  readonly region: string;
  readonly accountId: string;
  readonly environment: Readonly<Record<string, string>>;
  /** The function's zip, written by the moto launcher. */
  readonly codePath: string;
}

export type InvocationSource = "invoke" | "sns" | "events" | "cloudformation" | "sqs";

export interface Invocation {
  readonly id: string;
  readonly function: EmulatedFunction;
  readonly trigger: { readonly source: InvocationSource; readonly sourceArn?: string };
  readonly invocationType: "RequestResponse" | "Event";
  readonly event: unknown;
  /** 1 for the first try; async invocations are tried up to 3 times. */
  readonly attempt: number;
  status: "queued" | "running" | "succeeded" | "failed" | "timed-out";
  result?: unknown;
  error?: { type: string; message: string; phase: string; stack: string[] };
  durationMs?: number;
  logs: string;
}

/** A delivery the emulated account refused (a resource policy that does not allow the trigger). */
export interface DeliveryRefusal {
  readonly trigger: string;
  readonly target: string;
  readonly sourceArn: string;
  readonly reason: string;
}

export interface LambdaRunnerOptions {
  /** The emulated account's endpoint, given to every function as `AWS_ENDPOINT_URL`. */
  awsEndpoint(): string;
  /** Where code is unzipped and invocation files are written. */
  readonly workDir: string;
  /** Concurrent asynchronous invocations (default 3: this is a 2-core machine). */
  readonly maxConcurrent?: number;
  /** Lambda retries a failed asynchronous invocation twice. */
  readonly asyncRetries?: number;
  /** Every line a function prints (its CloudWatch log), e.g. for a demo or `VIGIL_RUNNER_LOGS=1`. */
  readonly onLog?: (functionName: string, line: string) => void;
}

const BOOTSTRAP = join(import.meta.dirname, "lambda-bootstrap.mjs");
const RUNTIME = "nodejs22.x";

let node22: Promise<string> | undefined;

/**
 * The Node 22 binary (`npx -y node@22`), resolved once: the runtime the functions are deployed on.
 * Copied out of npx's cache (another `npx` run may replace that directory while functions run).
 */
export function node22Binary(): Promise<string> {
  node22 ??= promisify(execFile)(
    "npx",
    ["-y", "node@22", "-p", 'process.execPath + "\\n" + process.version'],
    {
      timeout: 300_000,
    },
  )
    .then(({ stdout }) => {
      const [path = "", version = ""] = stdout.trim().split("\n");
      if (!existsSync(path)) throw new Error(`npx -y node@22 answered ${path}, which does not exist`);
      const dir = join(tmpdir(), `vigil-node-${version}`);
      const copy = join(dir, "node");
      if (!existsSync(copy)) {
        mkdirSync(dir, { recursive: true });
        const partial = `${copy}.${process.pid}`;
        copyFileSync(path, partial);
        chmodSync(partial, 0o755);
        renameSync(partial, copy);
      }
      return copy;
    })
    .catch((error: unknown) => {
      node22 = undefined;
      throw new Error(
        `Node 22 (the Lambda runtime the built zips run on) is not available: ${String(error)}. Run \`npx -y node@22 --version\` with access to the npm registry.`,
      );
    });
  return node22;
}

/**
 * The access key that acts in `accountId` in the emulated AWS (moto_launcher.py maps
 * `ASIA<account id>EMUL` to that account): several accounts of an organization in one moto.
 */
export function emulatedAccessKeyId(accountId: string): string {
  if (!/^\d{12}$/.test(accountId)) throw new Error(`not an account id: ${accountId}`);
  return `ASIA${accountId}EMUL`;
}

export class LambdaRunner {
  readonly #options: LambdaRunnerOptions;
  readonly #server: Server;
  readonly #invocations: Invocation[] = [];
  readonly #refusals: DeliveryRefusal[] = [];
  readonly #queue: (() => Promise<void>)[] = [];
  readonly #code = new Map<string, string>();
  #running = 0;
  #busy = 0;
  #lastActivity = Date.now();

  private constructor(options: LambdaRunnerOptions, server: Server) {
    this.#options = options;
    this.#server = server;
  }

  static async start(options: LambdaRunnerOptions): Promise<LambdaRunner> {
    mkdirSync(options.workDir, { recursive: true });
    await node22Binary();
    const server = createServer();
    const runner = new LambdaRunner(options, server);
    server.on("request", (req, res) => void runner.#handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return runner;
  }

  /** Where the moto launcher posts invocations. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Every invocation so far, oldest first (retries are separate entries). */
  invocations(filter: { functionName?: string; source?: InvocationSource } = {}): readonly Invocation[] {
    return this.#invocations.filter(
      (i) =>
        (filter.functionName === undefined || i.function.functionName === filter.functionName) &&
        (filter.source === undefined || i.trigger.source === filter.source),
    );
  }

  get refusals(): readonly DeliveryRefusal[] {
    return this.#refusals;
  }

  /**
   * Resolves once nothing runs, nothing is queued, the emulated AWS has no work pending that will
   * invoke functions (SQS pollers, StackSet operations) and no invocation has arrived for `quietMs`
   * (what one function does may trigger another: an SNS publish, an alias invoke).
   */
  async settle(options: { timeoutMs?: number; quietMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    const quiet = options.quietMs ?? 300;
    for (;;) {
      const idle = this.#busy === 0 && this.#queue.length === 0 && (await this.#awsIdle());
      if (idle && Date.now() - this.#lastActivity >= quiet) return;
      if (Date.now() > deadline) {
        const running = this.#invocations.filter((i) => i.status === "running" || i.status === "queued");
        throw new Error(
          `the emulated account's functions did not settle: ${running
            .map((i) => `${i.function.functionName} (${i.trigger.source}, ${i.status})`)
            .join(", ")}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Whether the emulated AWS has no pending work that invokes functions (moto_launcher.py reports it). */
  async #awsIdle(): Promise<boolean> {
    const endpoint = this.#options.awsEndpoint();
    if (!endpoint) return true;
    try {
      const res = await fetch(`${endpoint}/vigil-emulated/pending`);
      if (!res.ok) return true; // a moto without the launcher's endpoint
      return ((await res.json()) as { pending: number }).pending === 0;
    } catch {
      return true;
    }
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#lastActivity = Date.now();
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      if (req.url === "/refused") {
        this.#refusals.push(body as DeliveryRefusal);
        this.#options.onLog?.("emulated-account", `delivery refused: ${(body as DeliveryRefusal).reason}`);
        return reply(res, 200, {});
      }
      if (req.url !== "/invoke") return reply(res, 404, { error: `no route ${req.url}` });
      const request = body as {
        function: EmulatedFunction;
        invocationType: string;
        payload: string;
        trigger: { source: InvocationSource; sourceArn?: string };
      };
      const event = JSON.parse(request.payload || "{}") as unknown;
      if (request.invocationType === "Event") {
        this.#busy++;
        this.#enqueue(() => this.#runAsync(request.function, event, request.trigger, 1));
        return reply(res, 202, {});
      }
      this.#busy++;
      try {
        const done = await this.#run(request.function, event, request.trigger, "RequestResponse", 1);
        const functionError = done.status !== "succeeded";
        return reply(res, 200, {
          payload: JSON.stringify(
            functionError
              ? {
                  errorType: done.error?.type ?? "Sandbox.Timedout",
                  errorMessage: done.error?.message ?? "Task timed out",
                  trace: done.error?.stack ?? [],
                }
              : done.result,
          ),
          ...(functionError ? { functionError: "Unhandled" } : {}),
        });
      } finally {
        this.#busy--;
        this.#lastActivity = Date.now();
      }
    } catch (error) {
      reply(res, 500, { error: String(error) });
    }
  }

  #enqueue(task: () => Promise<void>): void {
    this.#queue.push(task);
    this.#pump();
  }

  #pump(): void {
    const max = this.#options.maxConcurrent ?? 3;
    while (this.#running < max && this.#queue.length > 0) {
      const task = this.#queue.shift() as () => Promise<void>;
      this.#running++;
      void task().finally(() => {
        this.#running--;
        this.#lastActivity = Date.now();
        this.#pump();
      });
    }
  }

  async #runAsync(
    fn: EmulatedFunction,
    event: unknown,
    trigger: Invocation["trigger"],
    attempt: number,
  ): Promise<void> {
    try {
      const done = await this.#run(fn, event, trigger, "Event", attempt);
      if (done.status !== "succeeded" && attempt <= (this.#options.asyncRetries ?? 2)) {
        this.#busy++;
        setTimeout(() => this.#enqueue(() => this.#runAsync(fn, event, trigger, attempt + 1)), 200 * attempt);
      }
    } finally {
      this.#busy--;
    }
  }

  async #run(
    fn: EmulatedFunction,
    event: unknown,
    trigger: Invocation["trigger"],
    invocationType: Invocation["invocationType"],
    attempt: number,
  ): Promise<Invocation> {
    const invocation: Invocation = {
      id: randomUUID(),
      function: fn,
      trigger,
      invocationType,
      event,
      attempt,
      status: "running",
      logs: "",
    };
    this.#invocations.push(invocation);
    const started = performance.now();
    try {
      if (fn.runtime !== RUNTIME)
        throw new Error(
          `${fn.functionName} is deployed on ${fn.runtime}; the emulated account runs ${RUNTIME}`,
        );
      const codeDir = this.#codeDir(fn.codePath);
      const dir = join(this.#options.workDir, "invocations", invocation.id);
      mkdirSync(dir, { recursive: true });
      const invocationFile = join(dir, "invocation.json");
      const outcomeFile = join(dir, "outcome.json");
      const deadline = Date.now() + fn.timeout * 1000;
      writeFileSync(
        invocationFile,
        JSON.stringify({
          codeDir,
          handler: fn.handler,
          event,
          requestId: invocation.id,
          functionName: fn.functionName,
          version: fn.version,
          invokedArn: fn.invokedArn,
          memorySize: fn.memorySize,
          deadline,
        }),
      );
      const exit = await this.#spawn(fn, invocation, codeDir, invocationFile, outcomeFile);
      if (exit === "timed-out") {
        invocation.status = "timed-out";
        invocation.error = {
          type: "Sandbox.Timedout",
          message: `Task timed out after ${fn.timeout} seconds`,
          phase: "handler",
          stack: [],
        };
      } else if (!existsSync(outcomeFile)) {
        invocation.status = "failed";
        invocation.error = {
          type: "Runtime.ExitError",
          message: `the runtime exited (${exit}) without an answer`,
          phase: "runtime",
          stack: [],
        };
      } else {
        const outcome = JSON.parse(readFileSync(outcomeFile, "utf8")) as
          | { ok: true; result: unknown }
          | { ok: false; phase: string; errorType: string; errorMessage: string; stack: string[] };
        if (outcome.ok) {
          invocation.status = "succeeded";
          invocation.result = outcome.result;
        } else {
          invocation.status = "failed";
          invocation.error = {
            type: outcome.errorType,
            message: outcome.errorMessage,
            phase: outcome.phase,
            stack: outcome.stack,
          };
        }
      }
      rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      invocation.status = "failed";
      invocation.error = {
        type: error instanceof Error ? error.name : "Error",
        message: String(error instanceof Error ? error.message : error),
        phase: "runner",
        stack: [],
      };
    }
    invocation.durationMs = Math.round(performance.now() - started);
    if (invocation.error)
      this.#options.onLog?.(
        fn.functionName,
        `${invocation.status}: ${invocation.error.type}: ${invocation.error.message}`,
      );
    return invocation;
  }

  #codeDir(codePath: string): string {
    const known = this.#code.get(codePath);
    if (known) return known;
    const dir = join(
      this.#options.workDir,
      "code",
      codePath
        .split("/")
        .pop()
        ?.replace(/\.zip$/, "") ?? "x",
    );
    rmSync(dir, { recursive: true, force: true });
    extractZip(readFileSync(codePath), dir);
    this.#code.set(codePath, dir);
    return dir;
  }

  async #spawn(
    fn: EmulatedFunction,
    invocation: Invocation,
    codeDir: string,
    invocationFile: string,
    outcomeFile: string,
  ): Promise<number | "timed-out"> {
    const node = await node22Binary();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: "/tmp",
      LANG: "C.UTF-8",
      TZ: "UTC",
      ...fn.environment,
      // Reserved variables: Lambda sets them whatever the function's environment says.
      AWS_REGION: fn.region,
      AWS_DEFAULT_REGION: fn.region,
      AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
      AWS_LAMBDA_FUNCTION_VERSION: fn.version,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
      AWS_LAMBDA_LOG_STREAM_NAME: `emulated/${invocation.id}`,
      AWS_EXECUTION_ENV: `AWS_Lambda_${RUNTIME}`,
      LAMBDA_TASK_ROOT: codeDir,
      _HANDLER: fn.handler,
      // The function's role in its own account: the emulated account maps this key to that account.
      AWS_ACCESS_KEY_ID: emulatedAccessKeyId(fn.accountId),
      AWS_SECRET_ACCESS_KEY: "emulated",
      AWS_SESSION_TOKEN: "emulated",
      // The one difference from AWS: every SDK client the function builds talks to the emulated account.
      AWS_ENDPOINT_URL: this.#options.awsEndpoint(),
      VIGIL_RUNNER_INVOCATION: invocationFile,
      VIGIL_RUNNER_OUTCOME: outcomeFile,
    };
    return new Promise((resolve) => {
      const child = spawn(node, [BOOTSTRAP], { cwd: codeDir, env, stdio: ["ignore", "pipe", "pipe"] });
      const log = (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        invocation.logs += text;
        if (this.#options.onLog)
          for (const line of text.split("\n"))
            if (line.trim() !== "") this.#options.onLog(fn.functionName, line);
      };
      child.stdout.on("data", log);
      child.stderr.on("data", log);
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve("timed-out");
      }, fn.timeout * 1000);
      child.on("error", (error) => {
        clearTimeout(timer);
        invocation.logs += `the runtime could not start: ${String(error)}\n`;
        resolve(-1);
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve(code ?? -1);
      });
    });
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
