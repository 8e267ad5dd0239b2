import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { AtomicEventStore } from "@vigil/events";
import { createApp } from "./app.ts";
import type { ReplayGuard } from "./auth/replay-guard.ts";
import { type Clock, type PlatformConfig, platformConfig } from "./config.ts";
import {
  type LocalAwsDescription,
  localAwsStorage,
  memoryStorage,
  type PlatformStorage,
  type PlatformTables,
} from "./storage.ts";

export interface StartPlatformOptions {
  /**
   * The event log. When absent: DynamoDB Local of `localAws` when given, else in memory.
   * When given, views and the replay guard are in memory.
   */
  eventStore?: AtomicEventStore;
  adminToken: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback by default: the local platform is not meant to be reachable from the network. */
  hostname?: string;
  config?: Partial<Omit<PlatformConfig, "adminToken">>;
  clock?: Clock;
  replayGuard?: ReplayGuard;
  /**
   * The local AWS stack (`startLocalAws()` from testkit): the platform keeps its event log, views
   * and replay guard in its DynamoDB Local, creating the tables when missing.
   */
  localAws?: LocalAwsDescription;
  /** Table names on `localAws` (defaults `vigil-platform-{events,projections,replay}`). */
  tables?: Partial<PlatformTables>;
}

export interface RunningPlatform {
  url: string;
  /** Where the state lives, e.g. "event log in DynamoDB Local (…)". */
  storage: string;
  eventStore: AtomicEventStore;
  stop(): Promise<void>;
}

/** Serve the API and dashboard on Node until `stop()`. */
export async function startPlatform(options: StartPlatformOptions): Promise<RunningPlatform> {
  const storage: PlatformStorage = options.eventStore
    ? memoryStorage(options.eventStore)
    : options.localAws
      ? await localAwsStorage(options.localAws, options.tables)
      : memoryStorage();
  const app = createApp({
    eventStore: storage.eventStore,
    projections: storage.projections,
    replayGuard: options.replayGuard ?? storage.replayGuard,
    config: platformConfig({ ...options.config, adminToken: options.adminToken }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const hostname = options.hostname ?? "127.0.0.1";
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, () => resolve(s));
      s.once("error", reject);
    });
  } catch (error) {
    storage.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${port}`,
    storage: storage.description,
    eventStore: storage.eventStore,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          storage.close();
          if (err) reject(err);
          else resolve();
        });
        // Keep-alive connections (a browser's) would otherwise hold close() open.
        if ("closeAllConnections" in server)
          (server as { closeAllConnections(): void }).closeAllConnections();
      }),
  };
}
