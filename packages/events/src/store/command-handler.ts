import type { EventEnvelope } from "../envelope/envelope.ts";
import { ExpectedVersionConflictError } from "./errors.ts";
import { MultiStreamConflictError } from "./multi-stream.ts";
import type { AppendResult, EventStore, RecordedEvent } from "./port.ts";

/**
 * Backoff between attempts that lost a race for a stream: "full jitter" (a uniformly random wait
 * up to `base · 2^attempt`, capped), so writers that collided spread out instead of colliding
 * again in lock step.
 */
export interface BackoffOptions {
  /** First attempt's ceiling, ms (default 10). */
  baseDelayMs?: number;
  /** Largest ceiling, ms (default 1000). */
  maxDelayMs?: number;
  /** Uniform in [0, 1); tests pin it. */
  random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseDelayMs ?? 10;
  const max = options.maxDelayMs ?? 1000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

export interface ConflictRetryOptions extends BackoffOptions {
  /** Attempts in all, the first included (default 6). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** What counts as a lost race (default: a version conflict, single- or multi-stream). */
  isConflict?: (error: unknown) => boolean;
}

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ExpectedVersionConflictError || error instanceof MultiStreamConflictError;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Run `attempt` until it does not lose a race: each conflict re-runs it (it must re-read and
 * decide again) after a jittered backoff; other errors, and the last conflict, are thrown.
 */
export async function retryOnConflict<T>(
  attempt: (n: number) => Promise<T>,
  options: ConflictRetryOptions = {},
): Promise<T> {
  const max = options.maxAttempts ?? 6;
  const isConflict = options.isConflict ?? isVersionConflict;
  const sleep = options.sleep ?? defaultSleep;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!isConflict(error) || n + 1 >= max) throw error;
      await sleep(backoffDelay(n, options));
    }
  }
}

/** What a decision returns: the events to append (none is fine) and the caller's answer. */
export interface CommandDecision<T> {
  events: readonly EventEnvelope[];
  result: T;
}

export interface CommandHandlerOptions<S> {
  /** State before the stream's first event. */
  initial: () => S;
  /** Fold one recorded event into the state (pure). */
  evolve: (state: S, event: RecordedEvent) => S;
}

export interface CommandOutcome<S, T> {
  result: T;
  /** State the decision was taken on. */
  state: S;
  /** The append, when the decision produced events. */
  appended?: AppendResult;
  /** 1 when the first decision stood; more when a concurrent writer made it decide again. */
  attempts: number;
}

/**
 * Emmett's command handler: read the stream → fold it → decide (pure; throw to refuse) → append
 * at the version read. A concurrent writer makes the append conflict; the handler then backs off
 * (full jitter) and runs the whole read → decide → append again on the new state, so a decision
 * is never appended on a state it did not see. Shared by the platform's commands and the agent's
 * scheduler.
 */
export async function handleCommand<S, T>(
  store: EventStore,
  streamId: string,
  handler: CommandHandlerOptions<S>,
  decide: (
    state: S,
    context: { version: number; attempt: number },
  ) => CommandDecision<T> | Promise<CommandDecision<T>>,
  options: ConflictRetryOptions = {},
): Promise<CommandOutcome<S, T>> {
  let attempts = 0;
  return retryOnConflict(async (attempt) => {
    attempts = attempt + 1;
    const read = await store.readStream(streamId);
    const state = read.events.reduce(handler.evolve, handler.initial());
    const decision = await decide(state, { version: read.streamVersion, attempt });
    if (decision.events.length === 0) return { result: decision.result, state, attempts };
    const appended = await store.appendToStream(streamId, decision.events, {
      expectedVersion: read.streamVersion === 0 ? "no_stream" : read.streamVersion,
    });
    return { result: decision.result, state, appended, attempts };
  }, options);
}
