import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, lchownSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Tree } from "./trees.ts";

/**
 * Writes a test tree to a directory of this machine with its modes and (as root) its owners, so
 * `mkfs.ext4 -d` can copy it into a real filesystem image.
 */
export function materialize(tree: Tree, root: string, options: { owners: boolean }): void {
  const paths = Object.keys(tree).sort();
  const dirModes: [string, number][] = [];
  for (const path of paths) {
    const entry = tree[path];
    const host = join(root, path);
    mkdirSync(dirname(host), { recursive: true });
    if (!entry) continue;
    switch (entry.type) {
      case "dir":
        mkdirSync(host, { recursive: true });
        dirModes.push([host, entry.mode ?? 0o755]);
        if (options.owners) chownSync(host, entry.uid ?? 0, entry.gid ?? 0);
        break;
      case "file":
        if (entry.readError) throw new Error(`${path}: a read error cannot be written to a disk`);
        writeFileSync(host, entry.content);
        chmodSync(host, entry.mode ?? 0o644);
        if (options.owners) chownSync(host, entry.uid ?? 0, entry.gid ?? 0);
        break;
      case "symlink":
        symlinkSync(entry.target, host);
        if (options.owners) lchownSync(host, 0, 0);
        break;
      case "other":
        execFileSync("mkfifo", ["-m", (entry.mode ?? 0o644).toString(8), host]);
        break;
      case "error":
        throw new Error(`${path}: an unreadable entry cannot be written to a disk`);
    }
  }
  // Directory modes last (a 0700 directory is still writable by root, but keep the order plain).
  for (const [host, mode] of dirModes.reverse()) chmodSync(host, mode);
}
