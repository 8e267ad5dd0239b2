/**
 * Reads the facts of one operating system from its root filesystem: the config of an
 * `aws.ec2.instance-os` asset. Each field is read from the files `OS_FACT_SOURCES` names; a file
 * that does not exist is a fact (an empty or null field), a file that exists but cannot be read
 * (EACCES, EIO, a directory where a file belongs, a database format this scanner does not read)
 * leaves the field out and lists it in `unread` with the path and why — never a default.
 */
import type { UnreadField } from "../assets/base.ts";
import type { InstanceOsConfig, OsFileInfo } from "../assets/os.ts";
import {
  type InstalledPackage,
  PackageDatabaseError,
  parseApkInstalled,
  parseDpkgStatus,
  parseRpmSqlite,
} from "./packages.ts";
import {
  countAuditRules,
  globMatch,
  hardCoreLimit,
  type PamLine,
  parseFstab,
  parseGroup,
  parseIni,
  parseKeyValues,
  parseOsRelease,
  parsePam,
  parsePasswd,
  parseShadow,
  parseSysctl,
  rsyslogFileCreateMode,
  rsyslogHasRules,
  type SysctlAssignment,
  sshdLines,
} from "./parse.ts";
import { type FileInfo, type FsFailure, type RootFs, text } from "./rootfs.ts";

export type OsFactField = Exclude<keyof InstanceOsConfig, "instanceId">;

/** The sensitive files whose owner and mode are facts (`files`), as the permission checks name them. */
export const SENSITIVE_FILES = [
  "/etc/passwd",
  "/etc/passwd-",
  "/etc/shadow",
  "/etc/shadow-",
  "/etc/group",
  "/etc/group-",
  "/etc/gshadow",
  "/etc/gshadow-",
  "/etc/ssh/sshd_config",
  "/etc/crontab",
  "/etc/cron.hourly",
  "/etc/cron.daily",
  "/etc/cron.weekly",
  "/etc/cron.monthly",
  "/etc/cron.d",
  "/boot/grub/grub.cfg",
  "/boot/grub2/grub.cfg",
] as const;

/** The files each fact is read from (globs as the programs that read them expand them). */
export const OS_FACT_SOURCES: Readonly<Record<OsFactField, readonly string[]>> = {
  os: ["/etc/os-release", "/usr/lib/os-release"],
  kernels: ["/lib/modules/*", "/usr/lib/modules/*", "/boot/vmlinuz-*"],
  packages: [
    "/var/lib/dpkg/status",
    "/var/lib/rpm/rpmdb.sqlite",
    "/usr/lib/sysimage/rpm/rpmdb.sqlite",
    "/var/lib/rpm/Packages",
    "/lib/apk/db/installed",
  ],
  accounts: ["/etc/passwd"],
  shadow: ["/etc/shadow"],
  groups: ["/etc/group"],
  loginDefs: ["/etc/login.defs"],
  useraddDefaults: ["/etc/default/useradd"],
  pwquality: ["/etc/security/pwquality.conf", "/etc/security/pwquality.conf.d/*.conf"],
  faillock: ["/etc/security/faillock.conf"],
  pam: ["/etc/pam.d/*"],
  sshd: ["/etc/ssh/sshd_config", "its Include files"],
  sshHostKeys: ["/etc/ssh/ssh_host_*_key"],
  files: SENSITIVE_FILES,
  worldWritable: ["every directory but /proc, /sys, /dev, /run"],
  sysctl: [
    "/etc/sysctl.d/*.conf",
    "/run/sysctl.d/*.conf",
    "/usr/local/lib/sysctl.d/*.conf",
    "/usr/lib/sysctl.d/*.conf",
    "/lib/sysctl.d/*.conf",
    "/etc/sysctl.conf",
  ],
  auditd: ["/etc/audit/auditd.conf"],
  auditRules: ["/etc/audit/rules.d/*.rules", "/etc/audit/audit.rules"],
  journald: [
    "/etc/systemd/journald.conf",
    "/usr/lib/systemd/journald.conf.d/*.conf",
    "/etc/systemd/journald.conf.d/*.conf",
  ],
  rsyslog: ["/etc/rsyslog.conf", "/etc/rsyslog.d/*.conf"],
  services: [
    "/etc/systemd/system/*.wants/*",
    "/etc/systemd/system/*.requires/*",
    "/usr/lib/systemd/system/*.wants/*",
    "/lib/systemd/system/*.wants/*",
    "/etc/systemd/system/* (masked: linked to /dev/null)",
  ],
  fstab: ["/etc/fstab"],
  packageSigning: ["/etc/dnf/dnf.conf", "/etc/yum.conf", "/etc/yum.repos.d/*.repo", "/etc/apt/apt.conf.d/*"],
  coreDumpHardLimit: ["/etc/security/limits.conf", "/etc/security/limits.d/*.conf"],
};

