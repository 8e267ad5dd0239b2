/**
 * rpm databases for the tests, written by the real SQLite library (Python's sqlite3 module, which
 * every machine running the emulated account has) in the schema rpm 4.16+ uses, with header blobs
 * built here in rpm's header format: so the scanner's reader is tested against SQLite's own files.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const STRING = 6;
const INT32 = 4;
const BIN = 7;

interface Entry {
  tag: number;
  type: number;
  data: Uint8Array;
  count: number;
}

function stringEntry(tag: number, value: string): Entry {
  return { tag, type: STRING, data: new TextEncoder().encode(`${value}\u0000`), count: 1 };
}

/** One header as rpm exports it into its database: il, dl, index entries, data store. */
export function rpmHeader(fields: {
  name: string;
  epoch: number | null;
  version: string;
  release: string;
  arch: string;
  description?: string;
}): Uint8Array {
  const entries: Entry[] = [
    // rpm's immutable region tag comes first; its 16-byte trailer is in the data store.
    { tag: 63, type: BIN, data: new Uint8Array(16), count: 16 },
    stringEntry(1000, fields.name),
    stringEntry(1001, fields.version),
    stringEntry(1002, fields.release),
    ...(fields.epoch !== null
      ? [{ tag: 1003, type: INT32, data: new Uint8Array([0, 0, 0, fields.epoch]), count: 1 }]
      : []),
    stringEntry(1005, fields.description ?? `${fields.name} package`),
    stringEntry(1022, fields.arch),
  ];
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  for (const e of entries) {
    if (e.type === INT32 && size % 4 !== 0) {
      const pad = 4 - (size % 4);
      chunks.push(new Uint8Array(pad));
      size += pad;
    }
    offsets.push(size);
    chunks.push(e.data);
    size += e.data.length;
  }
  const out = new Uint8Array(8 + entries.length * 16 + size);
  const view = new DataView(out.buffer);
  view.setUint32(0, entries.length);
  view.setUint32(4, size);
  entries.forEach((e, i) => {
    const at = 8 + i * 16;
    view.setInt32(at, e.tag);
    view.setUint32(at + 4, e.type);
    view.setInt32(at + 8, offsets[i] as number);
    view.setUint32(at + 12, e.count);
  });
  let at = 8 + entries.length * 16;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const WRITER = `
import json, sqlite3, sys
path = sys.argv[1]
rows = json.load(sys.stdin)
db = sqlite3.connect(path)
db.execute("PRAGMA page_size = 4096")
db.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT,blob BLOB NOT NULL)")
db.execute("CREATE TABLE Name (key VARCHAR NOT NULL, hnum INTEGER NOT NULL, idx INTEGER NOT NULL, FOREIGN KEY (hnum) REFERENCES Packages(hnum))")
db.execute("CREATE INDEX Name_key_idx ON Name(key ASC)")
for name, blob in rows:
    cur = db.execute("INSERT INTO Packages (blob) VALUES (?)", (bytes.fromhex(blob),))
    db.execute("INSERT INTO Name (key, hnum, idx) VALUES (?, ?, 0)", (name, cur.lastrowid))
db.commit()
db.close()
`;

export type RpmFields = readonly [
  name: string,
  epoch: number | null,
  version: string,
  release: string,
  arch: string,
];

/** The bytes of an `rpmdb.sqlite` holding these packages (descriptions of `descriptionBytes` force overflow pages). */
export function rpmdbSqlite(
  packages: readonly RpmFields[],
  options: { descriptionBytes?: number } = {},
): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "vigil-rpmdb-"));
  try {
    const path = join(dir, "rpmdb.sqlite");
    const rows = packages.map(([name, epoch, version, release, arch]) => [
      name,
      Buffer.from(
        rpmHeader({
          name,
          epoch,
          version,
          release,
          arch,
          description: `${name}: ${"x".repeat(options.descriptionBytes ?? 64)}`,
        }),
      ).toString("hex"),
    ]);
    execFileSync("python3", ["-c", WRITER, path], { input: JSON.stringify(rows) });
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
