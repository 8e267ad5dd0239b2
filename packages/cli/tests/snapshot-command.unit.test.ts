import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSnapshotCommand } from "../src/commands/snapshot.ts";

describe("vigil snapshot --out", () => {
  it("refuses a directory holding files before capturing anything (exit 64)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vigil-snapcmd-"));
    await writeFile(join(dir, "account.json"), "{}");
    let stdout = "";
    let stderr = "";
    const io = {
      stdout: {
        write: (t: string) => {
          stdout += t;
          return true;
        },
      },
      stderr: {
        write: (t: string) => {
          stderr += t;
          return true;
        },
      },
    } as unknown as Parameters<typeof runSnapshotCommand>[1];
    expect(await runSnapshotCommand({ demo: true, out: dir, progress: false }, io)).toBe(64);
    expect(stderr).toContain(`--out: ${dir} is not empty`);
    expect(stdout).toBe("");
  });

  it("refuses a directory that cannot be created (a file on its path) before capturing anything (exit 64)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vigil-snapcmd-"));
    await writeFile(join(dir, "file"), "");
    let stderr = "";
    const io = {
      stdout: { write: () => true },
      stderr: {
        write: (t: string) => {
          stderr += t;
          return true;
        },
      },
    } as unknown as Parameters<typeof runSnapshotCommand>[1];
    // An unknown profile would fail at the first read: the refusal comes before any source is opened.
    const out = join(dir, "file/snap");
    expect(await runSnapshotCommand({ profile: "vigil-no-such-profile", out, progress: false }, io)).toBe(64);
    expect(stderr).toContain(`--out: cannot create ${out}: ${join(dir, "file")} is a file, not a directory`);
  });
});
