import {
  createEvent,
  deterministicEventId,
  type EventStore,
  ExpectedVersionConflictError,
} from "@vigil/events";
import type { Clock } from "../budget/clock.ts";

/**
 * The documented rule: when a call is still throttled after the SDK's retries, every scan job of the
 * integration pauses (15 minutes by default). The pause lives in the event log, in one well-known
 * stream, so every Lambda instance honours it — not only the one that saw the error.
 */
export const DEFAULT_PAUSE_MS = 15 * 60_000;
/** How long a "not paused" answer is trusted before the log is read again. */
export const DEFAULT_PAUSE_CACHE_TTL_MS = 5_000;

export function schedulerStreamId(integrationId: string): string {
  return `scheduler#${integrationId}`;
}

export interface PauseState {
  /** The active pause's end (ms), or undefined when jobs may run. */
  readonly until: number | undefined;
  /** The id of the latest pause event (active or not): `scan.resumed` names it as its cause. */
  readonly pauseEventId: string | undefined;
  readonly pausedAt: number | undefined;
  /** End of the latest pause, even when over. */
  readonly lastUntil: number | undefined;
}

type Stored = { event: { id: string; type: string; time: string; data: unknown } };

/** Pure: the pause in force at `now`, from the scheduler stream's events. */
export function pauseStateAt(events: readonly Stored[], now: number): PauseState {
  let last: Stored["event"] | undefined;
  for (const { event } of events) if (event.type === "vigil.scan.paused-for-rate-limit.v1") last = event;
  if (!last) return { until: undefined, pauseEventId: undefined, pausedAt: undefined, lastUntil: undefined };
  const lastUntil = Date.parse((last.data as { until: string }).until);
  return {
    until: now < lastUntil ? lastUntil : undefined,
    pauseEventId: last.id,
    pausedAt: Date.parse(last.time),
    lastUntil,
  };
}

export interface RateLimitIncident {
  /** `service:Operation`. */
  readonly api: string;
  readonly region?: string;
  readonly scanId?: string;
  readonly reason?: string;
}

export interface PauseGateOptions {
  readonly store: EventStore;
  readonly integrationId: string;
  readonly clock: Clock;
  /** Producer URI of the events this gate writes. */
  readonly source: string;
  readonly pauseMs?: number;
  readonly cacheTtlMs?: number;
}

/**
 * One Lambda instance's view of the pause. `current()` reads the log at most once per TTL while not
 * paused; an active pause is immutable, so it is trusted until it ends. `pause()` appends with the
 * expected version it read: of concurrent pausers exactly one writes, the others find its pause.
 */
export class PauseGate {
  readonly streamId: string;
  readonly pauseMs: number;
  readonly #store: EventStore;
  readonly #clock: Clock;
  readonly #options: PauseGateOptions;
  readonly #ttl: number;
  #cached: { state: PauseState; readAt: number } | undefined;
  /** Log reads and pause appends, for tests and the benchmark. */
  readonly counters = { reads: 0, pausesWritten: 0, pausesJoined: 0 };

  constructor(options: PauseGateOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#clock = options.clock;
    this.pauseMs = options.pauseMs ?? DEFAULT_PAUSE_MS;
    this.#ttl = options.cacheTtlMs ?? DEFAULT_PAUSE_CACHE_TTL_MS;
    if (!(this.pauseMs > 0)) throw new RangeError(`pauseMs must be positive, got ${this.pauseMs}`);
    this.streamId = schedulerStreamId(options.integrationId);
  }

  /** The pause in force now (cached; see the class comment). */
  async current(): Promise<PauseState> {
    const now = this.#clock.now();
    const cached = this.#cached;
    if (cached) {
      const { state } = cached;
      if (state.until !== undefined && now < state.until) return state;
      if (state.until === undefined && now - cached.readAt < this.#ttl) return state;
    }
    return (await this.#read()).state;
  }

  /** Synchronous look at the cached state: in-flight jobs stop at their next AWS call. */
  pausedUntilCached(): number | undefined {
    const until = this.#cached?.state.until;
    return until !== undefined && this.#clock.now() < until ? until : undefined;
  }

  /** Records a pause for this incident unless one is already in force; returns the pause's end. */
  async pause(incident: RateLimitIncident): Promise<{ until: number; written: boolean }> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const { state, version } = await this.#read();
      if (state.until !== undefined) {
        this.counters.pausesJoined++;
        return { until: state.until, written: false };
      }
      const now = this.#clock.now();
      const until = now + this.pauseMs;
      const event = createEvent(
        "vigil.scan.paused-for-rate-limit.v1",
        {
          ...(incident.scanId !== undefined ? { scanId: incident.scanId } : {}),
          until: new Date(until).toISOString(),
          reason:
            incident.reason ??
            `${incident.api} was still throttled after the SDK's retries; every scan job waits ${Math.round(this.pauseMs / 1000)} s`,
          api: incident.api,
          ...(incident.region !== undefined ? { region: incident.region } : {}),
        },
        {
          source: this.#options.source,
          integrationId: this.#options.integrationId,
          id: deterministicEventId(this.streamId, version + 1, "paused"),
          time: new Date(now),
        },
      );
      try {
        const result = await this.#store.appendToStream(this.streamId, [event], { expectedVersion: version });
        // Same stream version, same incident time: an identical event another instance already wrote.
        if (result.alreadyAppended) this.counters.pausesJoined++;
        else this.counters.pausesWritten++;
        this.#cached = {
          state: { until, pauseEventId: event.id, pausedAt: now, lastUntil: until },
          readAt: now,
        };
        return { until, written: !result.alreadyAppended };
      } catch (error) {
        if (!(error instanceof ExpectedVersionConflictError)) throw error;
        // Another instance wrote first: read again and, most likely, join its pause.
      }
    }
    throw new Error(`could not record a rate-limit pause in ${this.streamId}: too many concurrent writers`);
  }

  async #read(): Promise<{ state: PauseState; version: number }> {
    this.counters.reads++;
    const { events, streamVersion } = await this.#store.readStream(this.streamId);
    const now = this.#clock.now();
    const state = pauseStateAt(events, now);
    this.#cached = { state, readAt: now };
    return { state, version: streamVersion };
  }
}
