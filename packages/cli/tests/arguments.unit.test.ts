import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { positiveNumber, wholeNumber, wholeNumbers } from "../src/commands/arguments.ts";
import { registerCommands } from "../src/commands/index.ts";

const refused = (parse: (value: string) => unknown, value: string) => {
  try {
    parse(value);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === "commander.invalidArgument";
  }
};

describe("option parsers", () => {
  it("wholeNumber takes digits within its range and refuses everything else", () => {
    const n = wholeNumber(1, 1000);
    expect([n("1"), n(" 12 "), n("1000")]).toEqual([1, 12, 1000]);
    for (const bad of ["0", "1001", "-1", "1.5", "1e3", "", " ", "abc", "12abc", "0x10", "Infinity"])
      expect(refused(n, bad), bad).toBe(true);
    expect(wholeNumber(0, 65535)("0")).toBe(0);
  });

  it("wholeNumbers takes a comma-separated list, each within the range", () => {
    const list = wholeNumbers(1, 200);
    expect(list("1,10,30")).toEqual([1, 10, 30]);
    expect(list("5")).toEqual([5]);
    for (const bad of ["", "abc", "1,,3", "1,x", "0,5", "1,201", "1;2", "1,"])
      expect(refused(list, bad), bad).toBe(true);
  });

  it("positiveNumber takes decimals above 0 up to its maximum", () => {
    const p = positiveNumber(1);
    expect([p("0.8"), p(".5"), p("1"), p("1.")]).toEqual([0.8, 0.5, 1, 1]);
    for (const bad of ["0", "0.0", "-0.5", "1.01", "abc", "", "1e-3", "NaN", "Infinity"])
      expect(refused(p, bad), bad).toBe(true);
  });
});

/** Parses `args` as `vigil` would; resolves to the error commander raised, or undefined. */
async function parseError(args: string[]): Promise<{ error?: CommanderError; stderr: string }> {
  let stderr = "";
  const program = new Command("vigil").exitOverride().configureOutput({
    writeOut: () => undefined,
    writeErr: (text) => {
      stderr += text;
    },
  });
  registerCommands(program);
  try {
    // Only bad invocations here: commander refuses them while parsing, before any action starts.
    await program.parseAsync(args, { from: "user" });
    return { stderr };
  } catch (error) {
    if (error instanceof CommanderError) return { error, stderr };
    throw error;
  }
}

