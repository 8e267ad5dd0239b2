import { isTransient } from "./errors.ts";

export interface RetryOptions {
  /** Total attempts, including the first. */
  attempts: number;
  /** Delay before retry n (1-based), in milliseconds. */
  delayMs: (retry: number) => number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (error: unknown, retry: number) => void;
}

export const defaultRetry: RetryOptions = { attempts: 3, delayMs: (n) => 250 * 2 ** (n - 1) };

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Run `fn`, retrying only transient failures; the last error is rethrown with the attempt count. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = defaultRetry): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isTransient(error) || attempt >= options.attempts) {
        if (isTransient(error)) Object.assign(error, { attempts: attempt });
        throw error;
      }
      options.onRetry?.(error, attempt);
      await sleep(options.delayMs(attempt));
    }
  }
}
