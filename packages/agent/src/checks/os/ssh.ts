import { type CheckOutcome, fail, pass, type Severity } from "../check.ts";
import {
  fileProblem,
  gidsOf,
  listed,
  type OsConfig,
  octal,
  osCheck,
  sshdSays,
  sshdSeconds,
  sshdSetting,
} from "./common.ts";

/** OpenSSH server settings (CIS DIL 5.2), from the effective global configuration of sshd_config and its Includes. */

type Sshd = NonNullable<OsConfig["sshd"]>;

/** A check that compares one keyword's effective value; no result where there is no sshd_config. */
function sshdCheck(options: {
  id: string;
  title: string;
  severity: Severity;
  keyword: string;
  name: string;
  ok: (value: string) => boolean;
  rationale: string;
  remediation: string;
  cisLinux: string;
}) {
  return osCheck({
    id: options.id,
    title: options.title,
    severity: options.severity,
    reads: ["sshd"],
    rationale: options.rationale,
    remediation: options.remediation,
    cisLinux: [options.cisLinux],
    evaluate: ({ config }) => {
      if (!config.sshd) return undefined;
      const setting = sshdSetting(config.sshd, options.keyword);
      const evidence = sshdSays(options.name, setting);
      return options.ok(setting.value.trim()) ? pass(evidence) : fail(evidence);
    },
  });
}

const is =
  (...values: string[]) =>
  (v: string) =>
    values.includes(v.toLowerCase());

export const sshdConfigPermissions = osCheck({
  id: "vigil.os.sshd-config-permissions",
  title: "sshd_config should be owned by root and not readable by group or others",
  severity: "medium",
  reads: ["files"],
  rationale: "sshd_config decides who may log in and how; anyone who can change it can open the server.",
  remediation: "chown root:root /etc/ssh/sshd_config && chmod 0600 /etc/ssh/sshd_config",
  cisLinux: ["5.2.1"],
  evaluate: ({ config }) => {
    const info = config.files["/etc/ssh/sshd_config"];
    if (!info) return undefined;
    const problem = fileProblem("/etc/ssh/sshd_config", info, 0o600);
    return problem ? fail(problem) : pass(`/etc/ssh/sshd_config is root:root ${octal(info.mode)}`);
  },
});

export const sshHostKeysPermissions = osCheck({
  id: "vigil.os.ssh-host-keys-permissions",
  title: "SSH private host keys should be readable only by root (or the ssh_keys group)",
  severity: "high",
  reads: ["sshHostKeys", "groups"],
  rationale: "A readable host private key lets anyone on the machine impersonate the server.",
  remediation: "chown root:root /etc/ssh/ssh_host_*_key && chmod 0600 /etc/ssh/ssh_host_*_key",
  cisLinux: ["5.2.2"],
  evaluate: ({ config }) => {
    if (config.sshHostKeys.length === 0) return undefined;
    const sshKeys = gidsOf(config, ["ssh_keys"]);
    const bad = config.sshHostKeys
      .map((k) => {
        // 0640 only with the ssh_keys group (Red Hat's layout); otherwise 0600.
        const max = k.info.gid !== 0 && sshKeys.includes(k.info.gid) ? 0o640 : 0o600;
        return fileProblem(k.path, k.info, max, sshKeys);
      })
      .filter((p): p is string => p !== undefined);
    return bad.length > 0
      ? fail(listed(bad, bad.length, 1))
      : pass(`${config.sshHostKeys.length} private host keys readable only by root`);
  },
});

export const sshdRootLoginDisabled = sshdCheck({
  id: "vigil.os.sshd-root-login-disabled",
  title: "sshd should not permit root to log in",
  severity: "high",
  keyword: "permitrootlogin",
  name: "PermitRootLogin",
  ok: is("no"),
  rationale:
    "Logging in as root directly leaves no trace of who did it and exposes the most powerful account.",
  remediation: "Set PermitRootLogin no in /etc/ssh/sshd_config and reload sshd.",
  cisLinux: "5.2.10",
});

export const sshdEmptyPasswordsDisabled = sshdCheck({
  id: "vigil.os.sshd-empty-passwords-disabled",
  title: "sshd should not accept empty passwords",
  severity: "critical",
  keyword: "permitemptypasswords",
  name: "PermitEmptyPasswords",
  ok: is("no"),
  rationale: "An account without a password becomes reachable over the network by anyone.",
  remediation: "Set PermitEmptyPasswords no in /etc/ssh/sshd_config.",
  cisLinux: "5.2.11",
});