/** The PAM services the account checks look at (Debian's common-*, Red Hat's system-/password-auth). */
const PAM_SERVICES = [
  "common-auth",
  "common-account",
  "common-password",
  "system-auth",
  "password-auth",
  "login",
  "sshd",
  "su",
];

/** Directories the world-writable walk does not enter: pseudo filesystems, empty on a disk. */
const WALK_SKIP = new Set(["/proc", "/sys", "/dev", "/run"]);
const WALK_MAX_ENTRIES = 2_000_000;
const LISTED = 20;

/** A read that failed (not an absence): the field that needed it is not assessed. */
class Unreadable extends Error {
  constructor(readonly reason: UnreadField) {
    super(reason.message);
  }
}

function unreadOf(call: string, f: Pick<FsFailure, "code" | "message">): UnreadField {
  return {
    call,
    kind: f.code === "EACCES" || f.code === "EPERM" ? "denied" : "failed",
    code: f.code,
    message: f.message.slice(0, 400),
  };
}

/** What a field's builder reads through: absences come back as null, failures throw `Unreadable`. */
class Reader {
  files = 0;
  constructor(readonly fs: RootFs) {}

  async text(path: string, maxBytes?: number): Promise<string | null> {
    const bytes = await this.bytes(path, maxBytes);
    return bytes === null ? null : text(bytes);
  }

  async bytes(path: string, maxBytes?: number): Promise<Uint8Array | null> {
    const r = await this.fs.readFile(path, maxBytes);
    if (r.ok) {
      this.files++;
      return r.value;
    }
    if (r.absent) return null;
    throw new Unreadable(unreadOf(`read ${path}`, r));
  }

  async list(path: string): Promise<string[] | null> {
    const r = await this.fs.readdir(path);
    if (r.ok) return r.value;
    if (r.absent) return null;
    throw new Unreadable(unreadOf(`list ${path}`, r));
  }

  async stat(path: string): Promise<FileInfo | null> {
    const r = await this.fs.stat(path);
    if (r.ok) return r.value;
    if (r.absent) return null;
    throw new Unreadable(unreadOf(`stat ${path}`, r));
  }

  async lstat(path: string): Promise<FileInfo | null> {
    const r = await this.fs.lstat(path);
    if (r.ok) return r.value;
    if (r.absent) return null;
    throw new Unreadable(unreadOf(`stat ${path}`, r));
  }

  async link(path: string): Promise<string | null> {
    const r = await this.fs.readlink(path);
    if (r.ok) return r.value;
    if (r.absent) return null;
    throw new Unreadable(unreadOf(`readlink ${path}`, r));
  }

  /** Files of `dir` matching `pattern`, as full paths in name order; [] when the directory is absent. */
  async glob(dir: string, pattern: string): Promise<string[]> {
    const names = (await this.list(dir)) ?? [];
    return names.filter((n) => globMatch(pattern, n)).map((n) => `${dir}/${n}`);
  }
}

