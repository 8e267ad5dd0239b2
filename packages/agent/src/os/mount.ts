/**
 * Mounting a volume copy read-only on the scanner instance. The scanner never writes to a
 * customer's filesystem, not even the journal: ext2/3/4 are mounted with `noload` (no journal
 * replay), XFS with `norecovery` and `nouuid` (a copy of an Amazon Linux root has the same UUID as
 * the scanner's own root), and everything `noexec,nosuid,nodev`, so nothing on the disk can run.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

export type CommandRunner = (command: string, args: readonly string[]) => Promise<{ stdout: string }>;

const execFileAsync = promisify(execFile);

export const runCommand: CommandRunner = async (command, args) => {
  const { stdout } = await execFileAsync(command, [...args], { timeout: 120_000 });
  return { stdout };
};

export class MountError extends Error {
  override readonly name = "MountError";
}

/** Mount options for a filesystem type: read-only without replaying any log, nothing executable. */
export function readOnlyMountOptions(fstype: string): string {
  const safe = "ro,noexec,nosuid,nodev";
  if (/^ext[234]$/.test(fstype)) return `${safe},noload`;
  if (fstype === "xfs") return `${safe},norecovery,nouuid`;
  if (fstype === "btrfs") return `${safe},rescue=nologreplay`;
  return safe;
}

/** The filesystem type on a block device or image, as blkid reads it; undefined when none is recognised. */
export async function filesystemType(
  device: string,
  run: CommandRunner = runCommand,
): Promise<string | undefined> {
  try {
    const { stdout } = await run("blkid", ["-o", "value", "-s", "TYPE", device]);
    return stdout.trim() || undefined;
  } catch {
    // blkid exits 2 when it finds no filesystem.
    return undefined;
  }
}

/** Mounts `device` read-only at `target` (which must exist); returns the options used. */
export async function mountReadOnly(
  device: string,
  target: string,
  options: { fstype?: string; run?: CommandRunner } = {},
): Promise<{ fstype: string; options: string }> {
  const run = options.run ?? runCommand;
  const fstype = options.fstype ?? (await filesystemType(device, run));
  if (!fstype) throw new MountError(`${device} holds no filesystem blkid recognises`);
  const mountOptions = readOnlyMountOptions(fstype);
  try {
    await run("mount", ["-t", fstype, "-o", mountOptions, device, target]);
  } catch (error) {
    throw new MountError(
      `mount -t ${fstype} -o ${mountOptions} ${device} ${target} failed: ${(error as Error).message}`,
    );
  }
  return { fstype, options: mountOptions };
}

export async function unmount(target: string, run: CommandRunner = runCommand): Promise<void> {
  await run("umount", [target]);
}

/** Attaches an image file to a free loop device, read-only; returns the device. */
export async function attachLoop(image: string, run: CommandRunner = runCommand): Promise<string> {
  const { stdout } = await run("losetup", ["--find", "--show", "--read-only", image]);
  const device = stdout.trim();
  if (!device.startsWith("/dev/loop")) throw new MountError(`losetup gave no loop device for ${image}`);
  return device;
}

export async function detachLoop(device: string, run: CommandRunner = runCommand): Promise<void> {
  await run("losetup", ["--detach", device]);
}

/**
 * Whether this machine can mount an image through a loop device: root, the loop control device,
 * and the commands. The reason when it cannot, so a test says what it could not do.
 */
export function loopMountCapability(): { ok: true } | { ok: false; reason: string } {
  if (typeof process.getuid !== "function" || process.getuid() !== 0)
    return { ok: false, reason: "not running as root (mount needs CAP_SYS_ADMIN)" };
  if (!existsSync("/dev/loop-control"))
    return { ok: false, reason: "no /dev/loop-control (no loop devices here)" };
  for (const tool of ["/usr/sbin/losetup", "/usr/bin/mount", "/usr/sbin/mkfs.ext4"])
    if (!existsSync(tool) && !existsSync(tool.replace("/usr", "")))
      return { ok: false, reason: `${tool} is missing` };
  return { ok: true };
}