export const sshdMaxAuthTries = sshdCheck({
  id: "vigil.os.sshd-max-auth-tries",
  title: "sshd should allow at most 4 authentication attempts per connection",
  severity: "medium",
  keyword: "maxauthtries",
  name: "MaxAuthTries",
  ok: (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 4,
  rationale: "A low limit slows down password guessing and makes brute force visible in the logs.",
  remediation: "Set MaxAuthTries 4 in /etc/ssh/sshd_config.",
  cisLinux: "5.2.7",
});

export const sshdIgnoreRhosts = sshdCheck({
  id: "vigil.os.sshd-ignore-rhosts",
  title: "sshd should ignore .rhosts and .shosts files",
  severity: "medium",
  keyword: "ignorerhosts",
  name: "IgnoreRhosts",
  ok: is("yes"),
  rationale: "rhosts trust lets a user's file grant password-less access from other hosts.",
  remediation: "Set IgnoreRhosts yes in /etc/ssh/sshd_config.",
  cisLinux: "5.2.8",
});

export const sshdHostbasedAuthDisabled = sshdCheck({
  id: "vigil.os.sshd-hostbased-auth-disabled",
  title: "sshd should not use host-based authentication",
  severity: "medium",
  keyword: "hostbasedauthentication",
  name: "HostbasedAuthentication",
  ok: is("no"),
  rationale: "Host-based trust lets any user of a trusted host in without credentials of their own.",
  remediation: "Set HostbasedAuthentication no in /etc/ssh/sshd_config.",
  cisLinux: "5.2.9",
});

export const sshdUserEnvironmentDisabled = sshdCheck({
  id: "vigil.os.sshd-user-environment-disabled",
  title: "sshd should not let users set environment options",
  severity: "medium",
  keyword: "permituserenvironment",
  name: "PermitUserEnvironment",
  ok: is("no"),
  rationale:
    "User-set environment (LD_PRELOAD and the like) can bypass restricted shells and forced commands.",
  remediation: "Set PermitUserEnvironment no in /etc/ssh/sshd_config.",
  cisLinux: "5.2.12",
});

export const sshdX11ForwardingDisabled = sshdCheck({
  id: "vigil.os.sshd-x11-forwarding-disabled",
  title: "sshd should not forward X11",
  severity: "low",
  keyword: "x11forwarding",
  name: "X11Forwarding",
  ok: is("no"),
  rationale: "X11 forwarding exposes the client's display to whoever controls the server.",
  remediation: "Set X11Forwarding no in /etc/ssh/sshd_config.",
  cisLinux: "5.2.6",
});

export const sshdLogLevel = sshdCheck({
  id: "vigil.os.sshd-log-level",
  title: "sshd should log at INFO or VERBOSE",
  severity: "low",
  keyword: "loglevel",
  name: "LogLevel",
  ok: is("info", "verbose"),
  rationale: "Below INFO, logins are not recorded; DEBUG logs may record private data.",
  remediation: "Set LogLevel VERBOSE (or INFO) in /etc/ssh/sshd_config.",
  cisLinux: "5.2.5",
});

export const sshdLoginGraceTime = sshdCheck({
  id: "vigil.os.sshd-login-grace-time",
  title: "sshd should drop unauthenticated connections within 60 seconds",
  severity: "low",
  keyword: "logingracetime",
  name: "LoginGraceTime",
  ok: (v) => {
    const s = sshdSeconds(v);
    return s >= 1 && s <= 60;
  },
  rationale: "A long grace time lets unauthenticated connections hold the server's connection slots.",
  remediation: "Set LoginGraceTime 60 in /etc/ssh/sshd_config.",
  cisLinux: "5.2.17",
});

export const sshdMaxSessions = sshdCheck({
  id: "vigil.os.sshd-max-sessions",
  title: "sshd should allow at most 10 sessions per connection",
  severity: "low",
  keyword: "maxsessions",
  name: "MaxSessions",
  ok: (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10,
  rationale: "Limiting sessions per connection limits what one stolen connection can do at once.",
  remediation: "Set MaxSessions 10 (or fewer) in /etc/ssh/sshd_config.",
  cisLinux: "5.2.22",
});

export const sshdMaxStartups = sshdCheck({
  id: "vigil.os.sshd-max-startups",
  title: "sshd should limit concurrent unauthenticated connections (MaxStartups 10:30:60 or stricter)",
  severity: "low",
  keyword: "maxstartups",
  name: "MaxStartups",
  ok: (v) => {
    const m = /^(\d+)(?::(\d+):(\d+))?$/.exec(v);
    if (!m) return false;
    const start = Number(m[1]);
    const full = m[3] === undefined ? start : Number(m[3]);
    return start <= 10 && full <= 60 && (m[2] === undefined || Number(m[2]) >= 30);
  },
  rationale: "Unbounded unauthenticated connections let anyone exhaust the server (denial of service).",
  remediation: "Set MaxStartups 10:30:60 in /etc/ssh/sshd_config.",
  cisLinux: "5.2.21",
});

export const sshdTcpForwardingDisabled = sshdCheck({
  id: "vigil.os.sshd-tcp-forwarding-disabled",
  title: "sshd should not forward TCP connections",
  severity: "low",
  keyword: "allowtcpforwarding",
  name: "AllowTcpForwarding",
  ok: is("no"),
  rationale: "TCP forwarding turns the server into a tunnel past network controls.",
  remediation: "Set AllowTcpForwarding no in /etc/ssh/sshd_config (where tunnels are not needed).",
  cisLinux: "5.2.20",
});

export const sshdBanner = sshdCheck({
  id: "vigil.os.sshd-banner",
  title: "sshd should show a warning banner before login",
  severity: "informational",
  keyword: "banner",
  name: "Banner",
  ok: (v) => v !== "" && v.toLowerCase() !== "none",
  rationale:
    "A login banner states that access is monitored, which some jurisdictions require before prosecution.",
  remediation: "Set Banner /etc/issue.net in /etc/ssh/sshd_config and write the warning there.",
  cisLinux: "5.2.18",
});

export const sshdUsePam = sshdCheck({
  id: "vigil.os.sshd-pam-enabled",
  title: "sshd should authenticate through PAM",
  severity: "medium",
  keyword: "usepam",
  name: "UsePAM",
  ok: is("yes"),
  rationale: "Without PAM, sshd skips the account lockout and password policies configured there.",
  remediation: "Set UsePAM yes in /etc/ssh/sshd_config.",
  cisLinux: "5.2.19",
});

export const sshdIdleTimeout = osCheck({
  id: "vigil.os.sshd-idle-timeout",
  title: "sshd should close idle sessions (ClientAliveInterval 1–300 s, ClientAliveCountMax ≤ 3)",
  severity: "low",
  reads: ["sshd"],
  rationale: "Sessions left open on an unattended terminal can be used by whoever finds them.",
  remediation: "Set ClientAliveInterval 300 and ClientAliveCountMax 3 in /etc/ssh/sshd_config.",
  cisLinux: ["5.2.16"],
  evaluate: ({ config }) => {
    if (!config.sshd) return undefined;
    const interval = sshdSetting(config.sshd, "clientaliveinterval");
    const count = sshdSetting(config.sshd, "clientalivecountmax");
    const seconds = sshdSeconds(interval.value);
    if (!(seconds >= 1 && seconds <= 300)) return fail(sshdSays("ClientAliveInterval", interval));
    if (!/^\d+$/.test(count.value) || Number(count.value) > 3)
      return fail(sshdSays("ClientAliveCountMax", count));
    return pass(`idle sessions close after ${seconds * Math.max(1, Number(count.value))} s`);
  },
});

const WEAK_CIPHERS = [
  "3des-cbc",
  "aes128-cbc",
  "aes192-cbc",
  "aes256-cbc",
  "arcfour",
  "arcfour128",
  "arcfour256",
  "blowfish-cbc",
  "cast128-cbc",
  "rijndael-cbc@lysator.liu.se",
];
const WEAK_MACS = [
  "hmac-md5",
  "hmac-md5-96",
  "hmac-ripemd160",
  "hmac-sha1",
  "hmac-sha1-96",
  "umac-64@openssh.com",
  "hmac-md5-etm@openssh.com",
  "hmac-md5-96-etm@openssh.com",
  "hmac-ripemd160-etm@openssh.com",
  "hmac-sha1-etm@openssh.com",
  "hmac-sha1-96-etm@openssh.com",
  "umac-64-etm@openssh.com",
];

/**
 * An algorithm list as sshd reads it: a full list, or `+`/`-`/`^` to add to, remove from or put in
 * front of the default list. The weak ones it enables (`defaultWeak` for what the default has).
 */
function weakEnabled(
  setting: string | undefined,
  weak: readonly string[],
  defaultWeak: readonly string[],
): string[] {
  if (setting === undefined) return [...defaultWeak];
  const list = setting.trim();
  const names = list.replace(/^[+\-^]/, "").split(",");
  const matching = (name: string) =>
    weak.filter((w) =>
      name.includes("*") ? new RegExp(`^${name.replaceAll("*", ".*")}$`).test(w) : w === name,
    );
  if (list.startsWith("-")) {
    const removed = new Set(names.flatMap(matching));
    return defaultWeak.filter((w) => !removed.has(w));
  }
  const added = names.flatMap(matching);
  return list.startsWith("+") || list.startsWith("^") ? [...new Set([...defaultWeak, ...added])] : added;
}

function algorithmCheck(kind: "Ciphers" | "MACs", weak: readonly string[], defaultWeak: readonly string[]) {
  return (sshd: Sshd): CheckOutcome => {
    const setting = sshd.settings[kind.toLowerCase()];
    const enabled = weakEnabled(setting, weak, defaultWeak);
    if (enabled.length === 0)
      return pass(
        setting === undefined ? `${kind} not set; the default has no weak ones` : `no weak ${kind} enabled`,
      );
    return fail(
      `${setting === undefined ? "default " : ""}${kind} include ${listed(enabled, enabled.length, 2)}`,
    );
  };
}

const ciphers = algorithmCheck("Ciphers", WEAK_CIPHERS, []);
const macs = algorithmCheck("MACs", WEAK_MACS, [
  "umac-64-etm@openssh.com",
  "hmac-sha1-etm@openssh.com",
  "umac-64@openssh.com",
  "hmac-sha1",
]);

export const sshdStrongCiphers = osCheck({
  id: "vigil.os.sshd-strong-ciphers",
  title: "sshd should offer no weak ciphers (CBC, arcfour, 3DES, Blowfish, CAST)",
  severity: "medium",
  reads: ["sshd"],
  rationale: "CBC-mode and RC4 ciphers have practical attacks that recover plaintext from SSH sessions.",
  remediation:
    "Set Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr.",
  cisLinux: ["5.2.13"],
  evaluate: ({ config }) => (config.sshd ? ciphers(config.sshd) : undefined),
});

export const sshdStrongMacs = osCheck({
  id: "vigil.os.sshd-strong-macs",
  title: "sshd should offer no weak MAC algorithms (MD5, SHA-1, 64-bit UMAC)",
  severity: "medium",
  reads: ["sshd"],
  rationale: "Weak MACs make it easier to tamper with an SSH session undetected.",
  remediation:
    "Set MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-512,hmac-sha2-256 (OpenSSH's default also offers hmac-sha1 and umac-64).",
  cisLinux: ["5.2.14"],
  evaluate: ({ config }) => (config.sshd ? macs(config.sshd) : undefined),
});

export const sshdAccessLimited = osCheck({
  id: "vigil.os.sshd-access-limited",
  title: "sshd should limit who may log in (AllowUsers, AllowGroups, DenyUsers or DenyGroups)",
  severity: "low",
  reads: ["sshd"],
  rationale: "Naming who may use SSH keeps service and forgotten accounts from being used to log in.",
  remediation: "Add AllowGroups (or AllowUsers) with the accounts that need SSH to /etc/ssh/sshd_config.",
  cisLinux: ["5.2.4"],
  evaluate: ({ config }) => {
    if (!config.sshd) return undefined;
    return config.sshd.accessLists.length > 0
      ? pass(`${config.sshd.accessLists.length} access list directive(s)`)
      : fail("no AllowUsers, AllowGroups, DenyUsers or DenyGroups");
  },
});

export const SSH_CHECKS = [
  sshdConfigPermissions,
  sshHostKeysPermissions,
  sshdRootLoginDisabled,
  sshdEmptyPasswordsDisabled,
  sshdMaxAuthTries,
  sshdIgnoreRhosts,
  sshdHostbasedAuthDisabled,
  sshdUserEnvironmentDisabled,
  sshdX11ForwardingDisabled,
  sshdLogLevel,
  sshdLoginGraceTime,
  sshdMaxSessions,
  sshdMaxStartups,
  sshdTcpForwardingDisabled,
  sshdBanner,
  sshdUsePam,
  sshdIdleTimeout,
  sshdStrongCiphers,
  sshdStrongMacs,
  sshdAccessLimited,
];
