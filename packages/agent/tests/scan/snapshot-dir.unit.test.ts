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
