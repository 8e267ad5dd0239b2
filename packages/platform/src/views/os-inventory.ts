import type { Projection, VigilEvent } from "@vigil/events";

/** What the EBS scanner read of an instance's operating system: identity and installed packages. */
export interface OsInventoryView {
  integrationId: string;
  /** The `aws.ec2.instance-os` asset's ARN (`…:instance/<id>/os`), as its report names it. */
  arn: string;
  instanceId: string;
  scanId: string;
  scannedAt: string;
  eventId: string;
  os:
    | { id: string; name: string; versionId: string | null; prettyName: string; kernels: string[] }
    | undefined;
  packages: {
    manager?: "dpkg" | "rpm" | "apk" | undefined;
    items: { name: string; version: string; arch: string | null }[];
    total?: number | undefined;
    notAssessed?: string | undefined;
  };
}

/** The instance-os ARN of a root volume's scan: its region and account from the source volume's ARN. */
export function instanceOsArnOf(event: VigilEvent): string | undefined {
  if (event.type !== "vigil.ebs.scanned.v1" || event.data.volumeRole !== "root" || !event.data.instanceId)
    return undefined;
  const [, partition, , region, account] = event.data.sourceVolumeArn.split(":");
  if (!partition || !region || !account) return undefined;
  return `arn:${partition}:ec2:${region}:${account}:instance/${event.data.instanceId}/os`;
}

/**
 * The platform's inventory projection: per instance OS, the latest root-volume scan's OS identity and
 * package list (`vigil.ebs.scanned.v1`, which the agent forwards from the scanner). Later scans
 * replace earlier ones whatever the delivery order; a redelivery changes nothing.
 */
export const osInventoryProjection: Projection<OsInventoryView | undefined> = {
  name: "os-inventory",
  handles: ["vigil.ebs.scanned.v1"],
  keyOf: (event) => {
    const arn = instanceOsArnOf(event);
    return arn ? `${event.integrationid}/${arn}` : undefined;
  },
  initial: () => undefined,
  evolve(state, event) {
    if (event.type !== "vigil.ebs.scanned.v1") return state;
    const arn = instanceOsArnOf(event);
    if (!arn) return state;
    if (
      state &&
      (state.scannedAt > event.time || (state.scannedAt === event.time && state.eventId >= event.id))
    )
      return state;
    const d = event.data;
    return {
      integrationId: event.integrationid,
      arn,
      instanceId: d.instanceId as string,
      scanId: d.scanId,
      scannedAt: event.time,
      eventId: event.id,
      os: d.os ? { ...d.os, kernels: [...d.os.kernels] } : undefined,
      packages: {
        manager: d.packages?.manager,
        items: [...(d.packages?.items ?? [])],
        ...(d.packages?.total !== undefined ? { total: d.packages.total } : {}),
        ...(d.packages?.notAssessed !== undefined
          ? { notAssessed: d.packages.notAssessed }
          : d.packages
            ? {}
            : { notAssessed: "the scanner sent no package inventory" }),
      },
    };
  },
};
