import type { RateLimit } from "./limits.ts";

/**
 * A token bucket as a value. `tokens` may go below zero: each caller reserves its token and waits
 * for the refill that pays for it, so concurrent callers queue fairly instead of polling.
 */
export interface BucketState {
  readonly tokens: number;
  /** Clock time (ms) `tokens` was computed at. */
  readonly at: number;
}

export function fullBucket(limit: RateLimit, now: number): BucketState {
  return { tokens: limit.burst, at: now };
}

/** Adds what the bucket earned since `at`, capped at the burst. */
export function refill(state: BucketState, limit: RateLimit, now: number): BucketState {
  if (now <= state.at) return state;
  const earned = ((now - state.at) * limit.perSecond) / 1000;
  return { tokens: Math.min(limit.burst, state.tokens + earned), at: now };
}

/** Takes one token; `waitMs` is how long the caller must wait before its call may go out. */
export function reserve(
  state: BucketState,
  limit: RateLimit,
  now: number,
): { state: BucketState; waitMs: number } {
  const current = refill(state, limit, now);
  const tokens = current.tokens - 1;
  const waitMs = tokens >= 0 ? 0 : Math.ceil((-tokens * 1000) / limit.perSecond);
  return { state: { tokens, at: current.at }, waitMs };
}

/**
 * Minimum time (ms) to make `calls` calls through a bucket that starts full: the burst goes at once,
 * the rest at the refill rate. The lower bound any schedule can reach.
 */
export function lowerBoundMs(calls: number, limit: RateLimit): number {
  const beyondBurst = calls - Math.floor(limit.burst);
  return beyondBurst <= 0 ? 0 : (beyondBurst * 1000) / limit.perSecond;
}
