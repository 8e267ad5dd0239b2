import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linuxScannerHost } from "../../src/ebs/index.ts";
import { hostRootFs, memoryRootFs, type OsScanResult, scanOperatingSystem } from "../../src/os/index.ts";
import {
  attachLoop,
  detachLoop,
  loopMountCapability,
  mountReadOnly,
  readOnlyMountOptions,
  unmount,
} from "../../src/os/mount.ts";
import { materialize } from "./materialize.ts";
import { appended, debianHardened, edited, type Tree, withChanges } from "./trees.ts";

/**
 * The scanner against a real ext4 filesystem: the Debian tree with known misconfigurations,
 * written by mkfs.ext4 into an image, attached to a loop device read-only and mounted the way the
 * scanner mounts a volume copy. The verdicts must equal those of the same tree held in memory.
 * Where this machine cannot mount (not root, no loop devices), the test says so and checks only
 * that the image was built: it never pretends the mount happened.
 */

const NOW = Date.parse("2026-06-01T00:00:00Z");
const TARGET = { accountId: "123456789012", region: "eu-west-1", instanceId: "i-0123456789abcdef0" };

function misconfiguredDebian(): Tree {
  const t = debianHardened();
  return withChanges(t, {
    "/etc/ssh/sshd_config.d/50-cis.conf": edited(
      t,
      "/etc/ssh/sshd_config.d/50-cis.conf",
      /PermitRootLogin no/,
      "PermitRootLogin yes",
    ),
    "/etc/shadow": { ...(t["/etc/shadow"] as object), mode: 0o644 } as Tree[string],
    "/etc/sysctl.conf": appended(t, "/etc/sysctl.conf", "net.ipv4.ip_forward = 1\n"),
    "/opt/app/config.yml": { type: "file", content: "debug: true\n", mode: 0o666 },
    "/etc/systemd/system/sockets.target.wants/telnet.socket": {
      type: "symlink",
      target: "/lib/systemd/system/telnet.socket",
    },
    "/etc/fifo-log": { type: "other", mode: 0o600 },
  });
}

const EXPECTED_FAILURES = [
  "vigil.os.sshd-root-login-disabled",
  "vigil.os.shadow-permissions",
  "vigil.os.sysctl-ip-forwarding-disabled",
  "vigil.os.no-world-writable-files",
  "vigil.os.no-legacy-network-services",
];

function failing(result: OsScanResult): string[] {
  return result.kind === "assessed"
    ? result.report.results
        .filter((r) => r.status !== "pass")
        .map((r) => r.checkId)
        .sort()
    : [];
}

describe("the scanner on a real ext4 image, mounted read-only through a loop device", () => {
  const work = mkdtempSync(join(tmpdir(), "vigil-ext4-"));
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const undo of cleanups.reverse()) {
      try {
        undo();
      } catch (error) {
        console.error(`cleanup failed: ${(error as Error).message}`);
      }
    }
    rmSync(work, { recursive: true, force: true });
  });

  it("gives the verdicts the same tree gives in memory, and writes nothing", async () => {
    const tree = misconfiguredDebian();
    const inMemory = await scanOperatingSystem(memoryRootFs(tree), TARGET, { now: NOW });
    expect(failing(inMemory)).toEqual([...EXPECTED_FAILURES].sort());

    const capability = loopMountCapability();
    const source = join(work, "tree");
    materialize(tree, source, { owners: capability.ok });
    const image = join(work, "root.img");
    execFileSync("mkfs.ext4", ["-q", "-F", "-L", "vigil-test", "-d", source, image, "32M"]);
    expect(execFileSync("blkid", ["-o", "value", "-s", "TYPE", image]).toString().trim()).toBe("ext4");

    if (!capability.ok) {
      console.log(
        `ext4 image built, but this machine cannot mount it: ${capability.reason}. The real-image scan did not run.`,
      );
      expect(capability.reason.length).toBeGreaterThan(0);
      return;
    }

    const device = await attachLoop(image);
    cleanups.push(() => execFileSync("losetup", ["--detach", device]));
    const mountpoint = join(work, "mnt");
    mkdirSync(mountpoint);
    const mounted = await mountReadOnly(device, mountpoint);
    cleanups.push(() => execFileSync("umount", [mountpoint]));
    expect(mounted).toEqual({ fstype: "ext4", options: readOnlyMountOptions("ext4") });
    expect(mounted.options).toBe("ro,noexec,nosuid,nodev,noload");

    const onDisk = await scanOperatingSystem(hostRootFs(mountpoint), TARGET, { now: NOW });
    console.log(
      `scanned ${device} (${image}) mounted ${mounted.options}: ${onDisk.kind === "assessed" ? `${onDisk.filesRead} files read, ${onDisk.summary.pass} pass, ${onDisk.summary.fail} fail` : onDisk.kind}`,
    );
    expect(failing(onDisk)).toEqual(failing(inMemory));
    if (onDisk.kind !== "assessed" || inMemory.kind !== "assessed") throw new Error("no OS found");
    expect(onDisk.report.results).toEqual(inMemory.report.results);
    expect(onDisk.asset.config.packages).toEqual(inMemory.asset.config.packages);
    expect(onDisk.asset.config.worldWritable.files).toEqual(["/opt/app/config.yml"]);

    // Read-only: the kernel refuses any write.
    expect(() => writeFileSync(join(mountpoint, "etc/written-by-scanner"), "x")).toThrow(/EROFS|read-only/);

    await unmount(mountpoint);
    cleanups.pop();

    // The scanner instance's own path to a copy: lsblk + blkid find the filesystem on the block
    // device, it is mounted read-only under the scanner's mount root, and released after.
    const mountRoot = join(work, "scanner-mounts");
    const host = linuxScannerHost({
      ec2: undefined as never,
      accountId: TARGET.accountId,
      region: TARGET.region,
      instanceId: "i-0fffffffffffffff0",
      integrationId: "int-1",
      publish: async () => {},
      mountRoot,
      deviceOf: () => device,
    });
    const opened = await host.open({ volumeId: "vol-0abc1234def567890", device: "/dev/sdf", tags: {} });
    if (!opened.ok) throw new Error(`the scanner could not open the copy: ${opened.message}`);
    const viaHost = await scanOperatingSystem(opened.fs, TARGET, { now: NOW });
    expect(failing(viaHost)).toEqual(failing(inMemory));
    await opened.close();
    expect(readdirSync(mountRoot)).toEqual([]);
    expect(
      execFileSync("findmnt", ["--list", "--noheadings", "--output", "TARGET"]).toString(),
    ).not.toContain(mountRoot);

    await detachLoop(device);
    cleanups.pop();
  });
});
