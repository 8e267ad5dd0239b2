/**
 * Consumers are idempotent on the event: a key is claimed (an in-progress lock) before the handler
 * runs and marked completed only after it succeeded. A second delivery of a completed event is
 * acknowledged without running the handler; a concurrent one sees the lock and is retried later.
 */

/** What `claim` found: go ahead, someone else is on it, or it is already done. */
export type IdempotencyClaim = "acquired" | "in-progress" | "completed";

export interface IdempotencyStore {
  /** Take the in-progress lock for `key` unless it is held (and not expired) or completed (and not expired). */
  claim(key: string): Promise<IdempotencyClaim>;
  /** The handler succeeded: remember the key for the TTL. */
  complete(key: string): Promise<void>;
  /** The handler failed: drop the lock so the next delivery can try again. */
  release(key: string): Promise<void>;
}

export interface IdempotencyTimings {
  /**
   * How long an in-progress lock holds before another delivery may take over (a consumer that
   * crashed never releases it). Set it above the handler's timeout and below the queue's
   * visibility timeout. Default 300 s (the longest Vigil Lambda timeout).
   */
  lockSeconds?: number;
  /** How long a completed key is remembered. Default 7 days (beyond SQS's 4-day retention). */
  ttlSeconds?: number;
  now?: () => number;
}

export const DEFAULT_LOCK_SECONDS = 300;
export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;

/** Scope the key by consumer: the same event is handled once by each consumer, not once overall. */
export function idempotencyKey(consumer: string, event: { source: string; id: string }): string {
  return `${consumer}#${event.source}#${event.id}`;
}

interface Entry {
  status: "in-progress" | "completed";
  /** Epoch ms after which the entry no longer counts (lock expiry or TTL). */
  until: number;
}

export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #lockMs: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(timings: IdempotencyTimings = {}) {
    this.#lockMs = (timings.lockSeconds ?? DEFAULT_LOCK_SECONDS) * 1000;
    this.#ttlMs = (timings.ttlSeconds ?? DEFAULT_IDEMPOTENCY_TTL_SECONDS) * 1000;
    this.#now = timings.now ?? Date.now;
  }

  async claim(key: string): Promise<IdempotencyClaim> {
    const now = this.#now();
    const entry = this.#entries.get(key);
    if (entry && entry.until > now) return entry.status;
    this.#entries.set(key, { status: "in-progress", until: now + this.#lockMs });
    return "acquired";
  }

  async complete(key: string): Promise<void> {
    this.#entries.set(key, { status: "completed", until: this.#now() + this.#ttlMs });
  }

  async release(key: string): Promise<void> {
    if (this.#entries.get(key)?.status === "in-progress") this.#entries.delete(key);
  }

  /** Keys currently completed (for tests and diagnostics). */
  completedKeys(): string[] {
    const now = this.#now();
    return [...this.#entries].filter(([, e]) => e.status === "completed" && e.until > now).map(([k]) => k);
  }
}
