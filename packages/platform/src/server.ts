import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { EventStore } from "@vigil/events";
import { createApp } from "./app.ts";
import type { ReplayGuard } from "./auth/replay-guard.ts";
import { type Clock, type PlatformConfig, platformConfig } from "./config.ts";

export interface StartPlatformOptions {
  eventStore: EventStore;
  adminToken: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback by default: the local platform is not meant to be reachable from the network. */
  hostname?: string;
  config?: Partial<Omit<PlatformConfig, "adminToken">>;
  clock?: Clock;
  replayGuard?: ReplayGuard;
  /**
   * The local AWS stack the platform runs beside (`startLocalAws()` from testkit), only described
   * here: the caller builds `eventStore` on it, the platform needs nothing else from it today.
   */
  localAws?: { region: string; endpoints: Record<string, string> };
}

export interface RunningPlatform {
  url: string;
  stop(): Promise<void>;
}

/** Serve the API and dashboard on Node until `stop()`. */
export async function startPlatform(options: StartPlatformOptions): Promise<RunningPlatform> {
  const app = createApp({
    eventStore: options.eventStore,
    config: platformConfig({ ...options.config, adminToken: options.adminToken }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.replayGuard === undefined ? {} : { replayGuard: options.replayGuard }),
  });
  const hostname = options.hostname ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections (a browser's) would otherwise hold close() open.
        if ("closeAllConnections" in server)
          (server as { closeAllConnections(): void }).closeAllConnections();
      }),
  };
}
