import { compareVersions } from "./versions.ts";

/** Days of the week as UTC day numbers (0 = Sunday … 6 = Saturday), like `Date.prototype.getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * When updates may be applied, in UTC: on `days` (all days when omitted), from `startHour` until
 * `endHour` (exclusive). A window may cross midnight (`22`→`4`); its early hours then belong to
 * the window that opened the day before. `startHour === endHour` means the whole day.
 */
export interface UpdateWindow {
  days?: readonly Weekday[];
  startHour: number;
  endHour: number;
}

/** The customer's update policy. */
export interface UpdatePolicy {
  /** Stay on (or move to) exactly this version; the channel is not read. */
  pinnedVersion?: string;
  window?: UpdateWindow;
}

export type UpdateDecision =
  | { action: "apply" }
  | { action: "none"; reason: "up-to-date" | "pinned"; detail: string }
  | { action: "defer"; reason: "outside-window"; detail: string }
  | { action: "refuse"; reason: "downgrade"; detail: string };

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export function isInUpdateWindow(window: UpdateWindow, now: Date): boolean {
  const hour = now.getUTCHours();
  const day = now.getUTCDay() as Weekday;
  const allowed = (d: number) => !window.days || window.days.includes(d as Weekday);
  const { startHour: start, endHour: end } = window;
  if (start === end) return allowed(day);
  if (start < end) return allowed(day) && hour >= start && hour < end;
  if (hour >= start) return allowed(day);
  if (hour < end) return allowed((day + 6) % 7);
  return false;
}

export function describeWindow(window: UpdateWindow): string {
  const days = window.days ? window.days.map((d) => DAY_NAMES[d]).join(",") : "every day";
  const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;
  return `${days} ${hh(window.startHour)}-${hh(window.endHour)} UTC`;
}

/**
 * Whether to apply `available` over `running`, given the customer's policy and the time. Pure: the
 * caller passes `now`. A release older than the running one is refused as a replayed manifest
 * unless the customer pinned exactly that version (a deliberate rollback).
 */
export function decideUpdate(input: {
  running: string | undefined;
  available: string;
  policy: UpdatePolicy;
  now: Date;
}): UpdateDecision {
  const { running, available, policy, now } = input;
  if (policy.pinnedVersion !== undefined && policy.pinnedVersion !== available)
    return {
      action: "none",
      reason: "pinned",
      detail: `pinned to ${policy.pinnedVersion}; ${available} is not applied`,
    };
  if (running !== undefined) {
    const order = compareVersions(available, running);
    if (order === 0) return { action: "none", reason: "up-to-date", detail: `running ${running}` };
    if (order < 0 && policy.pinnedVersion !== available)
      return {
        action: "refuse",
        reason: "downgrade",
        detail: `release ${available} is older than running ${running}: a replayed manifest is never applied (pin the version to roll back on purpose)`,
      };
  }
  if (policy.window && !isInUpdateWindow(policy.window, now))
    return {
      action: "defer",
      reason: "outside-window",
      detail: `${available} waits for the update window (${describeWindow(policy.window)})`,
    };
  return { action: "apply" };
}

/**
 * Parse a window written as `[days@]HH-HH`, e.g. `sat,sun@01-05`, `mon-fri@22-04`, `02-04`.
 * Returns an error message a person can act on instead of throwing.
 */
export function parseUpdateWindow(text: string): UpdateWindow | { error: string } {
  const m = /^(?:([a-z,-]+)@)?(\d{1,2})-(\d{1,2})$/i.exec(text.trim());
  if (!m) return { error: `update window "${text}" must look like "sat,sun@01-05" or "22-04" (UTC hours)` };
  const startHour = Number(m[2]);
  const endHour = Number(m[3]);
  if (startHour > 23 || endHour > 24)
    return { error: `update window "${text}": hours must be 0-23 (start) and 0-24 (end)` };
  if (!m[1]) return { startHour, endHour };
  const days = new Set<Weekday>();
  for (const part of m[1].toLowerCase().split(",")) {
    const [from, to] = part.split("-");
    const a = DAY_NAMES.indexOf(from as (typeof DAY_NAMES)[number]);
    const b = to === undefined ? a : DAY_NAMES.indexOf(to as (typeof DAY_NAMES)[number]);
    if (a < 0 || b < 0) return { error: `update window "${text}": unknown day in "${part}" (use sun..sat)` };
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d as Weekday);
      if (d === b) break;
    }
  }
  return { days: [...days].sort(), startHour, endHour };
}
