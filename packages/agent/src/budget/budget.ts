import type { Clock } from "./clock.ts";
import { isThrottlingError, RateLimitedError } from "./errors.ts";
import {
  AWS_RATE_LIMITS,
  type BudgetFamily,
  budgetLimit,
  DEFAULT_HEADROOM,
  type RateLimit,
} from "./limits.ts";
import { type BucketState, fullBucket, reserve } from "./token-bucket.ts";

/** One budget: the calls Vigil makes to one API family in one region of one account. */
export interface BudgetKey {
  readonly accountId: string;
  readonly region: string;
  readonly family: BudgetFamily | string;
}

export interface ApiBudgetOptions {
  readonly clock: Clock;
  /** Share of AWS's limit Vigil may use (default 0.8). */
  readonly headroom?: number;
  /** AWS's limits per family (default: the published ones). */
  readonly limits?: Readonly<Record<BudgetFamily, RateLimit>>;
  /** Lowest share of the budget a throttled key shrinks to (default 0.1). */
  readonly minShare?: number;
}

export interface BudgetStats {
  readonly calls: number;
  /** Calls whose answer was a throttling error after the SDK's retries. */
  readonly throttled: number;
  /** Calls that succeeded only after SDK retries (`$metadata.attempts > 1`). */
  readonly retried: number;
  /** Total time callers waited for tokens, ms. */
  readonly waitedMs: number;
}

interface KeyState {
  bucket: BucketState;
  /** Current share of the family's budget (AIMD: −30% on throttling, +0.5% per clean call). */
  share: number;
  lastCutAt: number;
  readonly limit: RateLimit;
}

/**
 * Token-bucket budgets per (account, region, API family), sized below AWS's limits. `call` waits
 * for a token, runs the call and adapts: when AWS throttles anyway (another tenant is spending the
 * same bucket) the key's rate drops by 30%, and recovers additively as calls succeed.
 */
export class ApiBudget {
  readonly #clock: Clock;
  readonly #headroom: number;
  readonly #limits: Readonly<Record<BudgetFamily, RateLimit>>;
  readonly #minShare: number;
  readonly #keys = new Map<string, KeyState>();
  #stats = { calls: 0, throttled: 0, retried: 0, waitedMs: 0 };

  constructor(options: ApiBudgetOptions) {
    this.#clock = options.clock;
    this.#headroom = options.headroom ?? DEFAULT_HEADROOM;
    this.#limits = options.limits ?? AWS_RATE_LIMITS;
    this.#minShare = options.minShare ?? 0.1;
    budgetLimit("default", this.#headroom, this.#limits); // validates headroom early
  }

  /** The budget's limit for a key at full share. */
  limitOf(family: string): RateLimit {
    return budgetLimit(family, this.#headroom, this.#limits);
  }

  /** Waits until the key's budget allows one more call. */
  async acquire(key: BudgetKey): Promise<void> {
    const state = this.#state(key);
    const limit = scaled(state.limit, state.share);
    const { state: next, waitMs } = reserve(state.bucket, limit, this.#clock.now());
    state.bucket = next;
    if (waitMs > 0) {
      this.#stats.waitedMs += waitMs;
      await this.#clock.sleep(waitMs);
    }
  }

  /**
   * Runs one AWS call inside the budget. A throttling error that survived the SDK's retries becomes
   * a `RateLimitedError` (the scheduler pauses on it); other errors pass through unchanged.
   */
  async call<T>(key: BudgetKey, fn: () => Promise<T>, api: string = key.family): Promise<T> {
    await this.acquire(key);
    this.#stats.calls++;
    try {
      const result = await fn();
      const attempts =
        (result as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts ?? 1;
      if (attempts > 1) {
        this.#stats.retried++;
        this.throttled(key);
      } else this.succeeded(key);
      return result;
    } catch (error) {
      if (!isThrottlingError(error)) throw error;
      this.#stats.throttled++;
      this.throttled(key);
      throw new RateLimitedError(api, key.region, key.family, { cause: error });
    }
  }

  /** AWS throttled a call of this key: cut its rate by 30% and drop its saved-up burst. */
  throttled(key: BudgetKey): void {
    const state = this.#state(key);
    const now = this.#clock.now();
    // One cut per second (as TCP cuts once per round trip): the calls already in flight when the
    // bucket ran dry are throttled together, and all say the same thing.
    if (now - state.lastCutAt < 1_000) return;
    state.lastCutAt = now;
    state.share = Math.max(this.#minShare, state.share * 0.7);
    state.bucket = {
      tokens: Math.min(0, state.bucket.tokens),
      at: Math.max(state.bucket.at, this.#clock.now()),
    };
  }

  /** A call went through first time: win back a little of the rate (additive increase). */
  succeeded(key: BudgetKey): void {
    const state = this.#state(key);
    if (state.share < 1) state.share = Math.min(1, state.share + 0.005);
  }

  /** Current share (0..1] of a key's budget, after adaptation. */
  shareOf(key: BudgetKey): number {
    return this.#keys.get(keyString(key))?.share ?? 1;
  }

  stats(): BudgetStats {
    return { ...this.#stats };
  }

  #state(key: BudgetKey): KeyState {
    const id = keyString(key);
    let state = this.#keys.get(id);
    if (!state) {
      const limit = this.limitOf(key.family);
      state = {
        bucket: fullBucket(limit, this.#clock.now()),
        share: 1,
        lastCutAt: Number.NEGATIVE_INFINITY,
        limit,
      };
      this.#keys.set(id, state);
    }
    return state;
  }
}

function scaled(limit: RateLimit, share: number): RateLimit {
  return share >= 1 ? limit : { burst: Math.max(1, limit.burst * share), perSecond: limit.perSecond * share };
}

export function keyString(key: BudgetKey): string {
  return `${key.accountId}|${key.region}|${key.family}`;
}
