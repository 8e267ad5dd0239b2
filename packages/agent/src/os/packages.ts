/**
 * Installed packages, read from the package manager's own database on the disk: dpkg's status file
 * (Debian, Ubuntu), rpm's sqlite database (Amazon Linux 2023, RHEL 9, Fedora: its `Packages` table
 * holds one rpm header blob per package), apk's installed file (Alpine). rpm's older Berkeley DB
 * (Amazon Linux 2, RHEL 7/8) and ndb formats are not read: that is an error naming the format,
 * never an empty list.
 */
import { SqliteFile, SqliteFormatError } from "./sqlite.ts";

export interface InstalledPackage {
  readonly name: string;
  /** `[epoch:]version[-release]` as the package manager prints it. */
  readonly version: string;
  readonly arch: string | null;
}

export class PackageDatabaseError extends Error {
  override readonly name = "PackageDatabaseError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** dpkg's `/var/lib/dpkg/status`: stanzas whose `Status` is `install ok installed` (or held). */
export function parseDpkgStatus(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const stanza of text.split(/\r?\n\s*\r?\n/)) {
    const fields: Record<string, string> = {};
    let last: string | undefined;
    for (const line of stanza.split(/\r?\n/)) {
      if (/^\s/.test(line)) continue; // continuation of a multi-line field (Description, Conffiles)
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      last = line.slice(0, colon);
      fields[last] = line.slice(colon + 1).trim();
    }
    const status = fields.Status?.split(/\s+/);
    if (!fields.Package || !fields.Version || status?.[2] !== "installed") continue;
    out.push({ name: fields.Package, version: fields.Version, arch: fields.Architecture ?? null });
  }
  return out.sort(byName);
}

/** apk's `/lib/apk/db/installed`: `P:` name, `V:` version, `A:` arch per stanza. */
export function parseApkInstalled(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const stanza of text.split(/\r?\n\s*\r?\n/)) {
    const fields: Record<string, string> = {};
    for (const line of stanza.split(/\r?\n/)) {
      const m = /^([A-Za-z]):(.*)$/.exec(line);
      if (m && !((m[1] as string) in fields)) fields[m[1] as string] = m[2] as string;
    }
    if (fields.P && fields.V) out.push({ name: fields.P, version: fields.V, arch: fields.A ?? null });
  }
  return out.sort(byName);
}

const RPMTAG = { name: 1000, version: 1001, release: 1002, epoch: 1003, arch: 1022 } as const;
const RPM_INT32 = 4;
const RPM_STRING = 6;
const RPM_I18NSTRING = 9;

/**
 * One rpm header as rpm stores it in its database (`headerExport`: index length, data length,
 * 16-byte index entries `tag type offset count`, then the data store), reduced to name, epoch,
 * version, release and arch.
 */
export function parseRpmHeader(blob: Uint8Array): InstalledPackage {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.length < 8) throw new PackageDatabaseError("InvalidHeader", "rpm header shorter than 8 bytes");
  const il = view.getUint32(0);
  const dl = view.getUint32(4);
  const dataStart = 8 + il * 16;
  if (il > 100_000 || dataStart + dl > blob.length)
    throw new PackageDatabaseError(
      "InvalidHeader",
      `rpm header sizes (${il} entries, ${dl} bytes) exceed its blob`,
    );
  const found = new Map<number, string | number>();
  const wanted = new Set<number>(Object.values(RPMTAG));
  for (let i = 0; i < il; i++) {
    const at = 8 + i * 16;
    const tag = view.getInt32(at);
    if (!wanted.has(tag)) continue;
    const type = view.getUint32(at + 4);
    const offset = view.getInt32(at + 8);
    if (offset < 0 || offset >= dl) continue;
    const p = dataStart + offset;
    if (type === RPM_STRING || type === RPM_I18NSTRING) {
      let end = p;
      while (end < dataStart + dl && blob[end] !== 0) end++;
      found.set(tag, new TextDecoder().decode(blob.subarray(p, end)));
    } else if (type === RPM_INT32) {
      found.set(tag, view.getInt32(p));
    }
  }
  const name = found.get(RPMTAG.name);
  const version = found.get(RPMTAG.version);
  if (typeof name !== "string" || typeof version !== "string")
    throw new PackageDatabaseError("InvalidHeader", "rpm header without a name or version");
  const release = found.get(RPMTAG.release);
  const epoch = found.get(RPMTAG.epoch);
  const arch = found.get(RPMTAG.arch);
  return {
    name,
    version: `${typeof epoch === "number" && epoch > 0 ? `${epoch}:` : ""}${version}${typeof release === "string" ? `-${release}` : ""}`,
    arch: typeof arch === "string" ? arch : null,
  };
}

/** rpm's sqlite database: every header of its `Packages` table (`gpg-pubkey` entries are keys, not packages). */
export function parseRpmSqlite(bytes: Uint8Array): InstalledPackage[] {
  try {
    const db = new SqliteFile(bytes);
    const out: InstalledPackage[] = [];
    for (const row of db.table("Packages")) {
      const blob = row.values.find((v): v is Uint8Array => v instanceof Uint8Array);
      if (!blob)
        throw new PackageDatabaseError("InvalidHeader", `Packages row ${row.rowid} holds no header blob`);
      const pkg = parseRpmHeader(blob);
      if (pkg.name !== "gpg-pubkey") out.push(pkg);
    }
    return out.sort(byName);
  } catch (error) {
    if (error instanceof SqliteFormatError)
      throw new PackageDatabaseError("InvalidDatabase", `rpmdb.sqlite: ${error.message}`);
    throw error;
  }
}

function byName(a: InstalledPackage, b: InstalledPackage): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1;
}
