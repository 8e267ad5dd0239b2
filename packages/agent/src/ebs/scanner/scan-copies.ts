/**
 * What the scanner instance does, whatever its host: for every volume copy attached to it that a
 * Vigil EBS scan of this integration made (the copy's tags say which scan, snapshot and source), open
 * it read-only, assess the operating system on it, and publish `vigil.ebs.scanned.v1` — results,
 * OS identity and package inventory, never configuration. The agent records it and cleans up.
 */
import { createEvent, deterministicEventId, type EventEnvelope } from "@vigil/events";
import type { AnyCheck } from "../../checks/check.ts";
import type { RootFs } from "../../os/rootfs.ts";
import { scanOperatingSystem } from "../../os/scan.ts";
import {
  isScanCopy,
  SCAN_TAG,
  SNAPSHOT_TAG,
  SOURCE_INSTANCE_TAG,
  SOURCE_VOLUME_TAG,
  scannerSource,
} from "../api.ts";

export { isScanCopy, scannerSource };

import { ebsStreamId } from "../state.ts";

export interface AttachedCopy {
  readonly volumeId: string;
  /** The device name it was attached as (`/dev/sdf`). */
  readonly device: string;
  readonly tags: Readonly<Record<string, string>>;
}

export type OpenedCopy =
  | { readonly ok: true; readonly fs: RootFs; close(): Promise<void> }
  /** The copy holds no filesystem the scanner can mount (or mounting failed): said in the event. */
  | { readonly ok: false; readonly code: string; readonly message: string };

export interface ScannerHost {
  readonly accountId: string;
  readonly region: string;
  readonly instanceId: string;
  readonly integrationId: string;
  readonly partition?: string;
  /** Volumes attached to this instance, with their tags. */
  attachedCopies(): Promise<AttachedCopy[]>;
  /**
   * The copy mounted read-only. A copy with several partitions (an OS root is usually partitioned)
   * opens the one holding an OS root when there is one.
   */
  open(copy: AttachedCopy): Promise<OpenedCopy>;
  publish(events: readonly EventEnvelope[]): Promise<void>;
}

/** Largest inventory sent in one event: SNS carries 256 KB; the rest of the event stays well below. */
const INVENTORY_BYTES = 150_000;

/**
 * Scans every attached copy not scanned yet (`reported` holds the snapshot ids done, and is updated).
 * Returns the events it published.
 */
export async function scanAttachedCopies(
  host: ScannerHost,
  options: { now: () => number; reported: Set<string>; catalogue?: readonly AnyCheck[] },
): Promise<EventEnvelope[]> {
  const published: EventEnvelope[] = [];
  for (const copy of await host.attachedCopies()) {
    if (!isScanCopy(copy.tags, host.integrationId)) continue;
    const snapshotId = copy.tags[SNAPSHOT_TAG] as string;
    if (options.reported.has(snapshotId)) continue;
    const event = await scanCopy(host, copy, options);
    await host.publish([event]);
    options.reported.add(snapshotId);
    published.push(event);
  }
  return published;
}

async function scanCopy(
  host: ScannerHost,
  copy: AttachedCopy,
  options: { now: () => number; catalogue?: readonly AnyCheck[] },
): Promise<EventEnvelope> {
  const started = options.now();
  const scanId = copy.tags[SCAN_TAG] as string;
  const snapshotId = copy.tags[SNAPSHOT_TAG] as string;
  const instanceId = copy.tags[SOURCE_INSTANCE_TAG] as string;
  const sourceVolumeId = copy.tags[SOURCE_VOLUME_TAG] as string;
  const base = {
    scanId,
    region: host.region,
    sourceVolumeArn: `arn:${host.partition ?? "aws"}:ec2:${host.region}:${host.accountId}:volume/${sourceVolumeId}`,
    snapshotId,
    instanceId,
  };
  let data: Record<string, unknown>;
  const opened = await host.open(copy);
  if (!opened.ok) {
    data = {
      ...base,
      filesScanned: 0,
      results: [],
      durationMs: Math.max(0, options.now() - started),
      volumeRole: "data",
      error: { code: opened.code, message: opened.message.slice(0, 1000), retryable: false },
    };
  } else {
    try {
      const result = await scanOperatingSystem(
        opened.fs,
        { accountId: host.accountId, region: host.region, instanceId },
        { now: options.now(), ...(options.catalogue ? { catalogue: options.catalogue } : {}) },
      );
      if (result.kind === "no-os") {
        data = {
          ...base,
          filesScanned: result.filesRead,
          results: [],
          durationMs: Math.max(0, options.now() - started),
          volumeRole: "data",
        };
      } else {
        const config = result.asset.config;
        const unreadPackages = result.asset.unread?.packages;
        data = {
          ...base,
          filesScanned: result.filesRead,
          results: result.report.results.map((r) => ({
            checkId: r.checkId,
            status: r.status,
            severity: r.severity,
            title: r.title,
            ...(r.evidence !== undefined ? { evidence: r.evidence.slice(0, 1024) } : {}),
          })),
          durationMs: Math.max(0, options.now() - started),
          volumeRole: "root",
          ...(config.os
            ? {
                os: {
                  id: config.os.id.slice(0, 64),
                  name: config.os.name.slice(0, 256),
                  versionId: config.os.versionId?.slice(0, 64) ?? null,
                  prettyName: config.os.prettyName.slice(0, 256),
                  kernels: (config.kernels ?? []).slice(-50).map((k) => k.slice(0, 128)),
                },
              }
            : {}),
          packages: unreadPackages
            ? { items: [], notAssessed: `${unreadPackages.call}: ${unreadPackages.message}`.slice(0, 1024) }
            : config.packages
              ? inventory(config.packages)
              : { items: [], notAssessed: "no dpkg, rpm (sqlite) or apk package database on this root" },
        };
      }
    } finally {
      await opened.close();
    }
  }
  const streamId = ebsStreamId(scanId, host.region);
  return createEvent("vigil.ebs.scanned.v1", data as never, {
    source: scannerSource(host.accountId),
    integrationId: host.integrationId,
    id: deterministicEventId(streamId, 0, `scanned#${snapshotId}`),
    time: new Date(options.now()),
    subject: streamId,
  }) as EventEnvelope;
}

function inventory(packages: {
  manager: "dpkg" | "rpm" | "apk";
  items: readonly { name: string; version: string; arch: string | null }[];
}) {
  const items: { name: string; version: string; arch: string | null }[] = [];
  let bytes = 0;
  for (const p of packages.items) {
    const item = {
      name: p.name.slice(0, 256),
      version: p.version.slice(0, 256),
      arch: p.arch?.slice(0, 64) ?? null,
    };
    bytes += JSON.stringify(item).length + 1;
    if (bytes > INVENTORY_BYTES) break;
    items.push(item);
  }
  return {
    manager: packages.manager,
    items,
    ...(items.length < packages.items.length ? { total: packages.items.length } : {}),
  };
}
