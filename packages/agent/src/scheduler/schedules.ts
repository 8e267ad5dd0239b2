/**
 * When the agent acts on its own: a full scan every 12 hours and a heartbeat every 10 minutes by
 * default. Pure: the caller passes what the log says happened last, and the time.
 */

export interface ScheduleConfig {
  /** Full scan period (default 12 h). */
  readonly fullScanEveryMs?: number;
  /** Heartbeat check-in period (default 10 min). */
  readonly heartbeatEveryMs?: number;
}

export const DEFAULT_FULL_SCAN_EVERY_MS = 12 * 3_600_000;
export const DEFAULT_HEARTBEAT_EVERY_MS = 10 * 60_000;

export interface ScheduleState {
  /** When the last scheduled (or on-demand) full scan was requested, ms; absent: never. */
  readonly lastFullScanAt?: number;
  readonly lastHeartbeatAt?: number;
}

export type ScheduledAction = { readonly kind: "full-scan" } | { readonly kind: "heartbeat" };

/** What is due at `now`. A never-scanned integration scans at once. */
export function dueActions(
  state: ScheduleState,
  now: number,
  config: ScheduleConfig = {},
): ScheduledAction[] {
  const scanEvery = config.fullScanEveryMs ?? DEFAULT_FULL_SCAN_EVERY_MS;
  const beatEvery = config.heartbeatEveryMs ?? DEFAULT_HEARTBEAT_EVERY_MS;
  if (!(scanEvery > 0 && beatEvery > 0))
    throw new RangeError("schedule periods must be positive milliseconds");
  const actions: ScheduledAction[] = [];
  if (state.lastHeartbeatAt === undefined || now - state.lastHeartbeatAt >= beatEvery)
    actions.push({ kind: "heartbeat" });
  if (state.lastFullScanAt === undefined || now - state.lastFullScanAt >= scanEvery)
    actions.push({ kind: "full-scan" });
  return actions;
}

/** The next time something is due (for the EventBridge schedule or a test's clock). */
export function nextDueAt(state: ScheduleState, now: number, config: ScheduleConfig = {}): number {
  const scanEvery = config.fullScanEveryMs ?? DEFAULT_FULL_SCAN_EVERY_MS;
  const beatEvery = config.heartbeatEveryMs ?? DEFAULT_HEARTBEAT_EVERY_MS;
  const beat = state.lastHeartbeatAt === undefined ? now : state.lastHeartbeatAt + beatEvery;
  const scan = state.lastFullScanAt === undefined ? now : state.lastFullScanAt + scanEvery;
  return Math.max(now, Math.min(beat, scan));
}

type Timed = { readonly event: { readonly type: string; readonly time: string; readonly data: unknown } };

/** Reads the schedule state from an integration's events: last full-scan request, last heartbeat. */
export function scheduleStateFrom(events: readonly Timed[]): ScheduleState {
  let lastFullScanAt: number | undefined;
  let lastHeartbeatAt: number | undefined;
  for (const { event } of events) {
    const at = Date.parse(event.time);
    if (event.type.startsWith("vigil.integration.heartbeat."))
      lastHeartbeatAt = Math.max(lastHeartbeatAt ?? at, at);
    if (event.type === "vigil.scan.requested.v1") {
      const data = event.data as { trigger?: string; regions?: unknown; filters?: unknown };
      // Only a full scan resets the clock: an event-driven rescan of one instance does not.
      if (data.trigger !== "event") lastFullScanAt = Math.max(lastFullScanAt ?? at, at);
    }
  }
  return {
    ...(lastFullScanAt !== undefined ? { lastFullScanAt } : {}),
    ...(lastHeartbeatAt !== undefined ? { lastHeartbeatAt } : {}),
  };
}
