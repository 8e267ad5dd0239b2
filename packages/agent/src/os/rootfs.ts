/**
 * A read-only view of one operating system's root filesystem (a volume mounted read-only, or a
 * tree a test builds). Every path is resolved inside the root: `..` stops at the root and a
 * symlink — absolute or relative — is followed inside it, never into the scanner's own system, so
 * a hostile disk (`/etc/shadow -> /proc/self/environ`) reads nothing outside itself. Only regular
 * files are read (a FIFO or a device as `/etc/passwd` would block or read hardware).
 *
 * Answers are values, never exceptions: `absent` (ENOENT, ENOTDIR) is a fact about the disk; any
 * other failure (EACCES, EIO, ELOOP, a directory where a file should be, a file over the size
 * limit) is a read that failed, which the scanner reports and never turns into a fact.
 */
import { constants } from "node:fs";
import { lstat as fsLstat, readdir as fsReaddir, readlink as fsReadlink, open } from "node:fs/promises";
import { join } from "node:path";

export type FileKind = "file" | "dir" | "symlink" | "other";

export interface FileInfo {
  readonly kind: FileKind;
  /** Permission bits with setuid, setgid and sticky (`mode & 0o7777`). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
}

export interface FsFailure {
  readonly ok: false;
  /** The path does not exist (ENOENT/ENOTDIR): a fact. Otherwise the read failed. */
  readonly absent: boolean;
  readonly code: string;
  readonly message: string;
}

export type FsResult<T> = { readonly ok: true; readonly value: T } | FsFailure;

export interface RootFs {
  /** Describes the path itself (a symlink as a symlink). */
  lstat(path: string): Promise<FsResult<FileInfo>>;
  /** Describes what the path leads to, following symlinks inside the root. */
  stat(path: string): Promise<FsResult<FileInfo>>;
  /** A regular file's bytes (following symlinks inside the root), refused above `maxBytes`. */
  readFile(path: string, maxBytes?: number): Promise<FsResult<Uint8Array>>;
  /** Names in a directory (following symlinks inside the root), sorted. */
  readdir(path: string): Promise<FsResult<string[]>>;
  /** A symlink's target as written on the disk. */
  readlink(path: string): Promise<FsResult<string>>;
}

/** Largest file read whole unless a reader says otherwise (configuration files are far smaller). */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Symlinks followed while resolving one path, as Linux allows (MAXSYMLINKS). */
const MAX_SYMLINK_HOPS = 40;

export function ok<T>(value: T): FsResult<T> {
  return { ok: true, value };
}

export function failure(code: string, message: string): FsFailure {
  return { ok: false, absent: code === "ENOENT" || code === "ENOTDIR", code, message };
}

/** What a backend knows how to do on a path already resolved inside the root (no symlink in its parents). */
export interface RawFs {
  lstat(parts: readonly string[]): Promise<FsResult<FileInfo>>;
  readlink(parts: readonly string[]): Promise<FsResult<string>>;
  /** Reads a regular file at resolved `parts` (the resolver checked it is one). */
  read(parts: readonly string[], maxBytes: number): Promise<FsResult<Uint8Array>>;
  readdir(parts: readonly string[]): Promise<FsResult<string[]>>;
}

function display(parts: readonly string[]): string {
  return `/${parts.join("/")}`;
}

function split(path: string): string[] {
  return path.split("/").filter((p) => p !== "" && p !== ".");
}

/**
 * Resolves `path` inside the root: the components it names, with every symlink in the parents (and
 * the last one, when `followLast`) replaced by its target, read relative to the root.
 */
