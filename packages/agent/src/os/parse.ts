/**
 * Parsers of the configuration files the OS checks read. Pure text in, facts out; nothing here
 * touches a disk. Comments and blank lines are dropped; keys keep the case the program reading them
 * expects (sshd's keywords are case-insensitive, so they are lower-cased).
 */

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

function stripComment(line: string): string {
  const hash = line.indexOf("#");
  return (hash >= 0 ? line.slice(0, hash) : line).trim();
}

/** `os-release(5)`: `KEY=value` with optional shell quoting. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of lines(text)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2)
      value = value.slice(1, -1);
    if (quote === '"') value = value.replace(/\\(["$`\\])/g, "$1");
    out[key] = value;
  }
  return out;
}

/**
 * Files of `KEY value` or `key = value` lines (login.defs, pwquality.conf, faillock.conf,
 * auditd.conf, /etc/default/useradd). The last assignment of a key wins, as their readers do; a
 * bare word (faillock's `silent`) is recorded as `""`.
 */
export function parseKeyValues(
  text: string,
  options: { separator: "space" | "equals" },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of lines(text)) {
    const line = stripComment(raw);
    if (line === "") continue;
    if (options.separator === "equals") {
      const eq = line.indexOf("=");
      if (eq < 0) {
        out[line] = "";
        continue;
      }
      let value = line.slice(eq + 1).trim();
      if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]))
        value = value.slice(1, -1);
      out[line.slice(0, eq).trim()] = value;
    } else {
      const match = /^(\S+)\s*(.*)$/.exec(line);
      if (match) out[match[1] as string] = (match[2] as string).trim();
    }
  }
  return out;
}

/** INI files with `[Section]` headers and `Key=Value` (systemd's journald.conf). */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section = "";
  for (const raw of lines(text)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1] as string;
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    out[section] ??= {};
    (out[section] as Record<string, string>)[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

export interface PasswdEntry {
  readonly name: string;
  /** `x` (in shadow), empty, or anything else (a hash or a lock written into passwd). */
  readonly passwordField: "shadowed" | "empty" | "other";
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
  readonly shell: string;
}

function int(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value);
  return Number.isInteger(n) ? n : null;
}

/** `/etc/passwd`. Lines that are not seven fields with numeric ids are skipped (NIS `+` lines too). */
export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const raw of lines(text)) {
    if (raw.trim() === "" || raw.startsWith("#") || raw.startsWith("+") || raw.startsWith("-")) continue;
    const f = raw.split(":");
    if (f.length < 7) continue;
    const uid = int(f[2]);
    const gid = int(f[3]);
    if (uid === null || gid === null) continue;
    const pw = f[1] as string;
    out.push({
      name: f[0] as string,
      passwordField: pw === "x" ? "shadowed" : pw === "" ? "empty" : "other",
      uid,
      gid,
      home: f[5] as string,
      shell: (f[6] as string).trim(),
    });
  }
  return out;
}

export interface ShadowEntry {
  readonly name: string;
  /**
   * `empty`: no password needed; `locked`: `!`/`*`-prefixed or `*`/`!!` (no password login);
   * `hash`: a usable password. The hash itself never leaves this parser.
   */
  readonly password: "empty" | "locked" | "hash";
  /** The crypt(3) scheme of the hash (also of a locked hash): `yescrypt`, `sha512`, `md5`, `des`… */
  readonly algorithm: string | null;
  readonly lastChange: number | null;
  readonly minDays: number | null;
  readonly maxDays: number | null;
  readonly warnDays: number | null;
  readonly inactiveDays: number | null;
}

const CRYPT_IDS: Readonly<Record<string, string>> = {
  "1": "md5",
  "2a": "bcrypt",
  "2b": "bcrypt",
  "2y": "bcrypt",
  "5": "sha256",
  "6": "sha512",
  "7": "scrypt",
  y: "yescrypt",
  gy: "gost-yescrypt",
  sha1: "sha1",
  md5: "sun-md5",
};

function cryptAlgorithm(hash: string): string | null {
  if (hash === "" || hash === "*" || /^!+$/.test(hash)) return null;
  const id = /^\$([^$]+)\$/.exec(hash)?.[1];
  if (id !== undefined) return CRYPT_IDS[id] ?? `unknown ($${id}$)`;
  if (/^[./0-9A-Za-z]{13}$/.test(hash)) return "des";
  if (hash.startsWith("_")) return "bsdi-des";
  return null;
}

/** `/etc/shadow`: the password state and ageing fields of each account; never the hash. */
export function parseShadow(text: string): ShadowEntry[] {
  const out: ShadowEntry[] = [];
  for (const raw of lines(text)) {
    if (raw.trim() === "" || raw.startsWith("#")) continue;
    const f = raw.split(":");
    if (f.length < 8) continue;
    const pw = f[1] as string;
    const locked = pw.startsWith("!") || pw.startsWith("*");
    out.push({
      name: f[0] as string,
      password: pw === "" ? "empty" : locked ? "locked" : "hash",
      algorithm: cryptAlgorithm(pw.replace(/^!+/, "")),
      lastChange: int(f[2]),
      minDays: int(f[3]),
      maxDays: int(f[4]),
      warnDays: int(f[5]),
      inactiveDays: int(f[6]),
    });
  }
  return out;
}

export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: string[];
}

export function parseGroup(text: string): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const raw of lines(text)) {
    if (raw.trim() === "" || raw.startsWith("#") || raw.startsWith("+")) continue;
    const f = raw.split(":");
    if (f.length < 4) continue;
    const gid = int(f[2]);
    if (gid === null) continue;
    out.push({
      name: f[0] as string,
      gid,
      members: (f[3] as string)
        .trim()
        .split(",")
        .filter((m) => m !== ""),
    });
  }
  return out;
}

