/**
 * A read-only reader of SQLite database files (https://www.sqlite.org/fileformat2.html), just
 * enough to list the rows of one table: the file header, the schema table on page 1, table
 * b-trees (interior and leaf pages), overflow chains and the record format. No native module and
 * no SQL engine: the scanner runs wherever Node does, and reads rpm's `rpmdb.sqlite` (Amazon Linux
 * 2023, RHEL 9, Fedora) from a disk it must never write to.
 *
 * Anything it does not understand is an `SqliteFormatError` naming what and where, never a guess.
 */

export class SqliteFormatError extends Error {
  override readonly name = "SqliteFormatError";
}

export type SqliteValue = null | number | bigint | string | Uint8Array;

export interface SqliteRow {
  readonly rowid: bigint;
  readonly values: SqliteValue[];
}

const MAGIC = "SQLite format 3\u0000";

/** A varint: 1–9 bytes, big-endian 7 bits each, the ninth byte all 8 bits. */
function varint(bytes: Uint8Array, offset: number): { value: bigint; length: number } {
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    const b = bytes[offset + i];
    if (b === undefined) throw new SqliteFormatError(`varint runs past the end of a page at ${offset}`);
    value = (value << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) return { value, length: i + 1 };
  }
  const last = bytes[offset + 8];
  if (last === undefined) throw new SqliteFormatError(`varint runs past the end of a page at ${offset}`);
  return { value: (value << 8n) | BigInt(last), length: 9 };
}

export class SqliteFile {
  readonly pageSize: number;
  readonly usableSize: number;
  readonly pageCount: number;
  readonly #bytes: Uint8Array;
  readonly #view: DataView;

