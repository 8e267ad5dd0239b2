import {
  type ProjectionCheckpoint,
  ProjectionConflictError,
  type ProjectionDocument,
  type ProjectionStore,
} from "./port.ts";

/** Projection documents in memory, as JSON so callers never share mutable state with the store. */
export class InMemoryProjectionStore implements ProjectionStore {
  readonly #docs = new Map<string, Map<string, string>>();
  readonly #checkpoints = new Map<string, ProjectionCheckpoint>();

  async load<S>(projection: string, key: string): Promise<ProjectionDocument<S> | undefined> {
    const json = this.#docs.get(projection)?.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as ProjectionDocument<S>);
  }

  async save<S>(
    projection: string,
    key: string,
    doc: ProjectionDocument<S>,
    expectedRevision: number,
  ): Promise<void> {
    const docs = this.#docs.get(projection) ?? new Map<string, string>();
    const current = docs.get(key);
    const revision = current === undefined ? 0 : (JSON.parse(current) as ProjectionDocument).revision;
    if (revision !== expectedRevision) throw new ProjectionConflictError(projection, key);
    docs.set(key, JSON.stringify(doc));
    this.#docs.set(projection, docs);
  }

  async list<S>(
    projection: string,
    options: { keyPrefix?: string } = {},
  ): Promise<{ key: string; state: S }[]> {
    const docs = this.#docs.get(projection) ?? new Map<string, string>();
    const prefix = options.keyPrefix ?? "";
    return [...docs.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, json]) => ({ key, state: (JSON.parse(json) as ProjectionDocument<S>).state }));
  }

  async loadCheckpoint(projection: string): Promise<ProjectionCheckpoint | undefined> {
    return this.#checkpoints.get(projection);
  }

  async saveCheckpoint(projection: string, checkpoint: ProjectionCheckpoint): Promise<void> {
    this.#checkpoints.set(projection, { ...checkpoint });
  }
}
