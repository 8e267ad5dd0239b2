import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostRootFs, memoryRootFs, type RootFs } from "../../src/os/index.ts";

/**
 * The root filesystem port never reads outside the root it was given, whatever the disk's links
 * say, never reads what is not a regular file, and tells an absent path from a failed read. The
 * same cases run on a tree in memory and on the same tree written to this machine's disk.
 */

const decode = (r: { ok: boolean; value?: unknown }) =>
  r.ok ? new TextDecoder().decode(r.value as Uint8Array) : undefined;

describe.each(["memory", "host"] as const)("%s root filesystem", (kind) => {
  let fs: RootFs;
  let dir: string | undefined;

  beforeAll(() => {
    if (kind === "memory") {
      fs = memoryRootFs({
        "/etc/hostname": { type: "file", content: "guest\n" },
        "/etc/escape-abs": { type: "symlink", target: "/etc/hostname" },
        "/etc/escape-dots": { type: "symlink", target: "../../../../etc/hostname" },
        "/etc/os-release": { type: "symlink", target: "../usr/lib/os-release" },
        "/usr/lib/os-release": { type: "file", content: "ID=debian\n" },
        "/lib": { type: "symlink", target: "usr/lib" },
        "/etc/loop-a": { type: "symlink", target: "loop-b" },
        "/etc/loop-b": { type: "symlink", target: "loop-a" },
        "/etc/fifo": { type: "other" },
        "/etc/adir": { type: "dir" },
        "/etc/big": { type: "file", content: "x".repeat(2048) },
      });
      return;
    }
    dir = mkdtempSync(join(tmpdir(), "vigil-rootfs-"));
    const root = dir;
    mkdirSync(join(root, "etc/adir"), { recursive: true });
    mkdirSync(join(root, "usr/lib"), { recursive: true });
    writeFileSync(join(root, "etc/hostname"), "guest\n");
    writeFileSync(join(root, "usr/lib/os-release"), "ID=debian\n");
    writeFileSync(join(root, "etc/big"), "x".repeat(2048));
    symlinkSync("/etc/hostname", join(root, "etc/escape-abs"));
    symlinkSync("../../../../etc/hostname", join(root, "etc/escape-dots"));
    symlinkSync("../usr/lib/os-release", join(root, "etc/os-release"));
    symlinkSync("usr/lib", join(root, "lib"));
    symlinkSync("loop-b", join(root, "etc/loop-a"));
    symlinkSync("loop-a", join(root, "etc/loop-b"));
    execFileSync("mkfifo", [join(root, "etc/fifo")]);
    chmodSync(join(root, "etc/fifo"), 0o644);
    fs = hostRootFs(root);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("resolves absolute links inside the root, never on the scanner's own system", async () => {
    expect(decode(await fs.readFile("/etc/escape-abs"))).toBe("guest\n");
  });

  it("stops `..` at the root", async () => {
    expect(decode(await fs.readFile("/etc/escape-dots"))).toBe("guest\n");
    expect(decode(await fs.readFile("/../../etc/hostname"))).toBe("guest\n");
  });

  it("follows relative links and linked directories (merged /usr)", async () => {
    expect(decode(await fs.readFile("/etc/os-release"))).toBe("ID=debian\n");
    expect(decode(await fs.readFile("/lib/os-release"))).toBe("ID=debian\n");
    const link = await fs.lstat("/etc/os-release");
    expect(link.ok && link.value.kind).toBe("symlink");
    const target = await fs.stat("/etc/os-release");
    expect(target.ok && target.value.kind).toBe("file");
  });

  it("reports an absent path as absent, and failures as failures", async () => {
    const absent = await fs.readFile("/etc/nothing");
    expect(absent).toMatchObject({ ok: false, absent: true, code: "ENOENT" });
    const underFile = await fs.readFile("/etc/hostname/x");
    expect(underFile).toMatchObject({ ok: false, absent: true, code: "ENOTDIR" });
    expect(await fs.readFile("/etc/loop-a")).toMatchObject({ ok: false, absent: false, code: "ELOOP" });
    expect(await fs.readFile("/etc/adir")).toMatchObject({ ok: false, absent: false, code: "EISDIR" });
    expect(await fs.readFile("/etc/big", 1024)).toMatchObject({ ok: false, absent: false, code: "EFBIG" });
  });

  it("never reads a FIFO or device (it could block or be hardware)", async () => {
    expect(await fs.readFile("/etc/fifo")).toMatchObject({ ok: false, absent: false, code: "ENOTREG" });
    const info = await fs.lstat("/etc/fifo");
    expect(info.ok && info.value.kind).toBe("other");
  });

  it("lists directories sorted", async () => {
    const names = await fs.readdir("/etc");
    expect(names.ok && names.value).toEqual([...(names.ok ? names.value : [])].sort());
    expect(names.ok && names.value).toContain("hostname");
  });
});
