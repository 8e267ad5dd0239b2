/**
 * Spreading a scan's jobs in time, so a scan does not land on the customer's API buckets (or on
 * Lambda concurrency) all at once. Pure and seeded: the same scan gets the same schedule.
 */

/** A number in [0, 1) from a seed and a key (FNV-1a then a murmur3 finalizer). */
export function seededUnit(seed: string | number, key: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${key}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

export interface SpreadOptions {
  readonly seed: string | number;
  /** Jobs start evenly over this window (default 0: all at once, jitter only). */
  readonly spreadMs?: number;
  /** Random extra delay per job, 0..jitterMs (default 1 s). */
  readonly jitterMs?: number;
}

/**
 * Delay (ms) of each job: slot `i` of `n` over the window, plus seeded jitter. Keys are taken in
 * the order given; interleave regions first (see `interleaveByRegion`) so no region's jobs bunch up.
 */
export function jobDelays(keys: readonly string[], options: SpreadOptions): Map<string, number> {
  const spread = Math.max(0, options.spreadMs ?? 0);
  const jitter = Math.max(0, options.jitterMs ?? 1000);
  const out = new Map<string, number>();
  keys.forEach((key, i) => {
    const slot = keys.length > 0 ? Math.floor((spread * i) / keys.length) : 0;
    out.set(key, slot + Math.floor(seededUnit(options.seed, key) * jitter));
  });
  return out;
}

/** Round-robin over regions: `[r1a, r2a, r1b, r2b, …]`, keeping each region's own order. */
export function interleaveByRegion<T extends { region: string }>(items: readonly T[]): T[] {
  const byRegion = new Map<string, T[]>();
  for (const item of items) {
    const list = byRegion.get(item.region);
    if (list) list.push(item);
    else byRegion.set(item.region, [item]);
  }
  const lists = [...byRegion.values()];
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++)
    for (const list of lists) if (i < list.length) out.push(list[i] as T);
  return out;
}

/** SQS caps DelaySeconds at 900: longer waits are re-queued until `notBefore`. */
export const MAX_QUEUE_DELAY_MS = 900_000;

/** Delay of a re-queued job that must not run before `until`, with seeded jitter so they don't stampede. */
export function delayUntil(
  until: number,
  now: number,
  jitterMs: number,
  seed: string | number,
  key: string,
): number {
  return Math.max(0, until - now) + Math.floor(seededUnit(seed, key) * Math.max(0, jitterMs));
}
