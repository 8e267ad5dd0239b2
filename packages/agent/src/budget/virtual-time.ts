import type { Clock } from "./clock.ts";

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/**
 * Virtual time for benchmarks: a clock shared by the budget, the scheduler and the simulated account,
 * that jumps to the next timer whenever the program is idle (every promise settled, only timers left).
 * `run` also stands in for `setTimeout` and `Date.now` while it runs, so the AWS SDK's own retry
 * back-off and adaptive rate limiter wait in virtual time too. Figures are then exact and a
 * 15-minute pause costs nothing. Never use it in the Lambda.
 */
export class VirtualTime implements Clock {
  #now: number;
  #timers: Timer[] = [];
  #seq = 0;

  constructor(start = Date.UTC(2026, 5, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#schedule(ms, resolve);
    });
  }

  #schedule(ms: number, fn: () => void): number {
    const timer = { id: ++this.#seq, at: this.#now + Math.max(0, Number(ms) || 0), fn };
    // Keep sorted by (at, id): binary insert.
    let lo = 0;
    let hi = this.#timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.#timers[mid] as Timer;
      if (t.at < timer.at || (t.at === timer.at && t.id < timer.id)) lo = mid + 1;
      else hi = mid;
    }
    this.#timers.splice(lo, 0, timer);
    return timer.id;
  }

  #cancel(id: unknown): void {
    const n = typeof id === "number" ? id : Number((id as { id?: unknown } | undefined)?.id);
    const i = this.#timers.findIndex((t) => t.id === n);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  /** Runs `main` on virtual time; resolves with its result once it settles. */
  async run<T>(main: () => Promise<T>): Promise<T> {
    const realSetTimeout = globalThis.setTimeout;
    const realClearTimeout = globalThis.clearTimeout;
    const realDateNow = Date.now;
    const realImmediate = globalThis.setImmediate;
    const fakeSetTimeout = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      // As Node does: a delay under 1 ms is 1 ms. (The SDK's rate limiter asks for sub-microsecond
      // waits that a float clock in ms since the epoch cannot represent, and would spin forever.)
      const delay = Number(ms);
      const id = this.#schedule(Number.isFinite(delay) ? Math.max(1, delay) : 1, () => fn(...args));
      const handle = {
        id,
        ref: () => handle,
        unref: () => handle,
        hasRef: () => false,
        refresh: () => handle,
        [Symbol.toPrimitive]: () => id,
      };
      return handle;
    };
    globalThis.setTimeout = fakeSetTimeout as unknown as typeof setTimeout;
    globalThis.clearTimeout = ((h: unknown) => this.#cancel(h)) as typeof clearTimeout;
    Date.now = () => this.#now;
    const idle = () => new Promise<void>((resolve) => realImmediate(resolve));
    try {
      let settled = false;
      let value: T | undefined;
      let failure: { error: unknown } | undefined;
      main().then(
        (v) => {
          settled = true;
          value = v;
        },
        (error: unknown) => {
          settled = true;
          failure = { error };
        },
      );
      let stalls = 0;
      while (!settled) {
        await idle();
        await idle();
        if (settled) break;
        const next = this.#timers.shift();
        if (!next) {
          // Nothing scheduled yet the program has not finished: real I/O is pending. Wait a little.
          if (++stalls > 1000)
            throw new Error("virtual time: the program is waiting on something other than timers");
          await new Promise((resolve) => realSetTimeout(resolve, 1));
          continue;
        }
        stalls = 0;
        this.#now = Math.max(this.#now, next.at);
        next.fn();
      }
      if (failure) throw failure.error;
      return value as T;
    } finally {
      globalThis.setTimeout = realSetTimeout;
      globalThis.clearTimeout = realClearTimeout;
      Date.now = realDateNow;
    }
  }
}
