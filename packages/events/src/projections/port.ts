import type { EventType, VigilEvent } from "../contracts/catalogue.ts";

/**
 * A projection: a view computed from events. `evolve` is pure. Views are keyed (one document
 * per integration, per asset, …) so they can live in a key-value store and update in parallel.
 */
export interface Projection<S = unknown> {
  name: string;
  handles: readonly EventType[];
  /**
   * Which document an event updates (or documents: a digest touches every asset it lists);
   * undefined skips the event.
   */
  keyOf(event: VigilEvent): string | readonly string[] | undefined;
  initial(key: string, event: VigilEvent): S;
  evolve(state: S, event: VigilEvent): S;
}

export interface ProjectionDocument<S = unknown> {
  state: S;
  /** Incremented on every save; saves are conditional on it (optimistic concurrency). */
  revision: number;
  /** Ids of the most recent events applied, so a redelivered event is not applied twice. */
  recentEventIds: string[];
}

export interface ProjectionCheckpoint {
  /** readAll position of the last event a rebuild or catch-up applied. */
  position: string | undefined;
  updatedAt: string;
}

/** Where projection documents and checkpoints are kept. */
export interface ProjectionStore {
  load<S>(projection: string, key: string): Promise<ProjectionDocument<S> | undefined>;
  /** Save if the stored revision is still `expectedRevision` (0 = new); else ProjectionConflictError. */
  save<S>(
    projection: string,
    key: string,
    doc: ProjectionDocument<S>,
    expectedRevision: number,
  ): Promise<void>;
  /** Documents in key order; `keyPrefix` narrows to keys starting with it (one integration's assets). */
  list<S>(projection: string, options?: { keyPrefix?: string }): Promise<{ key: string; state: S }[]>;
  loadCheckpoint(projection: string): Promise<ProjectionCheckpoint | undefined>;
  saveCheckpoint(projection: string, checkpoint: ProjectionCheckpoint): Promise<void>;
}

export class ProjectionConflictError extends Error {
  override readonly name = "ProjectionConflictError";
  constructor(
    readonly projection: string,
    readonly key: string,
  ) {
    super(
      `projection ${projection} document "${key}" changed while it was being updated; reload and apply again`,
    );
  }
}

/** How many applied event ids each document remembers for deduplication. */
export const RECENT_EVENT_IDS = 256;

/** The documents `event` updates in `projection`: none, one or several keys. */
export function keysOf(projection: Pick<Projection<unknown>, "keyOf">, event: VigilEvent): readonly string[] {
  const keys = projection.keyOf(event);
  return keys === undefined ? [] : typeof keys === "string" ? [keys] : keys;
}
