import { describe, expect, it } from "vitest";
import {
  memoryRootFs,
  parseApkInstalled,
  parseDpkgStatus,
  parseRpmHeader,
  parseRpmSqlite,
  readOsFacts,
  SqliteFile,
} from "../../src/os/index.ts";
import { type RpmFields, rpmdbSqlite, rpmHeader } from "./rpmdb.ts";

describe("package databases", () => {
  it("reads dpkg's status file: installed packages only, multi-line fields skipped", () => {
    const packages = parseDpkgStatus(
      [
        "Package: openssh-server\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:9.2p1-2\nDescription: ssh\n secure shell\n .\n more",
        "Package: telnet\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 0.17",
        "Package: libc6\nStatus: hold ok installed\nArchitecture: arm64\nVersion: 2.36-9\nConffiles:\n /etc/ld.so.conf abc",
      ].join("\n\n"),
    );
    expect(packages).toEqual([
      { name: "libc6", version: "2.36-9", arch: "arm64" },
      { name: "openssh-server", version: "1:9.2p1-2", arch: "amd64" },
    ]);
  });

  it("reads apk's installed database", () => {
    expect(
      parseApkInstalled("C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\n\nP:busybox\nV:1.36.1-r5\nA:x86_64\n"),
    ).toEqual([
      { name: "busybox", version: "1.36.1-r5", arch: "x86_64" },
      { name: "musl", version: "1.2.4-r2", arch: "x86_64" },
    ]);
  });

  it("reads an rpm header: epoch, version, release, arch", () => {
    expect(
      parseRpmHeader(
        rpmHeader({ name: "shadow-utils", epoch: 2, version: "4.9", release: "12.amzn2023", arch: "x86_64" }),
      ),
    ).toEqual({ name: "shadow-utils", version: "2:4.9-12.amzn2023", arch: "x86_64" });
    expect(() => parseRpmHeader(new Uint8Array([0, 0, 0, 9, 0, 0, 0, 9]))).toThrow(/exceed its blob/);
  });

  it("reads every package of an rpmdb.sqlite SQLite wrote: interior pages, overflow chains, other tables beside it", () => {
    const fields: RpmFields[] = Array.from({ length: 400 }, (_, i) => [
      `pkg-${String(i).padStart(3, "0")}`,
      i % 7 === 0 ? 1 : null,
      `1.${i}`,
      `${i}.amzn2023`,
      i % 2 ? "x86_64" : "noarch",
    ]);
    // 6 KB descriptions: every header spills into overflow pages (4 KB pages).
    const bytes = rpmdbSqlite(fields, { descriptionBytes: 6000 });
    const db = new SqliteFile(bytes);
    expect(db.pageSize).toBe(4096);
    expect(db.schema().map((s) => s.name)).toEqual(
      expect.arrayContaining(["Packages", "Name", "Name_key_idx"]),
    );
    const packages = parseRpmSqlite(bytes);
    expect(packages).toHaveLength(400);
    expect(packages[0]).toEqual({ name: "pkg-000", version: "1:1.0-0.amzn2023", arch: "noarch" });
    // 399 = 57 × 7: an epoch.
    expect(packages[399]).toEqual({ name: "pkg-399", version: "1:1.399-399.amzn2023", arch: "x86_64" });
    expect(new Set(packages.map((p) => p.name)).size).toBe(400);
  });

  it("leaves gpg-pubkey entries out (they are keys)", () => {
    const packages = parseRpmSqlite(
      rpmdbSqlite([
        ["bash", null, "5.2", "1", "x86_64"],
        ["gpg-pubkey", null, "d832c631", "63bfd53b", "(none)"],
      ]),
    );
    expect(packages.map((p) => p.name)).toEqual(["bash"]);
  });

  it("refuses what is not an SQLite database, or has no Packages table, with the reason", () => {
    expect(() => parseRpmSqlite(new TextEncoder().encode("Berkeley DB".padEnd(200, "\u0000")))).toThrow(
      /not an SQLite 3 database/,
    );
    const truncated = rpmdbSqlite([["bash", null, "5.2", "1", "x86_64"]]).slice(0, 4096);
    expect(() => parseRpmSqlite(truncated)).toThrow(/rpmdb.sqlite: /);
  });

  it("reports packages as not assessed for formats it does not read and for an unchecked write-ahead log, never as an empty list", async () => {
    const db = rpmdbSqlite([["bash", null, "5.2", "1", "x86_64"]]);
    const base = { "/etc/os-release": { type: "file" as const, content: "ID=amzn\n" } };
    const bdb = await readOsFacts(
      memoryRootFs({ ...base, "/var/lib/rpm/Packages": { type: "file", content: "\u0000\u0006\u0001" } }),
      "i-1",
    );
    expect(bdb.config.packages).toBeUndefined();
    expect(bdb.unread.packages).toMatchObject({
      call: "read /var/lib/rpm/Packages",
      code: "UnsupportedFormat",
    });
    expect(bdb.unread.packages?.message).toMatch(/Berkeley DB/);

    const wal = await readOsFacts(
      memoryRootFs({
        ...base,
        "/var/lib/rpm/rpmdb.sqlite": { type: "file", content: db },
        "/var/lib/rpm/rpmdb.sqlite-wal": { type: "file", content: "x".repeat(4128) },
      }),
      "i-1",
    );
    expect(wal.unread.packages).toMatchObject({ code: "UncommittedWal" });

    const broken = await readOsFacts(
      memoryRootFs({ ...base, "/var/lib/rpm/rpmdb.sqlite": { type: "file", content: db.slice(0, 100) } }),
      "i-1",
    );
    expect(broken.unread.packages).toMatchObject({ code: "InvalidDatabase" });

    const fine = await readOsFacts(
      memoryRootFs({
        ...base,
        "/var/lib/rpm/rpmdb.sqlite": { type: "file", content: db },
        "/var/lib/rpm/rpmdb.sqlite-wal": { type: "file", content: "" },
      }),
      "i-1",
    );
    expect(fine.config.packages).toEqual({
      manager: "rpm",
      items: [{ name: "bash", version: "5.2-1", arch: "x86_64" }],
    });

    const none = await readOsFacts(memoryRootFs(base), "i-1");
    expect(none.config.packages).toBeNull();
    expect(none.unread.packages).toBeUndefined();
  });
});