async function resolve(raw: RawFs, path: string, followLast: boolean): Promise<FsResult<string[]>> {
  let queue = split(path);
  let resolved: string[] = [];
  let hops = 0;
  while (queue.length > 0) {
    const name = queue[0] as string;
    queue = queue.slice(1);
    if (name === "..") {
      resolved = resolved.slice(0, -1);
      continue;
    }
    const candidate = [...resolved, name];
    if (queue.length === 0 && !followLast) return ok(candidate);
    const info = await raw.lstat(candidate);
    if (!info.ok) return info;
    if (info.value.kind === "symlink") {
      hops++;
      if (hops > MAX_SYMLINK_HOPS)
        return failure("ELOOP", `${path}: more than ${MAX_SYMLINK_HOPS} symbolic links`);
      const target = await raw.readlink(candidate);
      if (!target.ok) return target;
      if (target.value.startsWith("/")) resolved = [];
      queue = [...split(target.value), ...queue];
      continue;
    }
    if (queue.length > 0 && info.value.kind !== "dir")
      return failure("ENOTDIR", `${display(candidate)} is not a directory`);
    resolved = candidate;
  }
  return ok(resolved);
}

/** A `RootFs` over any backend: path resolution (and its containment) is written once, here. */
export function rootFsOver(raw: RawFs): RootFs {
  return {
    async lstat(path) {
      const parts = await resolve(raw, path, false);
      return parts.ok ? raw.lstat(parts.value) : parts;
    },
    async stat(path) {
      const parts = await resolve(raw, path, true);
      return parts.ok ? raw.lstat(parts.value) : parts;
    },
    async readFile(path, maxBytes = DEFAULT_MAX_FILE_BYTES) {
      const parts = await resolve(raw, path, true);
      if (!parts.ok) return parts;
      const info = await raw.lstat(parts.value);
      if (!info.ok) return info;
      if (info.value.kind === "dir") return failure("EISDIR", `${path} is a directory`);
      if (info.value.kind !== "file")
        return failure(
          "ENOTREG",
          `${path} is not a regular file (never read: it could block or be a device)`,
        );
      if (info.value.size > maxBytes)
        return failure("EFBIG", `${path} is ${info.value.size} bytes, over the ${maxBytes}-byte limit`);
      return raw.read(parts.value, maxBytes);
    },
    async readdir(path) {
      const parts = await resolve(raw, path, true);
      if (!parts.ok) return parts;
      const out = await raw.readdir(parts.value);
      return out.ok ? ok([...out.value].sort()) : out;
    },
    async readlink(path) {
      const parts = await resolve(raw, path, false);
      return parts.ok ? raw.readlink(parts.value) : parts;
    },
  };
}

function kindOf(stats: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): FileKind {
  if (stats.isSymbolicLink()) return "symlink";
  if (stats.isFile()) return "file";
  if (stats.isDirectory()) return "dir";
  return "other";
}

function fromError(error: unknown, path: string): FsFailure {
  const e = error as { code?: string; message?: string };
  return failure(e.code ?? "EIO", `${path}: ${e.message ?? String(error)}`);
}

/** The root filesystem at `root` on this machine (a mounted volume). Never writes, never follows a link out. */
export function hostRootFs(root: string): RootFs {
  const host = (parts: readonly string[]) => join(root, ...parts);
  return rootFsOver({
    async lstat(parts) {
      try {
        const s = await fsLstat(host(parts));
        return ok({ kind: kindOf(s), mode: s.mode & 0o7777, uid: s.uid, gid: s.gid, size: s.size });
      } catch (error) {
        return fromError(error, display(parts));
      }
    },
    async readlink(parts) {
      try {
        return ok(await fsReadlink(host(parts)));
      } catch (error) {
        return fromError(error, display(parts));
      }
    },
    async read(parts, maxBytes) {
      try {
        // O_NOFOLLOW: the resolver checked the last component is no symlink; the mount is read-only.
        const handle = await open(host(parts), constants.O_RDONLY | constants.O_NOFOLLOW);
        try {
          const chunks: Buffer[] = [];
          let total = 0;
          for (;;) {
            const buffer = Buffer.alloc(64 * 1024);
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
            if (bytesRead === 0) break;
            total += bytesRead;
            if (total > maxBytes)
              return failure("EFBIG", `${display(parts)} is over the ${maxBytes}-byte limit`);
            chunks.push(buffer.subarray(0, bytesRead));
          }
          return ok(new Uint8Array(Buffer.concat(chunks)));
        } finally {
          await handle.close();
        }
      } catch (error) {
        return fromError(error, display(parts));
      }
    },
    async readdir(parts) {
      try {
        return ok(await fsReaddir(host(parts)));
      } catch (error) {
        return fromError(error, display(parts));
      }
    },
  });
}

