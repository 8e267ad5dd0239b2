import type { AssetOf } from "../../assets/index.ts";
import type { OsFileInfo } from "../../assets/os.ts";
import { type Check, type CheckOutcome, defineCheck, type Severity } from "../check.ts";

/**
 * What the OS checks share. They run over `aws.ec2.instance-os` (what the EBS scanner read from a
 * snapshot of the instance's disks), declare the facts they read, and map to CIS Distribution
 * Independent Linux v2.0.0 (`cisLinux`; numbers from that benchmark's table of contents as recalled,
 * not checked against the published document).
 */

export type OsAsset = AssetOf<"aws.ec2.instance-os">;
export type OsConfig = OsAsset["config"];
type OsField = keyof OsConfig & string;

const CIS_LINUX = "https://www.cisecurity.org/benchmark/distribution_independent_linux";

export function osCheck(check: {
  id: string;
  title: string;
  severity: Severity;
  reads: readonly OsField[];
  rationale: string;
  remediation: string;
  cisLinux: readonly string[];
  references?: readonly string[];
  evaluate: (asset: OsAsset) => CheckOutcome | undefined;
}): Check<"aws.ec2.instance-os"> {
  return defineCheck({
    id: check.id,
    title: check.title,
    severity: check.severity,
    resourceType: "aws.ec2.instance-os",
    reads: check.reads,
    rationale: check.rationale,
    remediation: check.remediation,
    references: [CIS_LINUX, ...(check.references ?? [])],
    mappings: { cis: [], fsbp: [], cisLinux: check.cisLinux },
    evaluate: check.evaluate,
  });
}

/** Shows a mode as `0644`. */
export function octal(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(3, "0")}`;
}

/** The mode grants nothing beyond `max` (e.g. 0o644: no write for group/other, no exec, no setuid). */
export function modeAtMost(mode: number, max: number): boolean {
  return (mode & 0o7777 & ~max) === 0;
}

/** First of `items` described, then "and N more", kept short for evidence. */
export function listed(items: readonly string[], total = items.length, max = 3): string {
  const shown = items.slice(0, max).join(", ");
  return total > max ? `${shown} and ${total - max} more` : shown;
}

/**
 * Problems with one sensitive file's owner and mode: `uid 0`, a group among `groups` (by name, via
 * the asset's `/etc/group`; gid 0 is always accepted), and no permission beyond `max`.
 */
export function fileProblem(
  path: string,
  info: OsFileInfo | null | undefined,
  max: number,
  groupIds: readonly number[] = [0],
): string | undefined {
  if (!info) return undefined;
  const problems: string[] = [];
  if (info.uid !== 0) problems.push(`owned by uid ${info.uid}`);
  if (!groupIds.includes(info.gid)) problems.push(`group ${info.gid}`);
  if (!modeAtMost(info.mode, max)) problems.push(`mode ${octal(info.mode)}`);
  return problems.length > 0 ? `${path} ${problems.join(", ")}` : undefined;
}

export function gidsOf(config: Pick<OsConfig, "groups">, names: readonly string[]): number[] {
  return [0, ...config.groups.filter((g) => names.includes(g.name)).map((g) => g.gid)];
}

/** What the kernel uses when no sysctl file sets a key: only defaults the kernel documents and every distribution keeps. */
export const KERNEL_DEFAULTS: Readonly<Record<string, string>> = {
  "net.ipv4.ip_forward": "0",
  "net.ipv6.conf.all.forwarding": "0",
  "net.ipv4.icmp_echo_ignore_broadcasts": "1",
  "net.ipv4.icmp_ignore_bogus_error_responses": "1",
  "net.ipv4.tcp_syncookies": "1",
  "kernel.randomize_va_space": "2",
  "fs.suid_dumpable": "0",
};

function keyMatches(pattern: string, key: string): boolean {
  if (!pattern.includes("*")) return pattern === key;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", "[^.]*")}$`);
  return re.test(key);
}

/** The value a key takes at boot: the last sysctl file assignment (globs included), else the kernel's default. */
export function sysctlValue(
  assignments: OsConfig["sysctl"],
  key: string,
): { value: string; source: string } | undefined {
  for (let i = assignments.length - 1; i >= 0; i--) {
    const a = assignments[i];
    if (a && keyMatches(a.key, key)) return { value: a.value, source: a.source };
  }
  const fallback = KERNEL_DEFAULTS[key];
  return fallback === undefined ? undefined : { value: fallback, source: "the kernel's default" };
}

/**
 * Pass when every key is set to one of its wanted values (in a sysctl file, or by a kernel default
 * listed above); fail naming the first that is not, or is not configured anywhere.
 */
export function sysctlOutcome(
  config: Pick<OsConfig, "sysctl">,
  wanted: Readonly<Record<string, readonly string[]>>,
  passEvidence: string,
): CheckOutcome {
  for (const [key, values] of Object.entries(wanted)) {
    const got = sysctlValue(config.sysctl, key);
    if (!got) return { status: "fail", evidence: `${key} is not set in any sysctl file` };
    if (!values.includes(got.value.trim()))
      return { status: "fail", evidence: `${key} is ${got.value} (from ${got.source})` };
  }
  return { status: "pass", evidence: passEvidence };
}

/**
 * sshd's value of a keyword: the configured one, else OpenSSH's compiled-in default (portable
 * OpenSSH 7.4 and later; `undefined` where it has none).
 */
export const SSHD_DEFAULTS: Readonly<Record<string, string>> = {
  permitrootlogin: "prohibit-password",
  permitemptypasswords: "no",
  maxauthtries: "6",
  ignorerhosts: "yes",
  hostbasedauthentication: "no",
  permituserenvironment: "no",
  x11forwarding: "no",
  loglevel: "INFO",
  clientaliveinterval: "0",
  clientalivecountmax: "3",
  logingracetime: "120",
  maxstartups: "10:30:100",
  maxsessions: "10",
  allowtcpforwarding: "yes",
  banner: "none",
  usepam: "no",
};

export function sshdSetting(
  sshd: NonNullable<OsConfig["sshd"]>,
  keyword: string,
): { value: string; configured: boolean } {
  const value = sshd.settings[keyword];
  if (value !== undefined) return { value, configured: true };
  return { value: SSHD_DEFAULTS[keyword] ?? "", configured: false };
}

/** Evidence naming a sshd setting and whether it came from the file or the default. */
export function sshdSays(name: string, setting: { value: string; configured: boolean }): string {
  return setting.configured ? `${name} is ${setting.value}` : `${name} is not set (default ${setting.value})`;
}

/** sshd_config time values: `90`, `1m`, `1m30s`, `2h` → seconds; NaN when malformed. */
export function sshdSeconds(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const re = /(\d+)([sSmMhHdDwW])/g;
  let total = 0;
  let matched = "";
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const unit = (m[2] as string).toLowerCase();
    total += Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[unit] as number);
    matched += m[0];
  }
  return matched === value ? total : Number.NaN;
}

export function isEnabled(config: Pick<OsConfig, "services">, unit: string): boolean {
  return config.services.enabled.includes(unit);
}

export function hasPackage(config: Pick<OsConfig, "packages">, ...names: string[]): boolean {
  return config.packages?.items.some((p) => names.includes(p.name)) ?? false;
}
