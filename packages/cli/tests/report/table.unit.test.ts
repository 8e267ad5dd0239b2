import { afterEach, describe, expect, it, vi } from "vitest";
import { runChecksCommand } from "../../src/commands/checks.ts";
import { runScanCommand } from "../../src/commands/scan.ts";
import { newTable, useColor } from "../../src/report/index.ts";
import { sink } from "./sink.ts";

const ESC = "\u001b[";

describe("colour only for a terminal", () => {
  it("useColor: a terminal yes, a file or pipe no; NO_COLOR off, FORCE_COLOR on", () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: "0" })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
  });

  it("newTable: plain text without colour, a coloured head with it, whatever the environment says", () => {
    const draw = (color: boolean) => {
      const t = newTable({ head: ["a", "b"] }, color);
      t.push(["x", "y"]);
      return t.toString();
    };
    expect(draw(false)).not.toContain(ESC);
    expect(draw(false)).toMatch(/│ a +│ b +│/);
    expect(draw(true)).toContain(`${ESC}31ma${ESC}39m`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the head's colour codes
    expect(draw(true).replace(/\u001b\[[0-9;]*m/g, "")).toBe(draw(false));
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("vigil scan and vigil checks write plain tables to a pipe and coloured ones to a terminal", async () => {
    // Whatever the runner's environment says about colour, the stream decides here.
    vi.stubEnv("NO_COLOR", undefined);
    vi.stubEnv("FORCE_COLOR", undefined);
    for (const tty of [false, true]) {
      const stdout = sink(tty);
      const stderr = sink(false);
      const io = { stdout: stdout.stream, stderr: stderr.stream } as never;
      const code = await runScanCommand({ demo: true, progress: false, now: "2026-06-01T00:00:00Z" }, io);
      expect(code).toBe(0);
      expect(stdout.text()).toMatch(/Account.*Regions.*Assets/);
      expect(stdout.text().includes(ESC), `scan, stdout a terminal: ${tty}`).toBe(tty);

      const checks = sink(tty);
      expect(
        await runChecksCommand({ service: "s3" }, { stdout: checks.stream, stderr: stderr.stream } as never),
      ).toBe(0);
      expect(checks.text()).toMatch(/check\(s\) over 1 service/);
      expect(checks.text().includes(ESC), `checks, stdout a terminal: ${tty}`).toBe(tty);
    }
  });
});
