import { createEvent, type EventStore, ExpectedVersionConflictError } from "@vigil/events";
import { Hono, type MiddlewareHandler } from "hono";
import type { Clock } from "../config.ts";
import { readTypedStream, streams } from "../event-log.ts";
import { badRequest, notFound } from "../http/errors.ts";
import { jsonBody } from "../http/read-body.ts";
import {
  decideReleaseRecord,
  type HashesRecorded,
  recordReleaseBody,
  toRecordedReleaseHashes,
} from "./hashes.ts";

/** Release events belong to no customer integration: they are the platform's own facts. */
export const PLATFORM_SCOPE = "vigil-platform";
const SOURCE = "urn:vigil:platform";

export function releaseRoutes(deps: { store: EventStore; clock: Clock; adminOnly: MiddlewareHandler }) {
  const { store, clock } = deps;
  const app = new Hono();

  async function recorded(version: string): Promise<HashesRecorded | undefined> {
    const { events } = await readTypedStream(store, streams.release(version));
    return events.find((e): e is HashesRecorded => e.type === "vigil.release.hashes-recorded.v1");
  }

  app.post("/releases", deps.adminOnly, async (c) => {
    const body = await jsonBody(c, recordReleaseBody, "The release");
    const existing = await recorded(body.version);
    const decision = decideReleaseRecord(existing, body, "admin");
    if (decision.kind === "refused") throw decision.error;
    if (decision.kind === "already-recorded") {
      return c.json({ recorded: toRecordedReleaseHashes(decision.event), created: false }, 200);
    }
    let event: HashesRecorded;
    try {
      event = createEvent("vigil.release.hashes-recorded.v1", decision.data, {
        source: SOURCE,
        integrationId: PLATFORM_SCOPE,
        subject: `release/${body.version}`,
        time: clock(),
      });
    } catch (err) {
      throw badRequest("invalid_request", `The release breaks its contract: ${(err as Error).message}`);
    }
    try {
      // Written once: a concurrent recording of the same version conflicts on the empty stream.
      await store.appendToStream(streams.release(body.version), [event], { expectedVersion: "no_stream" });
    } catch (err) {
      if (!(err instanceof ExpectedVersionConflictError)) throw err;
      const again = decideReleaseRecord(await recorded(body.version), body, "admin");
      if (again.kind === "refused") throw again.error;
      if (again.kind === "already-recorded") {
        return c.json({ recorded: toRecordedReleaseHashes(again.event), created: false }, 200);
      }
      throw err;
    }
    return c.json({ recorded: toRecordedReleaseHashes(event), created: true }, 201);
  });

  // Public: hashes of published artifacts are no secret, and the updater asks without credentials.
  app.get("/releases/:version/hashes", async (c) => {
    const version = c.req.param("version");
    const event = await recorded(version);
    if (!event) {
      throw notFound(
        "release_not_recorded",
        `No hashes are recorded for release ${version}; an unrecorded release is never applied. Record it with POST /releases.`,
      );
    }
    return c.json(toRecordedReleaseHashes(event));
  });

  return app;
}
