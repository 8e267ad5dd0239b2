import type { Projection } from "@vigil/events";

/** One scan of one integration, as its progress is shown (an organization-wide scan lists one per account). */
export interface ScanProgressView {
  integrationId: string;
  scanId: string;
  status: "requested" | "running" | "paused" | "completed" | "failed";
  requestedAt?: string;
  startedAt?: string;
  completedAt?: string;
  /** Shards planned (`scan.started.shardCount`), and the ids of those completed. */
  shardCount?: number;
  shardsCompleted: number;
  completedShards: string[];
  /** Digest parts received per shard not yet complete (`shard-digest` part numbers). */
  digestParts?: Record<string, number[]>;
  /** Assets assessed so far (the completed shards'), then the scan's own count once completed. */
  assets: number;
  /** Failed check results once completed. */
  failed: number;
}

const RANK = { requested: 0, running: 1, paused: 1, completed: 2, failed: 2 } as const;

/**
 * The platform's projection of each scan's progress, keyed `<integration>/<scan>`: requested →
 * started (with its shard count) → shards completed → completed or failed. Order-tolerant: the
 * status only moves forward, shards are counted once by id.
 */
export const scanProgressProjection: Projection<ScanProgressView> = {
  name: "scan-progress",
  handles: [
    "vigil.scan.requested.v1",
    "vigil.scan.started.v1",
    "vigil.scan.shard-completed.v1",
    "vigil.scan.shard-digest.v1",
    "vigil.scan.paused-for-rate-limit.v1",
    "vigil.scan.resumed.v1",
    "vigil.scan.completed.v1",
    "vigil.scan.failed.v1",
  ],
  keyOf: (event) => {
    const scanId = (event.data as { scanId?: string }).scanId;
    return scanId ? `${event.integrationid}/${scanId}` : undefined;
  },
  initial: (_key, event) => ({
    integrationId: event.integrationid,
    scanId: (event.data as { scanId?: string }).scanId ?? "",
    status: "requested",
    shardsCompleted: 0,
    completedShards: [],
    assets: 0,
    failed: 0,
  }),
  evolve(state, event) {
    const next: ScanProgressView = { ...state };
    const advance = (status: ScanProgressView["status"]) => {
      if (RANK[status] >= RANK[next.status]) next.status = status;
    };
    switch (event.type) {
      case "vigil.scan.requested.v1":
        if (!next.requestedAt || event.time < next.requestedAt) next.requestedAt = event.time;
        break;
      case "vigil.scan.started.v1":
        next.startedAt = event.time;
        if (event.data.shardCount !== undefined) next.shardCount = event.data.shardCount;
        advance("running");
        break;
      case "vigil.scan.shard-completed.v1":
        if (!next.completedShards.includes(event.data.shardId)) {
          next.completedShards = [...next.completedShards, event.data.shardId];
          next.shardsCompleted = next.completedShards.length;
          if (next.status !== "completed") next.assets += event.data.assetCount;
        }
        advance("running");
        break;
      case "vigil.scan.shard-digest.v1": {
        // The deployed agent keeps its shard checkpoints local and publishes every shard's digest
        // (an empty one too): a shard is done here once all its digest's parts arrived.
        const { shardId, part, parts, assets } = event.data;
        if (next.completedShards.includes(shardId)) break;
        const seen = next.digestParts?.[shardId] ?? [];
        if (seen.includes(part)) break;
        const now = [...seen, part];
        if (next.status !== "completed") next.assets += assets.length;
        const pending = { ...(next.digestParts ?? {}) };
        if (now.length >= parts) {
          delete pending[shardId];
          next.completedShards = [...next.completedShards, shardId];
          next.shardsCompleted = next.completedShards.length;
        } else pending[shardId] = now;
        next.digestParts = pending;
        advance("running");
        break;
      }
      case "vigil.scan.paused-for-rate-limit.v1":
        if (next.status === "running" || next.status === "requested") next.status = "paused";
        break;
      case "vigil.scan.resumed.v1":
        if (next.status === "paused") next.status = "running";
        break;
      case "vigil.scan.completed.v1":
        next.completedAt = event.time;
        next.assets = event.data.assetCount;
        next.failed = event.data.results.fail;
        advance("completed");
        break;
      case "vigil.scan.failed.v1":
        next.completedAt = event.time;
        advance("failed");
        break;
      default:
        break;
    }
    return next;
  },
};
