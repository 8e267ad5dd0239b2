import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareVersions,
  decideUpdate,
  isInUpdateWindow,
  parseUpdateWindow,
  type UpdateWindow,
} from "../src/index.ts";

const at = (iso: string) => new Date(iso);
// 2030-01-07 is a Monday.

describe("update window", () => {
  it("is half-open: start hour in, end hour out", () => {
    const w: UpdateWindow = { startHour: 2, endHour: 4 };
    expect(isInUpdateWindow(w, at("2030-01-07T01:59:59Z"))).toBe(false);
    expect(isInUpdateWindow(w, at("2030-01-07T02:00:00Z"))).toBe(true);
    expect(isInUpdateWindow(w, at("2030-01-07T03:59:59Z"))).toBe(true);
    expect(isInUpdateWindow(w, at("2030-01-07T04:00:00Z"))).toBe(false);
  });

  it("crosses midnight: the early hours belong to the previous day's window", () => {
    const saturdayNight: UpdateWindow = { days: [6], startHour: 22, endHour: 3 };
    expect(isInUpdateWindow(saturdayNight, at("2030-01-05T23:00:00Z"))).toBe(true); // Sat 23:00
    expect(isInUpdateWindow(saturdayNight, at("2030-01-06T02:00:00Z"))).toBe(true); // Sun 02:00
    expect(isInUpdateWindow(saturdayNight, at("2030-01-06T23:00:00Z"))).toBe(false); // Sun 23:00
    expect(isInUpdateWindow(saturdayNight, at("2030-01-05T02:00:00Z"))).toBe(false); // Sat 02:00 (Fri's)
  });

  it("matches a brute-force definition for every window and instant", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 23 }),
        fc.subarray([0, 1, 2, 3, 4, 5, 6] as const),
        fc.date({ min: at("2000-01-01T00:00:00Z"), max: at("2100-01-01T00:00:00Z"), noInvalidDate: true }),
        (startHour, endHour, days, now) => {
          const w: UpdateWindow = { days, startHour, endHour };
          // The window opens on each allowed day at startHour and lasts (end - start) mod 24 hours (24 if equal)
          // — except equal hours mean "the whole allowed day".
          const expected = (() => {
            if (startHour === endHour) return days.includes(now.getUTCDay() as never);
            const length = (endHour - startHour + 24) % 24;
            for (const back of [0, 1]) {
              const open = new Date(
                Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - back, startHour),
              );
              const close = open.getTime() + length * 3_600_000;
              if (days.includes(open.getUTCDay() as never) && now >= open && now.getTime() < close)
                return true;
            }
            return false;
          })();
          expect(isInUpdateWindow(w, now)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("parses days, day ranges and hours; rejects nonsense with a usable message", () => {
    expect(parseUpdateWindow("sat,sun@01-05")).toEqual({ days: [0, 6], startHour: 1, endHour: 5 });
    expect(parseUpdateWindow("fri-mon@22-04")).toEqual({ days: [0, 1, 5, 6], startHour: 22, endHour: 4 });
    expect(parseUpdateWindow("02-04")).toEqual({ startHour: 2, endHour: 4 });
    expect(parseUpdateWindow("someday@01-02")).toMatchObject({
      error: expect.stringContaining("unknown day"),
    });
    expect(parseUpdateWindow("25-26")).toMatchObject({ error: expect.stringContaining("hours") });
    expect(parseUpdateWindow("tonight")).toMatchObject({ error: expect.stringContaining("sat,sun@01-05") });
  });
});

describe("decideUpdate", () => {
  const now = at("2030-01-07T03:00:00Z");
  it("applies a newer release, is up to date on the same one, refuses an older one", () => {
    expect(decideUpdate({ running: "1.0.0", available: "1.1.0", policy: {}, now })).toEqual({
      action: "apply",
    });
    expect(decideUpdate({ running: "1.1.0", available: "1.1.0", policy: {}, now }).action).toBe("none");
    expect(decideUpdate({ running: "1.1.0", available: "1.0.9", policy: {}, now })).toMatchObject({
      action: "refuse",
      reason: "downgrade",
    });
  });

  it("allows going back only to an explicitly pinned version", () => {
    expect(
      decideUpdate({ running: "1.2.0", available: "1.1.0", policy: { pinnedVersion: "1.1.0" }, now }),
    ).toEqual({
      action: "apply",
    });
    expect(
      decideUpdate({ running: "1.0.0", available: "1.2.0", policy: { pinnedVersion: "1.1.0" }, now }),
    ).toMatchObject({
      action: "none",
      reason: "pinned",
    });
  });

  it("never applies anything older than running unless pinned (property)", () => {
    const version = fc
      .tuple(
        fc.nat(20),
        fc.nat(20),
        fc.nat(20),
        fc.option(fc.constantFrom("rc.1", "beta", "alpha.2"), { nil: undefined }),
      )
      .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre}` : ""}`);
    fc.assert(
      fc.property(version, version, fc.date({ noInvalidDate: true }), (running, available, when) => {
        const d = decideUpdate({ running, available, policy: {}, now: when });
        if (d.action === "apply") expect(compareVersions(available, running)).toBeGreaterThan(0);
        if (compareVersions(available, running) < 0) expect(d.action).toBe("refuse");
      }),
    );
  });

  it("defers outside the window but still refuses a downgrade there", () => {
    const policy = { window: { days: [6] as const, startHour: 1, endHour: 5 } } as const;
    expect(
      decideUpdate({
        running: "1.0.0",
        available: "1.1.0",
        policy: { window: { ...policy.window, days: [6] } },
        now,
      }),
    ).toMatchObject({
      action: "defer",
    });
    expect(
      decideUpdate({
        running: "1.2.0",
        available: "1.1.0",
        policy: { window: { ...policy.window, days: [6] } },
        now,
      }).action,
    ).toBe("refuse");
  });
});

describe("compareVersions", () => {
  it("orders by semver precedence", () => {
    const sorted = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.0.1",
      "1.10.0",
      "2.0.0",
    ];
    const shuffled = [...sorted].reverse();
    expect(shuffled.sort(compareVersions)).toEqual(sorted);
    expect(compareVersions("1.0.0+build.5", "1.0.0")).toBe(0);
    expect(() => compareVersions("v1", "1.0.0")).toThrow(/not a semantic version/);
  });
});