/** One entry of an in-memory tree. Owner and group default to root, modes to 0644 / 0755 / 0777. */
export type MemoryEntry =
  | {
      readonly type: "file";
      readonly content: string | Uint8Array;
      readonly mode?: number;
      readonly uid?: number;
      readonly gid?: number;
      /** Reading the content fails with this code (a bad sector: listed and stat'ed fine, unreadable). */
      readonly readError?: string;
    }
  | { readonly type: "dir"; readonly mode?: number; readonly uid?: number; readonly gid?: number }
  | { readonly type: "symlink"; readonly target: string }
  /** A FIFO, socket or device: present, never read. */
  | { readonly type: "other"; readonly mode?: number }
  /** Any access fails with this code (EACCES, EIO…): a disk the scanner cannot fully read. */
  | { readonly type: "error"; readonly code: string };

/**
 * A tree held in memory, keyed by absolute path. Parent directories are implied. The same resolver
 * as the host's, so a test of it is a test of the containment rules.
 */
export function memoryRootFs(entries: Readonly<Record<string, MemoryEntry>>): RootFs {
  const tree = new Map<string, MemoryEntry>();
  tree.set("/", { type: "dir" });
  for (const [path, entry] of Object.entries(entries)) {
    const parts = split(path);
    for (let i = 1; i < parts.length; i++) {
      const dir = display(parts.slice(0, i));
      if (!tree.has(dir)) tree.set(dir, { type: "dir" });
    }
    tree.set(display(parts), entry);
  }
  const get = (parts: readonly string[]): FsResult<MemoryEntry> => {
    const path = display(parts);
    const entry = tree.get(path);
    if (!entry) return failure("ENOENT", `${path}: no such file or directory`);
    if (entry.type === "error") return failure(entry.code, `${path}: ${entry.code}`);
    return ok(entry);
  };
  return rootFsOver({
    async lstat(parts) {
      const entry = get(parts);
      if (!entry.ok) return entry;
      const e = entry.value;
      switch (e.type) {
        case "file": {
          const size = typeof e.content === "string" ? Buffer.byteLength(e.content) : e.content.length;
          return ok({ kind: "file", mode: e.mode ?? 0o644, uid: e.uid ?? 0, gid: e.gid ?? 0, size });
        }
        case "dir":
          return ok({ kind: "dir", mode: e.mode ?? 0o755, uid: e.uid ?? 0, gid: e.gid ?? 0, size: 4096 });
        case "symlink":
          return ok({ kind: "symlink", mode: 0o777, uid: 0, gid: 0, size: e.target.length });
        default:
          return ok({ kind: "other", mode: (e as { mode?: number }).mode ?? 0o644, uid: 0, gid: 0, size: 0 });
      }
    },
    async readlink(parts) {
      const entry = get(parts);
      if (!entry.ok) return entry;
      return entry.value.type === "symlink"
        ? ok(entry.value.target)
        : failure("EINVAL", `${display(parts)} is not a symbolic link`);
    },
    async read(parts) {
      const entry = get(parts);
      if (!entry.ok) return entry;
      const e = entry.value;
      if (e.type !== "file") return failure("ENOTREG", `${display(parts)} is not a regular file`);
      if (e.readError) return failure(e.readError, `${display(parts)}: ${e.readError}`);
      return ok(typeof e.content === "string" ? new TextEncoder().encode(e.content) : e.content);
    },
    async readdir(parts) {
      const entry = get(parts);
      if (!entry.ok) return entry;
      if (entry.value.type !== "dir") return failure("ENOTDIR", `${display(parts)} is not a directory`);
      const prefix = parts.length === 0 ? "/" : `${display(parts)}/`;
      const names = new Set<string>();
      for (const path of tree.keys()) {
        if (path === "/" || !path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        if (rest !== "" && !rest.includes("/")) names.add(rest);
      }
      return ok([...names]);
    },
  });
}

/** Decodes a file as UTF-8 (invalid bytes become U+FFFD: configuration is read as text). */
export function text(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}