describe("numeric options are refused while parsing, never run as NaN", () => {
  it.each([
    [["bench", "platform", "--levels", "abc"], "--levels <list>"],
    [["bench", "platform", "--levels", "1,,30"], "--levels <list>"],
    [["bench", "platform", "--requests", "0"], "--requests <n>"],
    [["bench", "platform", "--batch", "501"], "--batch <n>"],
    [["bench", "platform", "--rate", "fast"], "--rate <reports/s>"],
    [["bench", "platform", "--storage", "disk"], "--storage <where>"],
    [["bench", "bus", "--events", "many"], "--events <n>"],
    [["bench", "bus", "--pollers", "0"], "--pollers <n>"],
    [["bench", "events", "--events", "1.5"], "--events <n>"],
    [["bench", "scan", "--regions", "40"], "--regions <n>"],
    [["bench", "scan", "--import-runs", "x"], "--import-runs <n>"],
    [["bench", "throttle", "--headroom", "2"], "--headroom <share>"],
    [["bench", "throttle", "--instances", "-5"], "--instances <n>"],
    [["dlq", "list", "--max", "all"], "--max <n>"],
    [["dlq", "redrive", "--max", "0"], "--max <n>"],
    [["demo", "--instances", "0"], "--instances <n>"],
    [["platform", "--port", "70000"], "--port <port>"],
    [["cost", "--assets", "-1"], "--assets <n>"],
    [["replay", "--at", "yesterday"], "--at <time|version>"],
    [["dlq", "list", "--consumer", "nobody"], "--consumer <name>"],
    [["deploy", "nothing"], "argument 'package'"],
    [["templates", "--only", "agent,updatr"], "--only <names>"],
  ])("vigil %j names %s", async (args, option) => {
    const { error, stderr } = await parseError(args);
    expect(error?.code).toMatch(/^commander\.invalid(Argument|OptionArgument)$/);
    expect(stderr).toContain(option);
    expect(stderr).toContain(`'${args.at(-1)}' is invalid`);
    // The help of the command that refused it: `vigil dlq list --help`, not the program's.
    const path = args.slice(
      0,
      args.findIndex((a) => a.startsWith("-") || a === "nothing"),
    );
    expect(stderr).toContain(`(run \`vigil ${path.join(" ")} --help\` for usage)`);
  });

  it("the vigil binary exits 64 (usage) on a bad value, as on an unknown option", () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    for (const [args, help] of [
      [["bench", "bus", "--events", "0"], "vigil bench bus --help"],
      [["scan", "--no-such-option"], "vigil scan --help"],
      [["no-such-command"], "vigil --help"],
    ] as const) {
      const run = spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(64);
      expect(run.stderr).toContain(`(run \`${help}\` for usage)`);
    }
  }, 120_000);

  it("--version prints the release version and exits 0; no command prints usage and exits 64", () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    const version = spawnSync(process.execPath, ["--import", "tsx", main, "--version"], { encoding: "utf8" });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const none = spawnSync(process.execPath, ["--import", "tsx", main], { encoding: "utf8" });
    expect(none.status).toBe(64);
    expect(none.stderr).toContain("Usage: vigil");
  }, 120_000);

  it("vigil platform on a port in use says so and what to do, exit 1", async () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const run = spawnSync(process.execPath, ["--import", "tsx", main, "platform", "--port", String(port)], {
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, VIGIL_ADMIN_TOKEN: "a-test-admin-token-0123456789abcdef" },
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr.trim()).toBe(
        `vigil: port ${port} on 127.0.0.1 is in use by another program: choose another with --port, or --port 0 for a free one`,
      );
    } finally {
      server.close();
    }
  }, 120_000);

  it("a command that fails says why in one line, without a stack trace, and exits 1", () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", main, "replay", "--stream", "x", "--endpoint", "http://127.0.0.1:1"],
      { encoding: "utf8", timeout: 60_000, env: { ...process.env, VIGIL_DEBUG: "" } },
    );
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      'vigil: could not read the event log "vigil-events" at http://127.0.0.1:1 (Error: connect ECONNREFUSED 127.0.0.1:1)',
      "hint: nothing answers at that address: is the endpoint (--endpoint, --platform-url) running?",
    ]);
  }, 120_000);

  it("a command without an AWS region says how to give one", () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_DEBUG: "", AWS_CONFIG_FILE: "/dev/null" };
    for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"]) delete env[name];
    const run = spawnSync(process.execPath, ["--import", "tsx", main, "dlq", "list"], {
      encoding: "utf8",
      timeout: 60_000,
      env,
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^vigil: could not look up queue "vigil-platform-dlq" .*Region is missing/);
    expect(run.stderr).toContain("hint: no AWS region: pass --region");
  }, 120_000);
});

describe("vigil scan --fail-on-incomplete", () => {
  it("exits 3 on an incomplete scan, which without it exits 0 and says the flag", () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    // The known-bad snapshot leaves calls uncaptured: an incomplete scan.
    const snapshot = fileURLToPath(
      new URL("../../agent/tests/fixtures/snapshots/known-bad", import.meta.url),
    );
    const scan = (...flags: string[]) =>
      spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          main,
          "scan",
          "--snapshot",
          snapshot,
          "--no-progress",
          "--format",
          "json",
          ...flags,
        ],
        { encoding: "utf8", timeout: 120_000 },
      );
    const plain = scan();
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toMatch(
      /incomplete scan: .*call\(s\) not read \(--fail-on-incomplete makes this exit 3\)/,
    );
    const strict = scan("--fail-on-incomplete");
    expect(strict.status, strict.stderr).toBe(3);
    expect(JSON.parse(strict.stdout).findings.length).toBeGreaterThan(0);
  }, 240_000);
});

describe("the README's command table", () => {
  it("names only options that the commands take", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
    const table = readme.slice(
      readme.indexOf("## Commands"),
      readme.indexOf("\n## ", readme.indexOf("## Commands") + 3),
    );
    const program = new Command("vigil");
    registerCommands(program);
    const flagsOf = (command: Command): string[] => [
      ...command.options.map((o) => o.long ?? ""),
      ...command.commands.flatMap(flagsOf),
    ];
    const missing: string[] = [];
    let rows = 0;
    for (const row of table.split("\n").filter((l) => /^\| `/.test(l))) {
      const name = row.match(/^\| `([a-z-]+)/)?.[1] ?? "";
      const command = program.commands.find((c) => c.name() === name);
      expect(command, `README row for ${name}`).toBeDefined();
      const known = new Set(flagsOf(command as Command));
      for (const flag of row.match(/--[a-z][a-z-]*/g) ?? [])
        if (!known.has(flag)) missing.push(`${name} ${flag}`);
      rows += 1;
    }
    expect(rows).toBeGreaterThan(8);
    expect(missing).toEqual([]);
  });
});
