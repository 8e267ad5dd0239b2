/**
 * Remembers signatures for as long as their timestamp could still pass the skew check, so a
 * captured request cannot be sent a second time. The port lets a Lambda deployment share it
 * (e.g. a DynamoDB conditional put with a TTL); the memory adapter serves a single process.
 */
export interface ReplayGuard {
  /** True when `signature` was not seen yet (and is now remembered until `forgetAfter`). */
  firstUse(signature: string, forgetAfter: Date, now: Date): Promise<boolean>;
}

export function memoryReplayGuard(): ReplayGuard & { size(): number } {
  const seen = new Map<string, number>();
  return {
    async firstUse(signature, forgetAfter, now) {
      const t = now.getTime();
      for (const [sig, until] of seen) if (until < t) seen.delete(sig);
      if (seen.has(signature)) return false;
      seen.set(signature, forgetAfter.getTime());
      return true;
    },
    size: () => seen.size,
  };
}
