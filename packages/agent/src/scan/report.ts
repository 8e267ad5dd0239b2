import type { VigilEvent } from "@vigil/events";
import type { AwsClients } from "../aws/clients.ts";
import type { CheckSelection, Mute } from "../checks/index.ts";
import type { ScanRequest, ScanRunner } from "../lifecycle/check-in.ts";
import { runScan } from "./scan.ts";
import { memorySink } from "./sink.ts";

/**
 * `runScan` as the check-in's `ScanRunner`: one whole scan in this process, its events collected
 * for a signed report (the CLI and the lifecycle end-to-end test; the Lambda runs shards instead).
 */
export function singleProcessScan(
  clients: AwsClients,
  options: { selection?: CheckSelection; mutes?: readonly Mute[] } = {},
): ScanRunner {
  return async (request: ScanRequest): Promise<VigilEvent[]> => {
    const sink = memorySink();
    await runScan({
      clients,
      emit: sink.emit,
      scanId: request.scanId,
      integrationId: request.integrationId,
      regions: request.regions,
      now: request.now,
      ...(options.selection !== undefined ? { selection: options.selection } : {}),
      ...(options.mutes !== undefined ? { mutes: options.mutes } : {}),
    });
    return sink.events;
  };
}
