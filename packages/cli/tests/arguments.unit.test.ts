import { spawnSync } from "node:child_process";
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
  });

  it("the vigil binary exits 64 (usage) on a bad value, as on an unknown option", () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    for (const args of [
      ["bench", "bus", "--events", "0"],
      ["scan", "--no-such-option"],
    ]) {
      const run = spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(64);
      expect(run.stderr).toContain("vigil --help");
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

  it("a command that fails says why in one line, without a stack trace, and exits 1", () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", main, "replay", "--stream", "x", "--endpoint", "http://127.0.0.1:1"],
      { encoding: "utf8", timeout: 60_000, env: { ...process.env, VIGIL_DEBUG: "" } },
    );
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.trim()).toBe("vigil: connect ECONNREFUSED 127.0.0.1:1");
  }, 120_000);
});
