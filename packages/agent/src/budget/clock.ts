/**
 * Time as the budget and the scheduler see it. Passed in everywhere so tests run on a fake clock and
 * the benchmark on virtual time shared with the simulated account.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves once `ms` have passed on this clock. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * A clock that moves only when told to (`advance`, `set`). Sleepers wake in due-time order as
 * time passes them; `advance` awaits between wake-ups so the woken code runs before time moves on.
 */
interface Sleeper {
  readonly at: number;
  readonly seq: number;
  readonly wake: () => void;
}

export class ManualClock implements Clock {
  #now: number;
  #sleepers: Sleeper[] = [];
  #seq = 0;

  constructor(start: number | Date = Date.UTC(2026, 5, 1)) {
    this.#now = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((wake) => {
      this.#sleepers.push({ at: this.#now + ms, seq: this.#seq++, wake });
    });
  }

  /** Sleepers still waiting (tests use it to see that work is parked, not lost). */
  get pendingSleepers(): number {
    return this.#sleepers.length;
  }

  /** Moves time forward by `ms`, waking every sleeper due on the way, in order. */
  async advance(ms: number): Promise<void> {
    await this.set(this.#now + ms);
  }

  async set(target: number): Promise<void> {
    for (;;) {
      await settle();
      const next = this.#earliest();
      if (!next || next.at > target) break;
      this.#sleepers = this.#sleepers.filter((s) => s !== next);
      this.#now = Math.max(this.#now, next.at);
      next.wake();
    }
    this.#now = Math.max(this.#now, target);
    await settle();
  }

  #earliest() {
    let best: Sleeper | undefined;
    for (const s of this.#sleepers)
      if (!best || s.at < best.at || (s.at === best.at && s.seq < best.seq)) best = s;
    return best;
  }
}

/** Lets queued promise callbacks run (a few macrotask turns, so chains of awaits complete). */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
