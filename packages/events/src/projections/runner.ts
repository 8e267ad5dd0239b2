import type { VigilEvent } from "../contracts/catalogue.ts";
import { parseEvent } from "../contracts/parse.ts";
import { readAllPages } from "../store/pages.ts";
import type { EventStore } from "../store/port.ts";
import {
  keysOf,
  type Projection,
  ProjectionConflictError,
  type ProjectionDocument,
  type ProjectionStore,
  RECENT_EVENT_IDS,
} from "./port.ts";

/** Pure step: the document after `event`, or undefined when the event changes nothing. */
export function applyToDocument<S>(
  projection: Projection<S>,
  key: string,
  doc: ProjectionDocument<S> | undefined,
  event: VigilEvent,
): ProjectionDocument<S> | undefined {
  if (doc?.recentEventIds.includes(event.id)) return undefined;
  const state = projection.evolve(doc ? doc.state : projection.initial(key, event), event);
  const recentEventIds = [...(doc?.recentEventIds ?? []), event.id].slice(-RECENT_EVENT_IDS);
  return { state, revision: (doc?.revision ?? 0) + 1, recentEventIds };
}

/**
 * Replay path: folds events into documents it owns, in place. Same result as `applyToDocument`
 * step by step (the same `recentEventIds` window, the same revisions), without copying the id
 * window on every event: a rebuild of a long log is dominated by validation, not by this fold.
 */
export class DocumentFolder {
  readonly #projections: readonly Projection<unknown>[];
  readonly #handles: ReadonlySet<string>[];
  readonly #docs: Map<string, FoldedDocument>[];

  constructor(projections: readonly Projection<unknown>[]) {
    this.#projections = projections;
    this.#handles = projections.map((p) => new Set<string>(p.handles));
    this.#docs = projections.map(() => new Map());
  }

  /** The keys `event` touches in projection `index` (none where it touches nothing). */
  keysOf(index: number, event: VigilEvent): readonly string[] {
    const projection = this.#projections[index] as Projection<unknown>;
    return this.#handles[index]?.has(event.type) ? keysOf(projection, event) : [];
  }

  has(index: number, key: string): boolean {
    return (this.#docs[index] as Map<string, FoldedDocument>).has(key);
  }

  /** Seed a document (a stored one, when catching up); copied, so the caller's stays untouched. */
  seed(index: number, key: string, doc: ProjectionDocument<unknown> | undefined): void {
    const docs = this.#docs[index] as Map<string, FoldedDocument>;
    if (!doc) {
      docs.set(key, { doc: undefined, seen: new Set() });
      return;
    }
    const copy = { ...doc, recentEventIds: [...doc.recentEventIds] };
    docs.set(key, { doc: copy, seen: new Set(copy.recentEventIds) });
  }

  /** Applies `event` to every projection that handles it; returns how many documents changed. */
  apply(event: VigilEvent): number {
    let applied = 0;
    for (let i = 0; i < this.#projections.length; i++) {
      for (const key of this.keysOf(i, event)) applied += this.#applyAt(i, key, event);
    }
    return applied;
  }

  #applyAt(i: number, key: string, event: VigilEvent): number {
    {
      const projection = this.#projections[i] as Projection<unknown>;
      const docs = this.#docs[i] as Map<string, FoldedDocument>;
      let folded = docs.get(key);
      if (!folded) {
        folded = { doc: undefined, seen: new Set() };
        docs.set(key, folded);
      }
      if (folded.seen.has(event.id)) return 0;
      const doc = folded.doc;
      if (!doc) {
        const state = projection.evolve(projection.initial(key, event), event);
        folded.doc = { state, revision: 1, recentEventIds: [event.id] };
      } else {
        doc.state = projection.evolve(doc.state, event);
        doc.revision += 1;
        doc.recentEventIds.push(event.id);
        if (doc.recentEventIds.length > RECENT_EVENT_IDS) {
          const dropped = doc.recentEventIds.splice(0, doc.recentEventIds.length - RECENT_EVENT_IDS);
          for (const id of dropped) folded.seen.delete(id);
        }
      }
      folded.seen.add(event.id);
      return 1;
    }
  }

  /** The documents of projection `index`: key → document (undefined when seeded empty and never touched). */
  documents(index: number): IterableIterator<[string, ProjectionDocument<unknown> | undefined]> {
    const docs = this.#docs[index] as Map<string, FoldedDocument>;
    return (function* () {
      for (const [key, folded] of docs)
        yield [key, folded.doc] as [string, ProjectionDocument<unknown> | undefined];
    })();
  }
}

interface FoldedDocument {
  doc: ProjectionDocument<unknown> | undefined;
  /** The ids in `doc.recentEventIds`, for O(1) duplicate checks. */
  seen: Set<string>;
}

/**
 * Live path: apply one consumed event (from the bus, at least once, in any order). Idempotent
 * on the event id; retries when another consumer updated the same document concurrently.
 */
export async function applyEvent<S>(
  store: ProjectionStore,
  projection: Projection<S>,
  event: VigilEvent,
): Promise<boolean> {
  if (!projection.handles.includes(event.type)) return false;
  let applied = false;
  for (const key of keysOf(projection as Projection<unknown>, event))
    applied = (await applyAtKey(store, projection, key, event)) || applied;
  return applied;
}

async function applyAtKey<S>(
  store: ProjectionStore,
  projection: Projection<S>,
  key: string,
  event: VigilEvent,
): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const doc = await store.load<S>(projection.name, key);
    const next = applyToDocument(projection, key, doc, event);
    if (!next) return false;
    try {
      await store.save(projection.name, key, next, doc?.revision ?? 0);
      return true;
    } catch (error) {
      if (!(error instanceof ProjectionConflictError)) throw error;
    }
  }
  throw new ProjectionConflictError(projection.name, key);
}

