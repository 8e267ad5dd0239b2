import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AccountSnapshot, snapshotDirProblem, writeSnapshotDir } from "../../src/index.ts";

const snapshot = (files: Record<string, unknown>): AccountSnapshot => ({
  accountId: "123456789012",
  regions: ["eu-west-1"],
  files: new Map(Object.entries(files)),
  deniedCalls: [],
  failedCalls: [],
});

describe("writeSnapshotDir", () => {
  it("writes a new directory, or into an empty one, leaving nothing beside it", async () => {
    const parent = await mkdtemp(join(tmpdir(), "vigil-snapdir-"));
    const files = { "eu-west-1/ec2/describe-instances": { Reservations: [] } };
    expect(await writeSnapshotDir(snapshot(files), join(parent, "new"))).toBe(2);
    await mkdir(join(parent, "empty"));
    expect(await writeSnapshotDir(snapshot(files), `${join(parent, "empty")}/`)).toBe(2);
    expect((await readdir(parent)).sort()).toEqual(["empty", "new"]);
    expect(
      JSON.parse(await readFile(join(parent, "empty/eu-west-1/ec2/describe-instances.json"), "utf8")),
    ).toEqual({
      Reservations: [],
    });
  });

  it("refuses a directory that holds files: an older snapshot's file would be read as this account's", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vigil-snapdir-"));
    // An older snapshot had this call; this capture was denied it, so has no file for it.
    await mkdir(join(dir, "eu-west-1/ec2"), { recursive: true });
    await writeFile(join(dir, "eu-west-1/ec2/describe-instances.json"), '{"Reservations":[{"old":true}]}');
    expect(await snapshotDirProblem(dir)).toMatch(/is not empty \(1 entry\)/);
    await expect(writeSnapshotDir(snapshot({}), dir)).rejects.toThrow(/is not empty/);
    expect(await readdir(dir)).toEqual(["eu-west-1"]);
  });

  it("a write that fails part-way leaves neither the directory nor a partial copy", async () => {
    const parent = await mkdtemp(join(tmpdir(), "vigil-snapdir-"));
    const files = { "a/first": { ok: true }, "b/second": { n: 1n } }; // JSON.stringify throws on a BigInt
    await expect(writeSnapshotDir(snapshot(files), join(parent, "snap"))).rejects.toThrow(/BigInt/);
    expect(await readdir(parent)).toEqual([]);
  });
});

describe("snapshotDirProblem: a directory that cannot be written is said before the capture", () => {
  it("names a file given as the directory, or as one of its parents, and leaves nothing behind", async () => {
    const parent = await mkdtemp(join(tmpdir(), "vigil-snapdir-"));
    await writeFile(join(parent, "file"), "not a directory");
    expect(await snapshotDirProblem(join(parent, "file"))).toBe(
      `${join(parent, "file")} is a file: give a new or empty directory`,
    );
    expect(await snapshotDirProblem(join(parent, "file/sub/snap"))).toBe(
      `cannot create ${join(parent, "file/sub/snap")}: ${join(parent, "file")} is a file, not a directory`,
    );
    expect(await readdir(parent)).toEqual(["file"]);
  });

  it("accepts a directory whose parents do not exist yet, creating nothing until the write", async () => {
    const parent = await mkdtemp(join(tmpdir(), "vigil-snapdir-"));
    expect(await snapshotDirProblem(join(parent, "a/b/snap"))).toBeUndefined();
    expect(await readdir(parent)).toEqual([]);
  });

  it("says so when the filesystem refuses to create a directory there (procfs)", async () => {
    // /proc exists on Linux, the Lambda runtime and CI; nothing can be created in it, whoever runs the test.
    expect(await snapshotDirProblem("/proc/vigil-snapshot")).toMatch(
      /^cannot create \/proc\/vigil-snapshot: creating a directory in \/proc was refused \(E[A-Z]+\)$/,
    );
  });
});
