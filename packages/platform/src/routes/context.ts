import type { AtomicEventStore } from "@vigil/events";
import type { MiddlewareHandler } from "hono";
import type { ReplayGuard } from "../auth/replay-guard.ts";
import type { Clock, PlatformConfig } from "../config.ts";
import type { IntegrationState } from "../event-log.ts";
import type { IntegrationLedger } from "../integrations/ledger.ts";
import type { AwsSend } from "../organizations/aws-identity.ts";
import type { PlatformViews } from "../views/platform-views.ts";
import type { Access } from "./auth.ts";

/** What every router of the API shares. */
export interface RouteContext {
  store: AtomicEventStore;
  config: PlatformConfig;
  clock: Clock;
  replayGuard: ReplayGuard;
  views: PlatformViews;
  newIntegrationId: () => string;
  /** Sends a member account's presigned AWS request (enrollment); `fetch` by default. */
  awsSend: AwsSend;
  /** Admin role: a Bearer admin token, or an admin's session (with its CSRF token on writes). */
  adminOnly: MiddlewareHandler<Env>;
  /** Any signed-in role (admin or viewer) or the admin token: read-only routes. */
  readers: MiddlewareHandler<Env>;
  /** Rate limiting of wrong secrets (the exchange's registration tokens count too). */
  access: Pick<Access, "refuseIfBlocked" | "failed" | "sessionOf">;
}

export type Env = {
  Variables: {
    ledger: IntegrationLedger;
    integration: IntegrationState;
    rawBody: string;
    keyId: string;
    principal: { kind: "token" | "session"; user: string; role: "admin" | "viewer" };
  };
};

export const SOURCE = "urn:vigil:platform";
