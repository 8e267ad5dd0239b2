/**
 * The scanner instance's side of `ScannerHost`: the copies attached to it (EC2 DescribeVolumes on
 * itself), the block device each one is (NVMe serial on Nitro, `xvd*` on Xen), the partition holding
 * an OS root, mounted read-only (src/os/mount.ts), and the results published to the events topic.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { type EC2Client, paginateDescribeVolumes } from "@aws-sdk/client-ec2";
import type { EventEnvelope } from "@vigil/events";
import {
  type CommandRunner,
  filesystemType,
  MountError,
  mountReadOnly,
  runCommand,
  unmount,
} from "../../os/mount.ts";
import { hostRootFs } from "../../os/rootfs.ts";
import type { AttachedCopy, OpenedCopy, ScannerHost } from "./scan-copies.ts";

/** Volumes attached to `instanceId`, with their tags. */
export async function describeAttachedCopies(ec2: EC2Client, instanceId: string): Promise<AttachedCopy[]> {
  const out: AttachedCopy[] = [];
  const Filters = [{ Name: "attachment.instance-id", Values: [instanceId] }];
  for await (const page of paginateDescribeVolumes({ client: ec2 }, { Filters }))
    for (const v of page.Volumes ?? []) {
      const attachment = v.Attachments?.find((a) => a.InstanceId === instanceId && a.State === "attached");
      if (!v.VolumeId || !attachment) continue;
      const tags: Record<string, string> = {};
      for (const t of v.Tags ?? []) if (t.Key) tags[t.Key] = t.Value ?? "";
      out.push({ volumeId: v.VolumeId, device: attachment.Device ?? "", tags });
    }
  return out;
}

/**
 * The block device of an attached volume: on Nitro instances an NVMe device whose serial is the
 * volume id (udev links it as `/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol…`), on Xen the
 * attachment's device with `sd` written `xvd`.
 */
export function blockDeviceOf(
  copy: Pick<AttachedCopy, "volumeId" | "device">,
  exists = existsSync,
): string | undefined {
  const nvme = `/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_${copy.volumeId.replace("-", "")}`;
  if (exists(nvme)) return nvme;
  const xen = copy.device.replace(/^\/dev\/sd/, "/dev/xvd");
  if (exists(xen)) return xen;
  if (exists(copy.device)) return copy.device;
  return undefined;
}

/**
 * The device and its partitions that hold a filesystem: the block devices lsblk lists under it, each
 * probed with blkid (which reads the superblock itself: lsblk's FSTYPE comes from udev, which may not
 * have seen a volume attached a moment ago, and is absent in containers). Swap is left out.
 */
export async function filesystemsOn(
  device: string,
  run: CommandRunner = runCommand,
): Promise<{ path: string; fstype: string }[]> {
  const { stdout } = await run("lsblk", ["--list", "--noheadings", "--paths", "--output", "PATH", device]);
  const out: { path: string; fstype: string }[] = [];
  for (const path of stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")) {
    const fstype = await filesystemType(path, run);
    if (fstype && fstype !== "swap") out.push({ path, fstype });
  }
  return out;
}

export interface LinuxScannerHostOptions {
  readonly ec2: EC2Client;
  readonly accountId: string;
  readonly region: string;
  readonly instanceId: string;
  readonly integrationId: string;
  readonly publish: (events: readonly EventEnvelope[]) => Promise<void>;
  /** Where copies are mounted (default /run/vigil-scanner). */
  readonly mountRoot?: string;
  readonly run?: CommandRunner;
  /** How an attached copy's block device is found (default `blockDeviceOf`). */
  readonly deviceOf?: (copy: AttachedCopy) => string | undefined;
}

export function linuxScannerHost(options: LinuxScannerHostOptions): ScannerHost {
  const run = options.run ?? runCommand;
  const mountRoot = options.mountRoot ?? "/run/vigil-scanner";
  return {
    accountId: options.accountId,
    region: options.region,
    instanceId: options.instanceId,
    integrationId: options.integrationId,
    attachedCopies: () => describeAttachedCopies(options.ec2, options.instanceId),
    publish: options.publish,
    async open(copy): Promise<OpenedCopy> {
      const device = (options.deviceOf ?? ((c) => blockDeviceOf(c)))(copy);
      if (!device)
        return {
          ok: false,
          code: "NoDevice",
          message: `no block device for ${copy.volumeId} (${copy.device})`,
        };
      let candidates: { path: string; fstype: string }[];
      try {
        candidates = await filesystemsOn(device, run);
      } catch (error) {
        return { ok: false, code: "LsblkFailed", message: `lsblk ${device}: ${(error as Error).message}` };
      }
      if (candidates.length === 0)
        return { ok: false, code: "NoFilesystem", message: `${device} holds no filesystem lsblk recognises` };
      await mkdir(mountRoot, { recursive: true, mode: 0o700 });
      const problems: string[] = [];
      let data: { target: string } | undefined;
      // Prefer the partition that holds an OS root; keep the first mountable one otherwise (a data volume).
      for (const candidate of candidates) {
        const target = await mkdtemp(join(mountRoot, `${copy.volumeId}-`));
        try {
          await mountReadOnly(candidate.path, target, { fstype: candidate.fstype, run });
        } catch (error) {
          problems.push(error instanceof MountError ? error.message : String(error));
          await rm(target, { recursive: true, force: true });
          continue;
        }
        const root = hostRootFs(target);
        const hasOs = (await root.stat("/etc/os-release")).ok || (await root.stat("/usr/lib/os-release")).ok;
        if (hasOs) {
          if (data) await release(data.target, run);
          return { ok: true, fs: root, close: () => release(target, run) };
        }
        if (!data) data = { target };
        else await release(target, run);
      }
      if (data) {
        const target = data.target;
        return { ok: true, fs: hostRootFs(target), close: () => release(target, run) };
      }
      return { ok: false, code: "MountFailed", message: problems.join("; ").slice(0, 1000) };
    },
  };
}

async function release(target: string, run: CommandRunner): Promise<void> {
  await unmount(target, run);
  await rm(target, { recursive: true, force: true });
}
