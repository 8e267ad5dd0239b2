import { InMemoryEventStore } from "@vigil/events";
import {
  type EbsApi,
  EbsOrchestrator,
  type EbsOrchestratorOptions,
  type EbsScanState,
  ManualClock,
  memoryRootFs,
  recordScannerResult,
  type ScannerHost,
  SOURCE_VOLUME_TAG,
  scanAttachedCopies,
} from "../../src/index.ts";
import type { Tree } from "../os/trees.ts";
import type { FakeEc2 } from "./fake-ec2.ts";

export const ACCOUNT = "123456789012";
export const INTEGRATION = "int-1";
export const REGION = "eu-west-1";
export const GROUP = `vigil-ebs-scanner-${INTEGRATION}`;
export const SOURCE = `urn:vigil:agent:${ACCOUNT}`;

export class CrashError extends Error {
  override readonly name = "CrashError";
}

export interface World {
  readonly clock: ManualClock;
  readonly store: InMemoryEventStore;
  /** The root filesystem each source volume holds (none: a copy the scanner cannot mount). */
  readonly disks: Map<string, Tree>;
  /** Snapshot ids each scanner instance reported (it keeps them in memory: a new instance starts empty). */
  readonly reported: Map<string, Set<string>>;
}

export function world(start = Date.UTC(2026, 5, 1)): World {
  const clock = new ManualClock(start);
  return {
    clock,
    store: new InMemoryEventStore({ now: () => new Date(clock.now()) }),
    disks: new Map(),
    reported: new Map(),
  };
}

/** A scanner instance of the fake account: its attached copies, opened from the trees of their sources. */
export function scannerHost(
  w: World,
  api: FakeEc2,
  instanceId: string,
  options: { integrationId?: string } = {},
): ScannerHost {
  return {
    accountId: ACCOUNT,
    region: REGION,
    instanceId,
    integrationId: options.integrationId ?? INTEGRATION,
    async attachedCopies() {
      return [...api.vols.values()].flatMap((v) =>
        v.attachments
          .filter((a) => a.instanceId === instanceId && a.state === "attached")
          .map((a) => ({ volumeId: v.volumeId, device: a.device, tags: { ...v.tags } })),
      );
    },
    async open(copy) {
      const tree = w.disks.get(copy.tags[SOURCE_VOLUME_TAG] ?? "");
      if (!tree)
        return {
          ok: false,
          code: "NoFilesystem",
          message: `${copy.device} holds no filesystem blkid recognises`,
        };
      return { ok: true, fs: memoryRootFs(tree), close: async () => {} };
    },
    async publish(events) {
      for (const event of events)
        await recordScannerResult(w.store, event, { integrationId: INTEGRATION, accountId: ACCOUNT });
    },
  };
}

/** Every scanner instance in service looks at its copies once. */
export async function scannersAct(w: World, api: FakeEc2, options: { silent?: boolean } = {}): Promise<void> {
  if (options.silent) return;
  for (const [instanceId, s] of api.scanners) {
    if (s.lifecycleState !== "InService") continue;
    let reported = w.reported.get(instanceId);
    if (!reported) {
      reported = new Set();
      w.reported.set(instanceId, reported);
    }
    await scanAttachedCopies(scannerHost(w, api, instanceId), { now: () => w.clock.now(), reported });
  }
}

export type OrchestratorOverrides = Partial<Omit<EbsOrchestratorOptions, "store" | "api" | "clock">>;

export function orchestrator(w: World, api: EbsApi, overrides: OrchestratorOverrides = {}): EbsOrchestrator {
  return new EbsOrchestrator({
    store: w.store,
    api,
    integrationId: INTEGRATION,
    accountId: ACCOUNT,
    source: SOURCE,
    clock: w.clock,
    scannerGroupFor: (region) => (region === REGION ? GROUP : undefined),
    homeRegion: REGION,
    ...overrides,
  });
}

/**
 * Runs a region's EBS scan to its end the way the agent does (one `advance` per job, the account
 * moving on between them, scanners acting), a fresh orchestrator each time, as a new Lambda would be.
 * `crashAt` lists the AWS changes (1-based, counted over the whole run) after which the agent dies
 * before recording them.
 */
export async function runToEnd(
  w: World,
  api: FakeEc2,
  scanId: string,
  options: {
    crashAt?: readonly number[];
    overrides?: OrchestratorOverrides;
    maxRounds?: number;
    silentScanner?: boolean;
    onRound?: (round: number) => void;
  } = {},
): Promise<{ state: EbsScanState; rounds: number; crashes: number; mutations: string[] }> {
  const crashAt = new Set(options.crashAt ?? []);
  const mutations: string[] = [];
  let crashes = 0;
  for (let round = 1; round <= (options.maxRounds ?? 200); round++) {
    options.onRound?.(round);
    const o = orchestrator(w, api, {
      ...options.overrides,
      afterMutation: (step) => {
        mutations.push(step);
        if (crashAt.has(mutations.length)) throw new CrashError(`crash after ${step} (#${mutations.length})`);
      },
    });
    try {
      const out = await o.advance(scanId, REGION);
      if (out.done) return { state: out.state, rounds: round, crashes, mutations };
    } catch (error) {
      if (!(error instanceof CrashError)) throw error;
      crashes++;
    }
    api.tick();
    await w.clock.advance(20_000);
    await scannersAct(w, api, { silent: options.silentScanner ?? false });
  }
  throw new Error(`the EBS scan did not finish in ${options.maxRounds ?? 200} rounds`);
}
