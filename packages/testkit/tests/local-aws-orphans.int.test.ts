import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

/**
 * DynamoDB Local is a separate JVM: these tests start the stack in a child Node process, end that
 * process in the ways a developer or CI does, and check that no java (or watchdog shell) survives.
 */

const fixture = fileURLToPath(new URL("./fixtures/local-aws/start-stack.ts", import.meta.url));
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsxBin = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

interface Started {
  child: ChildProcess;
  javaPid: number;
  port: string;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

async function startInChild(command: string, args: string[]): Promise<Started> {
  const child = spawn(command, [...args, fixture], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const { javaPid, dynamodb } = JSON.parse(line) as { javaPid: number; dynamodb: string };
    return { child, javaPid, port: new URL(dynamodb).port };
  }
  throw new Error("the fixture exited before printing the stack");
}

/** Live (non-zombie) processes whose command line carries DynamoDB Local's `-port <port>`. */
function processesServing(port: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const state = readFileSync(`/proc/${entry}/stat`, "utf8").replace(/^.*\) /s, "")[0];
      const portAt = args.indexOf("-port");
      if (
        state !== "Z" &&
        portAt >= 0 &&
        args[portAt + 1] === port &&
        args.some((a) => a.endsWith("DynamoDBLocal.jar"))
      ) {
        pids.push(Number(entry));
      }
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

describe("DynamoDB Local leaves no orphan", () => {
  it("is killed when its Node process gets SIGINT (run through tsx)", async () => {
    const { child, javaPid, port } = await startInChild(tsxBin, []);
    const serving = processesServing(port);
    expect(serving).toContain(javaPid);
    expect(serving.length).toBeGreaterThanOrEqual(2); // java and its watchdog shell

    child.kill("SIGINT");
    await exitOf(child);
    expect(await eventually(() => processesServing(port).length === 0, 15_000)).toBe(true);
  });

  it("is killed by the watchdog when its Node process gets SIGKILL", async () => {
    // node directly rather than the tsx CLI, which runs the script in a second process.
    const { child, javaPid, port } = await startInChild(process.execPath, ["--import", "tsx"]);
    expect(processesServing(port)).toContain(javaPid);

    child.kill("SIGKILL");
    expect((await exitOf(child)).signal).toBe("SIGKILL");
    expect(await eventually(() => processesServing(port).length === 0, 15_000)).toBe(true);
  });

  it("keeps SIGINT's default effect: the process still terminates by that signal", async () => {
    const { child, port } = await startInChild(process.execPath, ["--import", "tsx"]);
    child.kill("SIGINT");
    expect((await exitOf(child)).signal).toBe("SIGINT");
    expect(await eventually(() => processesServing(port).length === 0, 15_000)).toBe(true);
  });
});
