import type { EventEnvelope, EventStore } from "@vigil/events";
import { scannerSource } from "./api.ts";
import { ebsScanState, ebsStreamId } from "./state.ts";

export type ScannerResultOutcome =
  | { readonly kind: "recorded"; readonly streamId: string }
  | { readonly kind: "ignored"; readonly reason: string };

/**
 * The agent's side of `vigil.ebs.scanned.v1`: the scanner's result goes into the region's EBS scan
 * stream, where the next step of that scan reads it — if it is this integration's scanner, for a copy
 * that scan made. Anything else is ignored with the reason (a stale scanner, another integration).
 */
export async function recordScannerResult(
  store: EventStore,
  event: EventEnvelope,
  context: { readonly integrationId: string; readonly accountId: string },
): Promise<ScannerResultOutcome> {
  if (event.type !== "vigil.ebs.scanned.v1")
    return { kind: "ignored", reason: `${event.type} is not a scanner result` };
  if (event.integrationid !== context.integrationId)
    return {
      kind: "ignored",
      reason: `for integration ${event.integrationid ?? "(none)"}, not ${context.integrationId}`,
    };
  if (event.source !== scannerSource(context.accountId))
    return { kind: "ignored", reason: `from ${event.source}, not this account's EBS scanner` };
  const data = event.data as { scanId: string; region: string; snapshotId: string };
  const streamId = ebsStreamId(data.scanId, data.region);
  const state = ebsScanState((await store.readStream(streamId)).events);
  const task = state.bySnapshot.get(data.snapshotId);
  if (!task) return { kind: "ignored", reason: `no copy ${data.snapshotId} in ${streamId}` };
  if (task.scanned) return { kind: "ignored", reason: `${data.snapshotId} was already reported` };
  await store.appendToStream(streamId, [event], { expectedVersion: "any" });
  return { kind: "recorded", streamId };
}