/** One logical line of sshd_config: its keyword (lower case) and arguments. */
export interface SshdLine {
  readonly keyword: string;
  readonly args: string[];
}

/** Splits sshd_config text into keyword lines (`Keyword value`, `Keyword=value`, quoted arguments). */
export function sshdLines(text: string): SshdLine[] {
  const out: SshdLine[] = [];
  for (const raw of lines(text)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([A-Za-z0-9]+)\s*(?:=\s*|\s+)(.*)$/.exec(line);
    if (!match) {
      if (/^[A-Za-z0-9]+$/.test(line)) out.push({ keyword: line.toLowerCase(), args: [] });
      continue;
    }
    const args: string[] = [];
    const re = /"([^"]*)"|(\S+)/g;
    const rest = stripComment(match[2] as string);
    for (let m = re.exec(rest); m; m = re.exec(rest)) args.push((m[1] ?? m[2]) as string);
    out.push({ keyword: (match[1] as string).toLowerCase(), args });
  }
  return out;
}

/** One `sysctl.d(5)` assignment: key with `/` normalised to `.`, value with surrounding blanks trimmed. */
export interface SysctlAssignment {
  readonly key: string;
  readonly value: string;
  /** The file that set it. */
  readonly source: string;
}

export function parseSysctl(text: string, source: string): SysctlAssignment[] {
  const out: SysctlAssignment[] = [];
  for (const raw of lines(text)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim().replace(/^-/, "");
    // sysctl.d(5): when the first separator is a slash, slashes separate and dots are literal.
    const firstSlash = key.indexOf("/");
    const firstDot = key.indexOf(".");
    const normal =
      firstSlash >= 0 && (firstDot < 0 || firstSlash < firstDot)
        ? key.replace(/[./]/g, (c) => (c === "/" ? "." : "/"))
        : key;
    out.push({ key: normal, value: line.slice(eq + 1).trim(), source });
  }
  return out;
}

/** One line of a PAM service file (`/etc/pam.d/<service>`). */
export interface PamLine {
  readonly service: string;
  /** `auth`, `account`, `password`, `session`, or `@include` for Debian's include lines. */
  readonly type: string;
  readonly control: string;
  readonly module: string;
  readonly args: string[];
  /** A leading `-`: the line is skipped when the module is missing. */
  readonly optional: boolean;
}

export function parsePam(text: string, service: string): PamLine[] {
  const out: PamLine[] = [];
  for (const raw of lines(text)) {
    const line = stripComment(raw);
    if (line === "") continue;
    if (line.startsWith("@include")) {
      const target = line.split(/\s+/)[1] ?? "";
      out.push({ service, type: "@include", control: "include", module: target, args: [], optional: false });
      continue;
    }
    const match = /^(-?)(\S+)\s+(\[[^\]]*\]|\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    out.push({
      service,
      optional: match[1] === "-",
      type: (match[2] as string).toLowerCase(),
      control: match[3] as string,
      module: match[4] as string,
      args: (match[5] as string).split(/\s+/).filter((a) => a !== ""),
    });
  }
  return out;
}

export interface FstabEntry {
  readonly spec: string;
  readonly file: string;
  readonly vfstype: string;
  readonly options: string[];
}

export function parseFstab(text: string): FstabEntry[] {
  const out: FstabEntry[] = [];
  for (const raw of lines(text)) {
    const line = stripComment(raw);
    if (line === "") continue;
    const f = line.split(/\s+/);
    if (f.length < 3) continue;
    out.push({
      spec: f[0] as string,
      file: f[1] as string,
      vfstype: f[2] as string,
      options: (f[3] ?? "defaults").split(","),
    });
  }
  return out;
}

/**
 * rsyslog's file creation mode: the last `$FileCreateMode` (legacy) or `fileCreateMode="…"`
 * (RainerScript, on the builtin omfile module or an action) in the text, or null when none is set.
 */
export function rsyslogFileCreateMode(text: string): string | null {
  let mode: string | null = null;
  for (const raw of lines(text)) {
    const line = stripComment(raw);
    const legacy = /^\$FileCreateMode\s+([0-7]{3,4})\b/i.exec(line);
    if (legacy) mode = legacy[1] as string;
    for (const m of line.matchAll(/fileCreateMode\s*=\s*"([0-7]{3,4})"/gi)) mode = m[1] as string;
  }
  return mode;
}

/** Whether rsyslog forwards or writes logs at all: it has a rule line (selector + action). */
export function rsyslogHasRules(text: string): boolean {
  return lines(text).some((raw) => {
    const line = stripComment(raw);
    return (
      /^[a-z*][a-z0-9*,;.=!]*\s+[-/@|:~]/i.test(line) || /^\*\.\*/.test(line) || /action\s*\(/i.test(line)
    );
  });
}

/** Number of audit rules (`-a`, `-w`) in an audit.rules file: `-D`, `-b`, `-e` and the like are settings. */
export function countAuditRules(text: string): number {
  return lines(text).filter((raw) => /^-(a|A|w)\s/.test(stripComment(raw))).length;
}

/** limits.conf(5): the hard `core` limit of `*` (every user), when set. Last line wins. */
export function hardCoreLimit(text: string): string | null {
  let value: string | null = null;
  for (const raw of lines(text)) {
    const f = stripComment(raw).split(/\s+/);
    if (f.length >= 4 && f[0] === "*" && (f[1] === "hard" || f[1] === "-") && f[2] === "core")
      value = f[3] as string;
  }
  return value;
}

/** Shell-style glob (`*`, `?`) of a single path component. */
export function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replaceAll("*", ".*")
      .replaceAll("?", ".")}$`,
  );
  return re.test(name);
}
