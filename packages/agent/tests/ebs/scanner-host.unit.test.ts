import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { blockDeviceOf, linuxScannerHost } from "../../src/ebs/index.ts";
import type { CommandRunner } from "../../src/os/mount.ts";

/**
 * The scanner instance's way to a copy, with the commands stubbed: which block device a volume is
 * (NVMe serial first, then Xen names), which of its partitions holds the OS root (an Amazon Linux
 * root volume has an EFI and a BIOS partition beside it), the read-only options it mounts with, and
 * that every mount is released. (The same code on a real loop device: tests/os/ext4-image.int.test.ts.)
 */

const work = mkdtempSync(join(tmpdir(), "vigil-host-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Partitions as directories: `mount` copies one into the target, `umount` empties it. */
function fakeDisk(
  partitions: Record<string, { fstype?: string; files?: Record<string, string>; refuse?: string }>,
) {
  const calls: string[] = [];
  const sources = new Map<string, string>();
  for (const [path, p] of Object.entries(partitions)) {
    const dir = join(work, `src-${path.replaceAll("/", "_")}`);
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(p.files ?? {})) {
      mkdirSync(join(dir, file, ".."), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
    sources.set(path, dir);
  }
  const run: CommandRunner = async (command, args) => {
    calls.push(`${command} ${args.join(" ")}`);
    if (command === "lsblk") return { stdout: `${Object.keys(partitions).join("\n")}\n` };
    if (command === "blkid") {
      const fstype = partitions[args.at(-1) as string]?.fstype;
      if (!fstype) throw new Error("blkid exited 2");
      return { stdout: `${fstype}\n` };
    }
    if (command === "mount") {
      const device = args.at(-2) as string;
      const refused = partitions[device]?.refuse;
      if (refused) throw new Error(refused);
      cpSync(sources.get(device) as string, args.at(-1) as string, { recursive: true });
      return { stdout: "" };
    }
    if (command === "umount") {
      for (const name of readdirSync(args[0] as string))
        rmSync(join(args[0] as string, name), { recursive: true });
      return { stdout: "" };
    }
    throw new Error(`unexpected ${command}`);
  };
  return { run, calls };
}

function host(run: CommandRunner, mountRoot: string) {
  return linuxScannerHost({
    ec2: undefined as never,
    accountId: "123456789012",
    region: "eu-west-1",
    instanceId: "i-0fffffffffffffff0",
    integrationId: "int-1",
    publish: async () => {},
    mountRoot,
    run,
    deviceOf: () => "/dev/nvme1n1",
  });
}

const copy = { volumeId: "vol-0abc1234def567890", device: "/dev/sdf", tags: {} };

describe("the scanner instance's host", () => {
  it("finds a volume's block device by its NVMe serial, else by its Xen name", () => {
    const nvme = "/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol0abc1234def567890";
    expect(blockDeviceOf(copy, (p) => p === nvme)).toBe(nvme);
    expect(blockDeviceOf(copy, (p) => p === "/dev/xvdf")).toBe("/dev/xvdf");
    expect(blockDeviceOf(copy, () => false)).toBeUndefined();
  });

  it("opens the partition holding the OS root, read-only, and releases every mount", async () => {
    const disk = fakeDisk({
      "/dev/nvme1n1": {},
      "/dev/nvme1n1p1": {
        fstype: "xfs",
        files: { "etc/os-release": "ID=amzn\n", "etc/passwd": "root:x:0:0::/root:/bin/bash\n" },
      },
      "/dev/nvme1n1p127": {},
      "/dev/nvme1n1p128": { fstype: "vfat", files: { "EFI/BOOT/BOOTAA64.EFI": "x" } },
    });
    const mountRoot = join(work, "mounts-root");
    const opened = await host(disk.run, mountRoot).open(copy);
    if (!opened.ok) throw new Error(opened.message);
    const passwd = await opened.fs.readFile("/etc/passwd");
    expect(passwd.ok).toBe(true);
    await opened.close();
    expect(readdirSync(mountRoot)).toEqual([]);
    const mounts = disk.calls.filter((c) => c.startsWith("mount "));
    expect(mounts[0]).toMatch(/^mount -t xfs -o ro,noexec,nosuid,nodev,norecovery,nouuid \/dev\/nvme1n1p1 /);
    expect(disk.calls.filter((c) => c.startsWith("umount ")).length).toBe(mounts.length);
  });

  it("keeps a data volume (no OS root) open as such, and says why when nothing mounts", async () => {
    const data = fakeDisk({ "/dev/nvme1n1": { fstype: "ext4", files: { "srv/a.csv": "1\n" } } });
    const opened = await host(data.run, join(work, "mounts-data")).open(copy);
    if (!opened.ok) throw new Error(opened.message);
    expect((await opened.fs.stat("/srv/a.csv")).ok).toBe(true);
    await opened.close();
    expect(data.calls.at(-1)).toMatch(/^umount /);

    const empty = await host(fakeDisk({ "/dev/nvme1n1": {} }).run, join(work, "mounts-empty")).open(copy);
    expect(empty).toMatchObject({ ok: false, code: "NoFilesystem" });
    const refused = await host(
      fakeDisk({ "/dev/nvme1n1": { fstype: "ext4", refuse: "wrong fs type, bad superblock" } }).run,
      join(work, "mounts-refused"),
    ).open(copy);
    expect(refused).toMatchObject({ ok: false, code: "MountFailed" });
    expect(refused.ok ? "" : refused.message).toMatch(
      /mount -t ext4 -o ro,noexec,nosuid,nodev,noload \/dev\/nvme1n1 .* failed: wrong fs type/,
    );
  });
});