  constructor(bytes: Uint8Array) {
    if (bytes.length < 100 || new TextDecoder("latin1").decode(bytes.subarray(0, 16)) !== MAGIC)
      throw new SqliteFormatError("not an SQLite 3 database (no 'SQLite format 3' header)");
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const raw = this.#view.getUint16(16);
    this.pageSize = raw === 1 ? 65536 : raw;
    if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0)
      throw new SqliteFormatError(`invalid page size ${this.pageSize}`);
    this.usableSize = this.pageSize - (bytes[20] ?? 0);
    const encoding = this.#view.getUint32(56);
    if (encoding !== 0 && encoding !== 1)
      throw new SqliteFormatError(`text encoding ${encoding} (UTF-16) is not supported; only UTF-8`);
    this.pageCount = Math.floor(bytes.length / this.pageSize);
  }

  #page(number: number): Uint8Array {
    if (!Number.isInteger(number) || number < 1 || number > this.pageCount)
      throw new SqliteFormatError(`page ${number} is outside the file (${this.pageCount} pages)`);
    const start = (number - 1) * this.pageSize;
    return this.#bytes.subarray(start, start + this.pageSize);
  }

  /** Every row of the table b-tree rooted at `rootPage`, in rowid order. */
  *rows(rootPage: number): Generator<SqliteRow> {
    const visited = new Set<number>();
    const stack: number[] = [rootPage];
    // Depth-first, left to right: children are pushed in reverse.
    while (stack.length > 0) {
      const number = stack.pop() as number;
      if (visited.has(number)) throw new SqliteFormatError(`page ${number} is reached twice (a cycle)`);
      visited.add(number);
      const page = this.#page(number);
      const headerAt = number === 1 ? 100 : 0;
      const type = page[headerAt];
      const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
      const cells = view.getUint16(headerAt + 3);
      if (type === 0x05) {
        const children: number[] = [];
        for (let i = 0; i < cells; i++) {
          const at = view.getUint16(headerAt + 12 + 2 * i);
          children.push(view.getUint32(at));
        }
        children.push(view.getUint32(headerAt + 8));
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as number);
      } else if (type === 0x0d) {
        for (let i = 0; i < cells; i++) {
          const at = view.getUint16(headerAt + 8 + 2 * i);
          yield this.#leafCell(page, at);
        }
      } else {
        throw new SqliteFormatError(`page ${number} is not a table b-tree page (type ${type})`);
      }
    }
  }

  #leafCell(page: Uint8Array, at: number): SqliteRow {
    const size = varint(page, at);
    const rowid = varint(page, at + size.length);
    const payloadSize = Number(size.value);
    const start = at + size.length + rowid.length;
    const u = this.usableSize;
    const x = u - 35;
    let payload: Uint8Array;
    if (payloadSize <= x) {
      payload = page.subarray(start, start + payloadSize);
    } else {
      const m = Math.floor(((u - 12) * 32) / 255) - 23;
      const k = m + ((payloadSize - m) % (u - 4));
      const local = k <= x ? k : m;
      payload = new Uint8Array(payloadSize);
      payload.set(page.subarray(start, start + local), 0);
      let filled = local;
      let next = new DataView(page.buffer, page.byteOffset, page.byteLength).getUint32(start + local);
      const seen = new Set<number>();
      while (filled < payloadSize) {
        if (next === 0) throw new SqliteFormatError("overflow chain ends before the payload does");
        if (seen.has(next)) throw new SqliteFormatError(`overflow page ${next} is reached twice`);
        seen.add(next);
        const overflow = this.#page(next);
        const take = Math.min(u - 4, payloadSize - filled);
        payload.set(overflow.subarray(4, 4 + take), filled);
        filled += take;
        next = new DataView(overflow.buffer, overflow.byteOffset, overflow.byteLength).getUint32(0);
      }
    }
    return { rowid: rowid.value, values: decodeRecord(payload) };
  }

  /** `sqlite_schema` rows: type, name, tbl_name, rootpage, sql. */
  schema(): { type: string; name: string; tableName: string; rootPage: number; sql: string | null }[] {
    return [...this.rows(1)].map(({ values }) => ({
      type: String(values[0]),
      name: String(values[1]),
      tableName: String(values[2]),
      rootPage: Number(values[3] ?? 0),
      sql: typeof values[4] === "string" ? values[4] : null,
    }));
  }

  /** The rows of table `name` (case-insensitive, as SQL names are); an error naming the tables when it is missing. */
  *table(name: string): Generator<SqliteRow> {
    const tables = this.schema().filter((s) => s.type === "table");
    const entry = tables.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!entry)
      throw new SqliteFormatError(
        `no table ${name} (tables: ${tables.map((t) => t.name).join(", ") || "none"})`,
      );
    yield* this.rows(entry.rootPage);
  }
}

function decodeRecord(payload: Uint8Array): SqliteValue[] {
  const header = varint(payload, 0);
  const headerSize = Number(header.value);
  const types: bigint[] = [];
  for (let at = header.length; at < headerSize; ) {
    const t = varint(payload, at);
    types.push(t.value);
    at += t.length;
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const values: SqliteValue[] = [];
  let at = headerSize;
  const intOf = (bytes: number): number | bigint => {
    let v = 0n;
    for (let i = 0; i < bytes; i++) v = (v << 8n) | BigInt(payload[at + i] ?? 0);
    const bits = BigInt(bytes * 8);
    if (v >= 1n << (bits - 1n)) v -= 1n << bits;
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  };
  for (const serial of types) {
    const t = Number(serial);
    if (t === 0) values.push(null);
    else if (t >= 1 && t <= 6) {
      const size = [0, 1, 2, 3, 4, 6, 8][t] as number;
      values.push(intOf(size));
      at += size;
    } else if (t === 7) {
      values.push(view.getFloat64(at));
      at += 8;
    } else if (t === 8) values.push(0);
    else if (t === 9) values.push(1);
    else if (t >= 12 && t % 2 === 0) {
      const n = (t - 12) / 2;
      values.push(payload.slice(at, at + n));
      at += n;
    } else if (t >= 13) {
      const n = (t - 13) / 2;
      values.push(new TextDecoder().decode(payload.subarray(at, at + n)));
      at += n;
    } else throw new SqliteFormatError(`reserved serial type ${t} in a record`);
    if (at > payload.length) throw new SqliteFormatError("a record's values run past its payload");
  }
  return values;
}
