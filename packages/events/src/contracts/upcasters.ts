import { dataSchemaUri, type EventEnvelope } from "../envelope/envelope.ts";
import type { EventOf, LegacyEvent } from "./catalogue.ts";

/**
 * An upcaster turns a validated event of an old version into the next version. Old events in
 * the log are never rewritten: readers upcast on the fly, one version step at a time.
 */
export interface Upcaster<
  From extends EventEnvelope = EventEnvelope,
  To extends EventEnvelope = EventEnvelope,
> {
  from: From["type"];
  to: To["type"];
  upcast(event: From): To;
}

type HeartbeatV1 = Extract<LegacyEvent, { type: "vigil.integration.heartbeat.v1" }>;
type HeartbeatV2 = EventOf<"vigil.integration.heartbeat.v2">;

/** heartbeat v1 → v2: `agentVersion` moves into `components.agent`, `regions` becomes `enabledRegions`. */
export const heartbeatV1ToV2: Upcaster<HeartbeatV1, HeartbeatV2> = {
  from: "vigil.integration.heartbeat.v1",
  to: "vigil.integration.heartbeat.v2",
  upcast(event) {
    const { agentVersion, regions, accountId } = event.data;
    return {
      ...event,
      type: "vigil.integration.heartbeat.v2",
      dataschema: dataSchemaUri("vigil.integration.heartbeat.v2"),
      data: { accountId, components: { agent: agentVersion }, enabledRegions: regions },
    };
  },
};

export const upcasters: readonly Upcaster[] = [heartbeatV1ToV2 as unknown as Upcaster];

const byFrom = new Map(upcasters.map((u) => [u.from, u]));

export function upcasterFrom(type: string): Upcaster | undefined {
  return byFrom.get(type);
}