function infoOf(info: FileInfo): OsFileInfo {
  return { kind: info.kind, mode: info.mode, uid: info.uid, gid: info.gid };
}

/** Compares dotted versions numerically where both parts are numbers (`6.1.0-10` < `6.1.0-9` is wrong as text). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

type Builders = { [K in OsFactField]: (r: Reader) => Promise<InstanceOsConfig[K]> };

const builders: Builders = {
  async os(r) {
    const content = (await r.text("/etc/os-release")) ?? (await r.text("/usr/lib/os-release"));
    if (content === null) return null;
    const f = parseOsRelease(content);
    const name = f.NAME ?? "Linux";
    return {
      id: f.ID ?? "linux",
      idLike: (f.ID_LIKE ?? "").split(/\s+/).filter((s) => s !== ""),
      name,
      versionId: f.VERSION_ID ?? null,
      prettyName: f.PRETTY_NAME ?? name,
    };
  },

  async kernels(r) {
    const found = new Set<string>();
    for (const dir of ["/lib/modules", "/usr/lib/modules"])
      for (const name of (await r.list(dir)) ?? []) {
        const info = await r.stat(`${dir}/${name}`);
        if (info?.kind === "dir") found.add(name);
      }
    for (const name of (await r.list("/boot")) ?? [])
      if (name.startsWith("vmlinuz-")) found.add(name.slice("vmlinuz-".length));
    return [...found].sort(compareVersions);
  },

  async packages(r) {
    const dpkg = await r.text("/var/lib/dpkg/status", 128 * 1024 * 1024);
    if (dpkg !== null) return { manager: "dpkg", items: parseDpkgStatus(dpkg) };
    for (const path of ["/var/lib/rpm/rpmdb.sqlite", "/usr/lib/sysimage/rpm/rpmdb.sqlite"]) {
      const wal = await r.stat(`${path}-wal`);
      const db = await r.bytes(path, 512 * 1024 * 1024);
      if (db === null) continue;
      if (wal && wal.size > 0)
        throw new Unreadable({
          call: `read ${path}`,
          kind: "failed",
          code: "UncommittedWal",
          message: `${path}-wal holds ${wal.size} bytes not yet checkpointed into the database (the snapshot was taken while rpm was writing); packages not assessed rather than read from a stale database`,
        });
      return { manager: "rpm", items: parse(path, () => parseRpmSqlite(db)) };
    }
    for (const [path, format] of [
      ["/var/lib/rpm/Packages", "Berkeley DB (Amazon Linux 2, RHEL 7 and 8)"],
      ["/var/lib/rpm/Packages.db", "ndb (SUSE)"],
      ["/usr/lib/sysimage/rpm/Packages.db", "ndb (SUSE)"],
    ] as const) {
      if ((await r.stat(path)) !== null)
        throw new Unreadable({
          call: `read ${path}`,
          kind: "failed",
          code: "UnsupportedFormat",
          message: `the rpm database is in ${format} format, which this scanner does not read (only rpm's sqlite database); packages not assessed`,
        });
    }
    const apk = await r.text("/lib/apk/db/installed", 64 * 1024 * 1024);
    if (apk !== null) return { manager: "apk", items: parseApkInstalled(apk) };
    return null;
  },

  async accounts(r) {
    return parsePasswd((await r.text("/etc/passwd")) ?? "");
  },

  async shadow(r) {
    const content = await r.text("/etc/shadow");
    return content === null ? null : parseShadow(content);
  },

  async groups(r) {
    return parseGroup((await r.text("/etc/group")) ?? "");
  },

  async loginDefs(r) {
    const content = await r.text("/etc/login.defs");
    return content === null ? null : parseKeyValues(content, { separator: "space" });
  },

  async useraddDefaults(r) {
    const content = await r.text("/etc/default/useradd");
    return content === null ? null : parseKeyValues(content, { separator: "equals" });
  },

  async pwquality(r) {
    const main = await r.text("/etc/security/pwquality.conf");
    const dropIns = await r.glob("/etc/security/pwquality.conf.d", "*.conf");
    if (main === null && dropIns.length === 0) return null;
    let out = parseKeyValues(main ?? "", { separator: "equals" });
    for (const path of dropIns)
      out = { ...out, ...parseKeyValues((await r.text(path)) ?? "", { separator: "equals" }) };
    return out;
  },

  async faillock(r) {
    const content = await r.text("/etc/security/faillock.conf");
    return content === null ? null : parseKeyValues(content, { separator: "equals" });
  },

  async pam(r) {
    const out: PamLine[] = [];
    for (const service of PAM_SERVICES) {
      const content = await r.text(`/etc/pam.d/${service}`);
      if (content !== null) out.push(...parsePam(content, service));
    }
    return out;
  },

  async sshd(r) {
    const main = await r.text("/etc/ssh/sshd_config");
    if (main === null) return null;
    const settings: Record<string, string> = {};
    const accessLists: string[] = [];
    const ACCESS = new Set(["allowusers", "allowgroups", "denyusers", "denygroups"]);
    const visit = async (content: string, depth: number): Promise<void> => {
      let inMatch = false;
      for (const { keyword, args } of sshdLines(content)) {
        if (keyword === "match") {
          inMatch = !(args.length === 1 && args[0]?.toLowerCase() === "all");
          continue;
        }
        if (keyword === "include") {
          if (depth >= 16)
            throw new Unreadable({
              call: "read /etc/ssh/sshd_config",
              kind: "failed",
              code: "IncludeDepth",
              message: "sshd_config Include nesting deeper than 16 (sshd refuses this configuration)",
            });
          for (const arg of args) {
            const path = arg.startsWith("/") ? arg : `/etc/ssh/${arg}`;
            const slash = path.lastIndexOf("/");
            const dir = path.slice(0, slash) || "/";
            const base = path.slice(slash + 1);
            const paths = /[*?]/.test(base) ? await r.glob(dir, base) : [path];
            for (const p of paths) {
              const included = await r.text(p);
              if (included !== null) await visit(included, depth + 1);
            }
          }
          continue;
        }
        if (inMatch) continue;
        if (ACCESS.has(keyword)) accessLists.push(`${keyword} ${args.join(" ")}`);
        else if (!(keyword in settings)) settings[keyword] = args.join(" ");
      }
    };
    await visit(main, 0);
    return { settings, accessLists };
  },

  async sshHostKeys(r) {
    const out: { path: string; info: OsFileInfo }[] = [];
    for (const path of await r.glob("/etc/ssh", "ssh_host_*_key")) {
      const info = await r.lstat(path);
      if (info?.kind === "file") out.push({ path, info: infoOf(info) });
    }
    return out;
  },

  async files(r) {
    const out: Record<string, OsFileInfo | null> = {};
    for (const path of SENSITIVE_FILES) {
      const info = await r.stat(path);
      out[path] = info ? infoOf(info) : null;
    }
    return out;
  },

  async worldWritable(r) {
    const files: string[] = [];
    const dirs: string[] = [];
    let fileCount = 0;
    let dirCount = 0;
    let entries = 0;
    const stack = ["/"];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      const names = (await r.list(dir)) ?? [];
      for (const name of names) {
        const path = dir === "/" ? `/${name}` : `${dir}/${name}`;
        if (WALK_SKIP.has(path)) continue;
        entries++;
        if (entries > WALK_MAX_ENTRIES)
          throw new Unreadable({
            call: "walk /",
            kind: "failed",
            code: "TooManyEntries",
            message: `the filesystem holds more than ${WALK_MAX_ENTRIES} entries; the walk stopped, so world-writable files are not assessed`,
          });
        const info = await r.lstat(path);
        if (!info) continue;
        const worldWritable = (info.mode & 0o002) !== 0;
        if (info.kind === "dir") {
          if (worldWritable && (info.mode & 0o1000) === 0) {
            dirCount++;
            if (dirs.length < LISTED) dirs.push(path);
          }
          stack.push(path);
        } else if (info.kind === "file" && worldWritable) {
          fileCount++;
          if (files.length < LISTED) files.push(path);
        }
      }
    }
    return {
      files: files.sort(),
      fileCount,
      dirsWithoutSticky: dirs.sort(),
      dirsWithoutStickyCount: dirCount,
      entries,
    };
  },

  async sysctl(r) {
    // systemd-sysctl: every *.conf of these directories, by file name; a name in an earlier
    // directory hides the same name in later ones; /etc/sysctl.conf last.
    const byName = new Map<string, string>();
    for (const dir of [
      "/etc/sysctl.d",
      "/run/sysctl.d",
      "/usr/local/lib/sysctl.d",
      "/usr/lib/sysctl.d",
      "/lib/sysctl.d",
    ]) {
      for (const path of await r.glob(dir, "*.conf")) {
        const name = path.slice(dir.length + 1);
        if (!byName.has(name)) byName.set(name, path);
      }
    }
    const order = [...byName.keys()].sort().map((n) => byName.get(n) as string);
    order.push("/etc/sysctl.conf");
    const assignments: SysctlAssignment[] = [];
    const seen = new Set<string>();
    for (const path of order) {
      const info = await r.lstat(path);
      // /etc/sysctl.d/99-sysctl.conf is a link to /etc/sysctl.conf: read it once, in its place.
      const target = info?.kind === "symlink" ? await r.link(path) : null;
      const key = target === "../sysctl.conf" || target === "/etc/sysctl.conf" ? "/etc/sysctl.conf" : path;
      if (seen.has(key)) continue;
      seen.add(key);
      const content = await r.text(path);
      if (content !== null) assignments.push(...parseSysctl(content, key));
    }
    // Keep the last assignment of each key, in the order they apply.
    const last = new Map<string, number>();
    assignments.forEach((a, i) => {
      last.set(a.key, i);
    });
    return assignments.filter((a, i) => last.get(a.key) === i);
  },

  async auditd(r) {
    const content = await r.text("/etc/audit/auditd.conf");
    return content === null ? null : parseKeyValues(content, { separator: "equals" });
  },

  async auditRules(r) {
    let fromDir = 0;
    for (const path of await r.glob("/etc/audit/rules.d", "*.rules"))
      fromDir += countAuditRules((await r.text(path)) ?? "");
    const compiled = countAuditRules((await r.text("/etc/audit/audit.rules")) ?? "");
    return Math.max(fromDir, compiled);
  },

  async journald(r) {
    let out = parseIni((await r.text("/etc/systemd/journald.conf")) ?? "").Journal ?? {};
    const dropIns = new Map<string, string>();
    for (const dir of ["/usr/lib/systemd/journald.conf.d", "/etc/systemd/journald.conf.d"])
      for (const path of await r.glob(dir, "*.conf")) dropIns.set(path.slice(dir.length + 1), path);
    for (const name of [...dropIns.keys()].sort())
      out = { ...out, ...(parseIni((await r.text(dropIns.get(name) as string)) ?? "").Journal ?? {}) };
    return out;
  },

  async rsyslog(r) {
    const main = await r.text("/etc/rsyslog.conf");
    if (main === null) return null;
    const parts = [main];
    for (const path of await r.glob("/etc/rsyslog.d", "*.conf")) parts.push((await r.text(path)) ?? "");
    const all = parts.join("\n");
    return { fileCreateMode: rsyslogFileCreateMode(all), hasRules: rsyslogHasRules(all) };
  },

  async services(r) {
    const enabled = new Set<string>();
    for (const base of ["/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"]) {
      for (const name of (await r.list(base)) ?? []) {
        if (!name.endsWith(".wants") && !name.endsWith(".requires")) continue;
        for (const unit of (await r.list(`${base}/${name}`)) ?? []) enabled.add(unit);
      }
    }
    const masked: string[] = [];
    for (const name of (await r.list("/etc/systemd/system")) ?? []) {
      const info = await r.lstat(`/etc/systemd/system/${name}`);
      if (info?.kind === "symlink" && (await r.link(`/etc/systemd/system/${name}`)) === "/dev/null")
        masked.push(name);
    }
    for (const m of masked) enabled.delete(m);
    return { enabled: [...enabled].sort(), masked: masked.sort() };
  },

  async fstab(r) {
    const content = await r.text("/etc/fstab");
    return content === null ? null : parseFstab(content);
  },

  async packageSigning(r) {
    const tools: ("dnf" | "yum" | "apt")[] = [];
    const dnfConf = await r.text("/etc/dnf/dnf.conf");
    const yumConf = await r.text("/etc/yum.conf");
    if (dnfConf !== null) tools.push("dnf");
    if (yumConf !== null) tools.push("yum");
    if ((await r.stat("/etc/apt"))?.kind === "dir") tools.push("apt");
    const dnf = dnfConf ?? yumConf;
    const mainGpgcheck = dnf === null ? null : (parseIni(dnf).main?.gpgcheck ?? null);
    const truthy = (v: string | undefined) => v !== undefined && /^(1|yes|true|on)$/i.test(v.trim());
    const reposWithoutGpgcheck: string[] = [];
    for (const path of await r.glob("/etc/yum.repos.d", "*.repo")) {
      for (const [id, repo] of Object.entries(parseIni((await r.text(path)) ?? ""))) {
        if (id === "") continue;
        const enabled = repo.enabled === undefined || truthy(repo.enabled);
        const gpgcheck = repo.gpgcheck ?? mainGpgcheck ?? undefined;
        if (enabled && !truthy(gpgcheck)) reposWithoutGpgcheck.push(id);
      }
    }
    let apt = (await r.text("/etc/apt/apt.conf")) ?? "";
    for (const path of await r.glob("/etc/apt/apt.conf.d", "*")) apt += `\n${(await r.text(path)) ?? ""}`;
    const aptAllowUnauthenticated =
      /^\s*(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)\s+"?(true|yes|1)"?/im.test(
        apt,
      );
    return {
      tools,
      mainGpgcheck,
      reposWithoutGpgcheck: reposWithoutGpgcheck.sort(),
      aptAllowUnauthenticated,
    };
  },

  async coreDumpHardLimit(r) {
    let value = hardCoreLimit((await r.text("/etc/security/limits.conf")) ?? "");
    for (const path of await r.glob("/etc/security/limits.d", "*.conf"))
      value = hardCoreLimit((await r.text(path)) ?? "") ?? value;
    return value;
  },
};

function parse(path: string, run: () => InstalledPackage[]): InstalledPackage[] {
  try {
    return run();
  } catch (error) {
    if (error instanceof PackageDatabaseError)
      throw new Unreadable({
        call: `read ${path}`,
        kind: "failed",
        code: error.code,
        message: error.message,
      });
    throw error;
  }
}

export interface OsFacts {
  /** Every field that was read; the others are in `unread`. */
  readonly config: Partial<InstanceOsConfig> & { instanceId: string };
  readonly unread: Record<string, UnreadField>;
  /** Files read (for `vigil.ebs.scanned.v1`'s `filesScanned`). */
  readonly filesRead: number;
}

/** Reads every fact; a field whose files could not be read is in `unread`, never filled in. */
export async function readOsFacts(fs: RootFs, instanceId: string): Promise<OsFacts> {
  const reader = new Reader(fs);
  const config: Record<string, unknown> = { instanceId };
  const unread: Record<string, UnreadField> = {};
  for (const field of Object.keys(builders) as OsFactField[]) {
    try {
      config[field] = await (builders[field] as (r: Reader) => Promise<unknown>)(reader);
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      unread[field] = error.reason;
    }
  }
  return {
    config: config as OsFacts["config"],
    unread,
    filesRead: reader.files,
  };
}