export interface RebuildProgress {
  events: number;
  applied: number;
  invalid: number;
  position: string | undefined;
}

export interface RebuildOptions {
  /** Continue after this position instead of from the start (catch-up). */
  since?: string;
  /** Stop after events recorded at or before this time (state at a point in time). */
  until?: string;
  pageSize?: number;
  onProgress?(progress: RebuildProgress): void;
}

/**
 * Replay path: fold the whole log (or from a checkpoint) through projections, in memory,
 * then write every touched document and the checkpoint. Events that fail validation are
 * counted and skipped, never fatal: a replay must finish to be useful for debugging.
 */
export async function rebuildProjections(
  log: EventStore,
  projections: readonly Projection<unknown>[],
  target: ProjectionStore,
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  const folder = new DocumentFolder(projections);
  // Catch-up continues the stored documents (and saves only if they did not change meanwhile);
  // a rebuild from the start computes them afresh.
  const catchingUp = options.since !== undefined;
  const baseRevisions = projections.map(() => new Map<string, number>());
  const progress: RebuildProgress = { events: 0, applied: 0, invalid: 0, position: options.since };
  for await (const page of readAllPages(log, { since: options.since, limit: options.pageSize ?? 1000 })) {
    for (const recorded of page.events) {
      if (options.until !== undefined && recorded.recordedAt > options.until) {
        return finish();
      }
      progress.events += 1;
      progress.position = recorded.position;
      const parsed = parseEvent(recorded.event);
      if (!parsed.ok) {
        progress.invalid += 1;
        continue;
      }
      if (catchingUp) {
        for (const [i, projection] of projections.entries()) {
          for (const key of folder.keysOf(i, parsed.event)) {
            if (folder.has(i, key)) continue;
            const stored = await target.load(projection.name, key);
            folder.seed(i, key, stored);
            baseRevisions[i]?.set(key, stored?.revision ?? 0);
          }
        }
      }
      progress.applied += folder.apply(parsed.event);
    }
    options.onProgress?.({ ...progress });
  }
  return finish();

  async function finish(): Promise<RebuildProgress> {
    for (const [i, projection] of projections.entries()) {
      for (const [key, doc] of folder.documents(i)) {
        if (!doc) continue;
        const base = baseRevisions[i]?.get(key);
        if (base !== undefined) {
          if (doc.revision === base) continue; // nothing new for this document
          // Conflicts when another writer changed it since it was loaded: the caller catches up again.
          await target.save(projection.name, key, { ...doc, revision: base + 1 }, base);
          continue;
        }
        const existing = await target.load(projection.name, key);
        await target.save(
          projection.name,
          key,
          { ...doc, revision: (existing?.revision ?? 0) + 1 },
          existing?.revision ?? 0,
        );
      }
      await target.saveCheckpoint(projection.name, {
        position: progress.position,
        updatedAt: new Date().toISOString(),
      });
    }
    return progress;
  }
}

/**
 * Bring stored views up to date with the log: continue each projection from its checkpoint
 * (one pass when they share it, as after `rebuildProjections`). Safe to run concurrently: a
 * document changed by another runner meanwhile fails with ProjectionConflictError, and running
 * again applies only what is still missing (events are applied once per document).
 */
export async function catchUpProjections(
  log: EventStore,
  projections: readonly Projection<unknown>[],
  target: ProjectionStore,
  options: Omit<RebuildOptions, "since" | "until"> = {},
): Promise<RebuildProgress> {
  const checkpoints = await Promise.all(projections.map((p) => target.loadCheckpoint(p.name)));
  const positions = new Set(checkpoints.map((c) => c?.position));
  if (positions.size === 1) {
    const [position] = positions;
    return rebuildProjections(log, projections, target, { ...options, since: position ?? START });
  }
  const total: RebuildProgress = { events: 0, applied: 0, invalid: 0, position: undefined };
  for (const [i, projection] of projections.entries()) {
    const done = await rebuildProjections(log, [projection], target, {
      ...options,
      since: checkpoints[i]?.position ?? START,
    });
    total.events += done.events;
    total.applied += done.applied;
    total.invalid += done.invalid;
    total.position = done.position;
  }
  return total;
}

/**
 * `since` for "from the very beginning, continuing stored documents": readAll treats an empty
 * position as the start of the log.
 */
const START = "";

export interface ProjectionDiff {
  projection: string;
  key: string;
  kind: "missing-in-stored" | "missing-in-rebuilt" | "different";
  stored?: unknown;
  rebuilt?: unknown;
}

/** Compare two stores' views of the same projections (e.g. rebuilt from the log vs live). */
export async function diffProjections(
  projections: readonly Pick<Projection<unknown>, "name">[],
  stored: ProjectionStore,
  rebuilt: ProjectionStore,
): Promise<ProjectionDiff[]> {
  const diffs: ProjectionDiff[] = [];
  for (const { name } of projections) {
    const a = new Map((await stored.list(name)).map((d) => [d.key, d.state]));
    const b = new Map((await rebuilt.list(name)).map((d) => [d.key, d.state]));
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (!a.has(key)) diffs.push({ projection: name, key, kind: "missing-in-stored", rebuilt: b.get(key) });
      else if (!b.has(key))
        diffs.push({ projection: name, key, kind: "missing-in-rebuilt", stored: a.get(key) });
      else if (canonical(a.get(key)) !== canonical(b.get(key))) {
        diffs.push({ projection: name, key, kind: "different", stored: a.get(key), rebuilt: b.get(key) });
      }
    }
  }
  return diffs;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}
