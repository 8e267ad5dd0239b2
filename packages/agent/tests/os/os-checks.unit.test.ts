import { beforeAll, describe, expect, it } from "vitest";
import { assetSchemas } from "../../src/assets/index.ts";
import { CATALOGUE } from "../../src/checks/index.ts";
import { OS_CHECKS } from "../../src/checks/os/index.ts";
import {
  type MemoryEntry,
  memoryRootFs,
  type OsScanResult,
  scanOperatingSystem,
} from "../../src/os/index.ts";
import { rpmdbSqlite } from "./rpmdb.ts";
import {
  AMAZON_LINUX_PACKAGES,
  amazonLinuxHardened,
  appended,
  debianHardened,
  edited,
  type Tree,
  withChanges,
} from "./trees.ts";

/**
 * Every OS check against filesystem trees: the hardened Debian 12 and Amazon Linux 2023 roots pass
 * every check that applies, and each row below makes one known misconfiguration — the row lists
 * exactly the checks that must turn to FAIL; every other verdict must stay what it was.
 */

const NOW = Date.parse("2026-06-01T00:00:00Z");
const TARGET = { accountId: "123456789012", region: "eu-west-1", instanceId: "i-0123456789abcdef0" };

type Verdicts = Map<string, { status: string; evidence?: string }>;

async function scan(tree: Tree): Promise<{ result: OsScanResult; verdicts: Verdicts }> {
  const result = await scanOperatingSystem(memoryRootFs(tree), TARGET, { now: NOW });
  const verdicts: Verdicts = new Map();
  if (result.kind === "assessed")
    for (const r of result.report.results)
      verdicts.set(r.checkId, {
        status: r.status,
        ...(r.evidence !== undefined ? { evidence: r.evidence } : {}),
      });
  return { result, verdicts };
}

const file = (content: string, mode = 0o644, gid = 0, uid = 0): MemoryEntry => ({
  type: "file",
  content,
  mode,
  gid,
  uid,
});
const id = (short: string) => `vigil.os.${short}`;

interface Row {
  readonly name: string;
  readonly distro: "debian" | "al2023";
  readonly changes: (tree: Tree) => Readonly<Record<string, MemoryEntry | null>>;
  /** Check ids (without `vigil.os.`) that must fail; nothing else may change. */
  readonly fails: readonly string[];
  /** Checks that stop applying (e.g. no /tmp line left to judge the options of). */
  readonly notApplicable?: readonly string[];
  readonly evidence?: RegExp;
}

const SSHD_CIS_DEBIAN = "/etc/ssh/sshd_config.d/50-cis.conf";
const sshd = (from: RegExp, to: string) => (t: Tree) => ({
  [SSHD_CIS_DEBIAN]: edited(t, SSHD_CIS_DEBIAN, from, to),
});
const sysctl = (from: RegExp, to: string) => (t: Tree) => ({
  "/etc/sysctl.d/60-cis.conf": edited(t, "/etc/sysctl.d/60-cis.conf", from, to),
});

const ROWS: readonly Row[] = [
  // SSH daemon
  {
    name: "sshd_config readable by everyone",
    distro: "debian",
    changes: (t) => ({
      "/etc/ssh/sshd_config": { ...(t["/etc/ssh/sshd_config"] as object), mode: 0o644 } as MemoryEntry,
    }),
    fails: ["sshd-config-permissions"],
    evidence: /mode 0644/,
  },
  {
    name: "a host key readable by group",
    distro: "debian",
    changes: () => ({ "/etc/ssh/ssh_host_rsa_key": file("k", 0o640) }),
    fails: ["ssh-host-keys-permissions"],
    evidence: /ssh_host_rsa_key mode 0640/,
  },
  {
    name: "a host key readable by everyone (Red Hat layout)",
    distro: "al2023",
    changes: () => ({ "/etc/ssh/ssh_host_ecdsa_key": file("k", 0o644, 995) }),
    fails: ["ssh-host-keys-permissions"],
  },
  {
    name: "PermitRootLogin yes",
    distro: "debian",
    changes: sshd(/PermitRootLogin no/, "PermitRootLogin yes"),
    fails: ["sshd-root-login-disabled"],
    evidence: /PermitRootLogin is yes/,
  },
  {
    name: "PermitRootLogin left to the default",
    distro: "al2023",
    changes: (t) => ({
      "/etc/ssh/sshd_config.d/40-cis.conf": edited(
        t,
        "/etc/ssh/sshd_config.d/40-cis.conf",
        /PermitRootLogin no\n/,
        "",
      ),
    }),
    fails: ["sshd-root-login-disabled"],
    evidence: /not set \(default prohibit-password\)/,
  },
  {
    name: "PermitEmptyPasswords yes",
    distro: "debian",
    changes: sshd(/PermitEmptyPasswords no/, "PermitEmptyPasswords yes"),
    fails: ["sshd-empty-passwords-disabled"],
  },
  {
    name: "MaxAuthTries 6",
    distro: "debian",
    changes: sshd(/MaxAuthTries 4/, "MaxAuthTries 6"),
    fails: ["sshd-max-auth-tries"],
  },
  {
    name: "IgnoreRhosts no",
    distro: "debian",
    changes: sshd(/IgnoreRhosts yes/, "IgnoreRhosts no"),
    fails: ["sshd-ignore-rhosts"],
  },
  {
    name: "HostbasedAuthentication yes",
    distro: "debian",
    changes: sshd(/HostbasedAuthentication no/, "HostbasedAuthentication yes"),
    fails: ["sshd-hostbased-auth-disabled"],
  },
  {
    name: "PermitUserEnvironment yes",
    distro: "debian",
    changes: sshd(/PermitUserEnvironment no/, "PermitUserEnvironment yes"),
    fails: ["sshd-user-environment-disabled"],
  },
  {
    name: "X11Forwarding: the main file's yes wins once the drop-in stops setting it",
    distro: "debian",
    changes: sshd(/X11Forwarding no\n/, ""),
    fails: ["sshd-x11-forwarding-disabled"],
    evidence: /X11Forwarding is yes/,
  },
  {
    name: "LogLevel QUIET",
    distro: "debian",
    changes: sshd(/LogLevel VERBOSE/, "LogLevel QUIET"),
    fails: ["sshd-log-level"],
  },
  {
    name: "LoginGraceTime 2m",
    distro: "debian",
    changes: sshd(/LoginGraceTime 60/, "LoginGraceTime 2m"),
    fails: ["sshd-login-grace-time"],
  },
  {
    name: "MaxSessions 20",
    distro: "debian",
    changes: sshd(/MaxSessions 10/, "MaxSessions 20"),
    fails: ["sshd-max-sessions"],
  },
  {
    name: "MaxStartups left to the default",
    distro: "debian",
    changes: sshd(/MaxStartups 10:30:60\n/, ""),
    fails: ["sshd-max-startups"],
  },
  {
    name: "AllowTcpForwarding yes",
    distro: "debian",
    changes: sshd(/AllowTcpForwarding no/, "AllowTcpForwarding yes"),
    fails: ["sshd-tcp-forwarding-disabled"],
  },
  {
    name: "no Banner",
    distro: "debian",
    changes: sshd(/Banner \/etc\/issue.net\n/, ""),
    fails: ["sshd-banner"],
  },
  {
    name: "UsePAM no (first value wins over the main file's yes)",
    distro: "debian",
    changes: sshd(/UsePAM yes/, "UsePAM no"),
    fails: ["sshd-pam-enabled"],
  },
  {
    name: "ClientAliveInterval 0",
    distro: "debian",
    changes: sshd(/ClientAliveInterval 300/, "ClientAliveInterval 0"),
    fails: ["sshd-idle-timeout"],
  },
  {
    name: "ClientAliveCountMax 10",
    distro: "debian",
    changes: sshd(/ClientAliveCountMax 3/, "ClientAliveCountMax 10"),
    fails: ["sshd-idle-timeout"],
  },
  {
    name: "CBC ciphers",
    distro: "debian",
    changes: sshd(/Ciphers .*/, "Ciphers aes128-ctr,aes256-cbc,3des-cbc"),
    fails: ["sshd-strong-ciphers"],
    evidence: /aes256-cbc/,
  },
  {
    name: "ciphers added to the default with +",
    distro: "al2023",
    changes: (t) => ({
      "/etc/ssh/sshd_config.d/40-cis.conf": edited(
        t,
        "/etc/ssh/sshd_config.d/40-cis.conf",
        /Ciphers .*/,
        "Ciphers +arcfour",
      ),
    }),
    fails: ["sshd-strong-ciphers"],
  },
  {
    name: "MACs left to OpenSSH's default",
    distro: "debian",
    changes: sshd(/MACs .*\n/, ""),
    fails: ["sshd-strong-macs"],
    evidence: /default MACs include/,
  },
  {
    name: "no AllowGroups",
    distro: "debian",
    changes: sshd(/AllowGroups sshusers\n/, ""),
    fails: ["sshd-access-limited"],
  },
  // Accounts and passwords
  {
    name: "PASS_MAX_DAYS 99999",
    distro: "debian",
    changes: (t) => ({
      "/etc/login.defs": edited(t, "/etc/login.defs", /PASS_MAX_DAYS 365/, "PASS_MAX_DAYS 99999"),
    }),
    fails: ["password-max-days"],
  },
  {
    name: "an account whose password never expires",
    distro: "debian",
    changes: (t) => ({ "/etc/shadow": edited(t, "/etc/shadow", /(admin:[^:]*:19700:1):365:/, "$1:99999:") }),
    fails: ["password-max-days"],
    evidence: /admin/,
  },
  {
    name: "PASS_MIN_DAYS 0",
    distro: "al2023",
    changes: (t) => ({
      "/etc/login.defs": edited(t, "/etc/login.defs", /PASS_MIN_DAYS 1/, "PASS_MIN_DAYS 0"),
    }),
    fails: ["password-min-days"],
  },
  {
    name: "PASS_WARN_AGE missing",
    distro: "debian",
    changes: (t) => ({ "/etc/login.defs": edited(t, "/etc/login.defs", /PASS_WARN_AGE 7\n/, "") }),
    fails: ["password-warn-age"],
    evidence: /not set/,
  },
  {
    name: "INACTIVE=-1",
    distro: "debian",
    changes: (t) => ({
      "/etc/default/useradd": edited(t, "/etc/default/useradd", /INACTIVE=30/, "INACTIVE=-1"),
    }),
    fails: ["password-inactive-lock"],
  },
  {
    name: "ENCRYPT_METHOD MD5",
    distro: "debian",
    changes: (t) => ({
      "/etc/login.defs": edited(t, "/etc/login.defs", /ENCRYPT_METHOD YESCRYPT/, "ENCRYPT_METHOD MD5"),
    }),
    fails: ["password-hashing-strong"],
  },
  {
    name: "an MD5 hash in shadow",
    distro: "debian",
    changes: (t) => ({
      "/etc/shadow": edited(
        t,
        "/etc/shadow",
        /admin:\$y\$[^:]*:/,
        "admin:$1$saltsalt$qjXZ3B0S3c0UiXA1Y2sNk0:",
      ),
    }),
    fails: ["password-hashing-strong"],
    evidence: /md5/,
  },
  {
    name: "minlen 8",
    distro: "debian",
    changes: (t) => ({
      "/etc/security/pwquality.conf": edited(t, "/etc/security/pwquality.conf", /minlen = 14/, "minlen = 8"),
    }),
    fails: ["password-min-length"],
  },
  {
    name: "minlen=8 on the PAM line overrides pwquality.conf",
    distro: "al2023",
    changes: (t) => ({
      "/etc/pam.d/system-auth": edited(t, "/etc/pam.d/system-auth", /minlen=14/, "minlen=8"),
    }),
    fails: ["password-min-length"],
  },
  {
    name: "no pam_faillock",
    distro: "debian",
    changes: () => ({
      "/etc/pam.d/common-auth": file(
        "auth [success=1 default=ignore] pam_unix.so nullok\nauth requisite pam_deny.so\n",
      ),
    }),
    fails: ["password-lockout"],
    evidence: /no pam_faillock/,
  },
  {
    name: "faillock deny = 10",
    distro: "debian",
    changes: (t) => ({
      "/etc/security/faillock.conf": edited(t, "/etc/security/faillock.conf", /deny = 5/, "deny = 10"),
    }),
    fails: ["password-lockout"],
  },
  {
    name: "no password history",
    distro: "debian",
    changes: (t) => ({
      "/etc/pam.d/common-password": edited(t, "/etc/pam.d/common-password", / remember=5/, ""),
    }),
    fails: ["password-reuse-limited"],
  },
  {
    name: "an empty password in shadow",
    distro: "debian",
    changes: (t) => ({ "/etc/shadow": edited(t, "/etc/shadow", /sync:\*:/, "sync::") }),
    fails: ["accounts-no-empty-passwords"],
    evidence: /sync/,
  },
  {
    name: "a hash in /etc/passwd",
    distro: "al2023",
    changes: (t) => ({ "/etc/passwd": edited(t, "/etc/passwd", /ec2-user:x:/, "ec2-user:$6$abc$def:") }),
    fails: ["accounts-passwords-shadowed"],
  },
  {
    name: "a second UID 0 account",
    distro: "debian",
    changes: (t) => ({ "/etc/passwd": appended(t, "/etc/passwd", "toor:x:0:0::/root:/bin/bash\n") }),
    fails: ["accounts-only-root-uid-0", "system-accounts-no-login"],
    evidence: /toor/,
  },
  {
    name: "a system account with a shell",
    distro: "al2023",
    changes: (t) => ({
      "/etc/passwd": edited(
        t,
        "/etc/passwd",
        /bin:x:1:1:bin:\/bin:\/sbin\/nologin/,
        "bin:x:1:1:bin:/bin:/bin/bash",
      ),
    }),
    fails: ["system-accounts-no-login"],
  },
  {
    name: "root in group 1000",
    distro: "debian",
    changes: (t) => ({ "/etc/passwd": edited(t, "/etc/passwd", /root:x:0:0:/, "root:x:0:1000:") }),
    fails: ["root-default-group"],
  },
  // File permissions
  {
    name: "/etc/passwd group-writable",
    distro: "debian",
    changes: (t) => ({ "/etc/passwd": { ...(t["/etc/passwd"] as object), mode: 0o664 } as MemoryEntry }),
    fails: ["passwd-permissions"],
  },
  {
    name: "/etc/shadow readable by everyone",
    distro: "debian",
    changes: (t) => ({ "/etc/shadow": { ...(t["/etc/shadow"] as object), mode: 0o644 } as MemoryEntry }),
    fails: ["shadow-permissions"],
    evidence: /\/etc\/shadow mode 0644/,
  },
  {
    name: "/etc/shadow- owned by a user",
    distro: "al2023",
    changes: (t) => ({ "/etc/shadow-": { ...(t["/etc/shadow-"] as object), uid: 1000 } as MemoryEntry }),
    fails: ["shadow-permissions"],
  },
  {
    name: "/etc/group world-writable",
    distro: "debian",
    changes: (t) => ({ "/etc/group": { ...(t["/etc/group"] as object), mode: 0o666 } as MemoryEntry }),
    fails: ["group-permissions", "no-world-writable-files"],
  },
  {
    name: "/etc/gshadow in group adm",
    distro: "debian",
    changes: (t) => ({ "/etc/gshadow": { ...(t["/etc/gshadow"] as object), gid: 4 } as MemoryEntry }),
    fails: ["gshadow-permissions"],
  },
  {
    name: "/etc/crontab 0644",
    distro: "debian",
    changes: (t) => ({ "/etc/crontab": { ...(t["/etc/crontab"] as object), mode: 0o644 } as MemoryEntry }),
    fails: ["cron-permissions"],
  },
  {
    name: "/etc/cron.d 0755",
    distro: "al2023",
    changes: () => ({ "/etc/cron.d": { type: "dir", mode: 0o755 } }),
    fails: ["cron-permissions"],
  },
  {
    name: "grub.cfg 0644",
    distro: "al2023",
    changes: (t) => ({
      "/boot/grub2/grub.cfg": { ...(t["/boot/grub2/grub.cfg"] as object), mode: 0o644 } as MemoryEntry,
    }),
    fails: ["bootloader-config-permissions"],
  },
  {
    name: "a world-writable script",
    distro: "debian",
    changes: () => ({ "/usr/local/bin/backup.sh": file("#!/bin/sh\n", 0o777) }),
    fails: ["no-world-writable-files"],
    evidence: /backup\.sh/,
  },
  {
    name: "a world-writable directory without the sticky bit",
    distro: "al2023",
    changes: () => ({ "/srv/shared": { type: "dir", mode: 0o777 } }),
    fails: ["world-writable-dirs-sticky"],
    evidence: /\/srv\/shared/,
  },
  // Kernel parameters
  {
    name: "ip_forward = 1",
    distro: "debian",
    changes: sysctl(/net.ipv4.ip_forward = 0/, "net.ipv4.ip_forward = 1"),
    fails: ["sysctl-ip-forwarding-disabled"],
    evidence: /60-cis\.conf/,
  },
  {
    name: "ip_forward = 1 in /etc/sysctl.conf (applied last)",
    distro: "al2023",
    changes: (t) => ({ "/etc/sysctl.conf": appended(t, "/etc/sysctl.conf", "net/ipv4/ip_forward=1\n") }),
    fails: ["sysctl-ip-forwarding-disabled"],
    evidence: /\/etc\/sysctl\.conf/,
  },
  {
    name: "send_redirects not set",
    distro: "debian",
    changes: sysctl(/net.ipv4.conf.default.send_redirects = 0\n/, ""),
    fails: ["sysctl-send-redirects-disabled"],
    evidence: /not set in any sysctl file/,
  },
  {
    name: "IPv6 source routes",
    distro: "debian",
    changes: sysctl(/net.ipv6.conf.all.accept_source_route = 0/, "net.ipv6.conf.all.accept_source_route = 1"),
    fails: ["sysctl-source-routes-rejected"],
  },
  {
    name: "ICMP redirects accepted",
    distro: "al2023",
    changes: sysctl(/net.ipv4.conf.all.accept_redirects = 0/, "net.ipv4.conf.all.accept_redirects = 1"),
    fails: ["sysctl-icmp-redirects-rejected"],
  },
  {
    name: "secure redirects accepted",
    distro: "debian",
    changes: sysctl(/net.ipv4.conf.all.secure_redirects = 0/, "net.ipv4.conf.all.secure_redirects = 1"),
    fails: ["sysctl-secure-redirects-rejected"],
  },
  {
    name: "martians not logged",
    distro: "debian",
    changes: sysctl(/net.ipv4.conf.default.log_martians = 1/, "net.ipv4.conf.default.log_martians = 0"),
    fails: ["sysctl-martians-logged"],
  },
  {
    name: "broadcast pings answered",
    distro: "debian",
    changes: sysctl(/net.ipv4.icmp_echo_ignore_broadcasts = 1/, "net.ipv4.icmp_echo_ignore_broadcasts = 0"),
    fails: ["sysctl-broadcast-icmp-ignored"],
  },
  {
    name: "bogus ICMP errors logged",
    distro: "debian",
    changes: sysctl(
      /net.ipv4.icmp_ignore_bogus_error_responses = 1/,
      "net.ipv4.icmp_ignore_bogus_error_responses = 0",
    ),
    fails: ["sysctl-bogus-icmp-ignored"],
  },
  {
    name: "a later glob sets rp_filter loose",
    distro: "debian",
    changes: () => ({ "/etc/sysctl.d/90-loose.conf": file("net.ipv4.conf.*.rp_filter = 2\n") }),
    fails: ["sysctl-reverse-path-filter"],
    evidence: /90-loose\.conf/,
  },
  {
    name: "SYN cookies off",
    distro: "al2023",
    changes: sysctl(/net.ipv4.tcp_syncookies = 1/, "net.ipv4.tcp_syncookies = 0"),
    fails: ["sysctl-tcp-syncookies"],
  },
  {
    name: "router advertisements accepted",
    distro: "debian",
    changes: sysctl(/net.ipv6.conf.default.accept_ra = 0/, "net.ipv6.conf.default.accept_ra = 1"),
    fails: ["sysctl-ipv6-router-ads-rejected"],
  },
  {
    name: "ASLR off",
    distro: "debian",
    changes: sysctl(/kernel.randomize_va_space = 2/, "kernel.randomize_va_space = 0"),
    fails: ["sysctl-aslr-enabled"],
  },
  {
    name: "no hard core limit",
    distro: "debian",
    changes: () => ({ "/etc/security/limits.d/50-cis.conf": null }),
    fails: ["core-dumps-restricted"],
  },
  {
    name: "setuid programs dump core",
    distro: "al2023",
    changes: sysctl(/fs.suid_dumpable = 0/, "fs.suid_dumpable = 2"),
    fails: ["core-dumps-restricted"],
  },
  // Audit and logging
  {
    name: "auditd not enabled",
    distro: "debian",
    changes: () => ({ "/etc/systemd/system/multi-user.target.wants/auditd.service": null }),
    fails: ["auditd-enabled"],
    evidence: /not enabled/,
  },
  {
    name: "audit package not installed",
    distro: "al2023",
    changes: () => ({
      "/var/lib/rpm/rpmdb.sqlite": {
        type: "file",
        content: rpmdbSqlite(AMAZON_LINUX_PACKAGES.filter(([n]) => n !== "audit")),
      },
    }),
    fails: ["auditd-enabled"],
    evidence: /not installed/,
  },
  {
    name: "audit logs rotated away",
    distro: "debian",
    changes: (t) => ({
      "/etc/audit/auditd.conf": edited(t, "/etc/audit/auditd.conf", /keep_logs/, "rotate"),
    }),
    fails: ["audit-logs-kept"],
  },
  {
    name: "no audit rules",
    distro: "al2023",
    changes: () => ({ "/etc/audit/rules.d/50-identity.rules": null }),
    fails: ["audit-rules-configured"],
  },
  {
    name: "volatile journal",
    distro: "debian",
    changes: () => ({
      "/etc/systemd/journald.conf.d/10-volatile.conf": file("[Journal]\nStorage=volatile\n"),
    }),
    fails: ["journald-persistent"],
    evidence: /volatile/,
  },
  {
    name: "journal not compressed",
    distro: "al2023",
    changes: () => ({ "/etc/systemd/journald.conf": file("[Journal]\nStorage=persistent\nCompress=no\n") }),
    fails: ["journald-compress"],
  },
  {
    name: "rsyslog creates world-readable logs",
    distro: "debian",
    changes: (t) => ({
      "/etc/rsyslog.conf": edited(t, "/etc/rsyslog.conf", /\$FileCreateMode 0640/, "$FileCreateMode 0644"),
    }),
    fails: ["rsyslog-file-permissions"],
  },
  // Services and packages
  {
    name: "CUPS unmasked",
    distro: "debian",
    changes: () => ({ "/etc/systemd/system/cups.service": null }),
    fails: ["no-unneeded-server-services"],
    evidence: /CUPS/,
  },
  {
    name: "an HTTP server enabled",
    distro: "al2023",
    changes: () => ({
      "/etc/systemd/system/multi-user.target.wants/httpd.service": {
        type: "symlink",
        target: "/usr/lib/systemd/system/httpd.service",
      },
    }),
    fails: ["no-unneeded-server-services"],
  },
  {
    name: "telnet socket enabled",
    distro: "debian",
    changes: () => ({
      "/etc/systemd/system/sockets.target.wants/telnet.socket": {
        type: "symlink",
        target: "/lib/systemd/system/telnet.socket",
      },
    }),
    fails: ["no-legacy-network-services"],
    evidence: /telnet/,
  },
  {
    name: "telnet client installed",
    distro: "debian",
    changes: (t) => ({
      "/var/lib/dpkg/status": edited(
        t,
        "/var/lib/dpkg/status",
        /Status: deinstall ok config-files/,
        "Status: install ok installed",
      ),
    }),
    fails: ["no-legacy-client-packages"],
  },
  {
    name: "no time synchronisation",
    distro: "al2023",
    changes: () => ({ "/etc/systemd/system/multi-user.target.wants/chronyd.service": null }),
    fails: ["time-sync-enabled"],
  },
  {
    name: "/tmp on the root filesystem",
    distro: "debian",
    changes: (t) => ({ "/etc/fstab": edited(t, "/etc/fstab", /tmpfs \/tmp .*\n/, "") }),
    fails: ["tmp-separate-partition"],
    notApplicable: ["tmp-mount-options"],
  },
  {
    name: "/tmp allows executables",
    distro: "debian",
    changes: (t) => ({ "/etc/fstab": edited(t, "/etc/fstab", /,noexec/, "") }),
    fails: ["tmp-mount-options"],
    evidence: /noexec/,
  },
  {
    name: "a repository without gpgcheck",
    distro: "al2023",
    changes: (t) => ({
      "/etc/yum.repos.d/amazonlinux.repo": edited(
        t,
        "/etc/yum.repos.d/amazonlinux.repo",
        /enabled=1\ngpgcheck=1/,
        "enabled=1\ngpgcheck=0",
      ),
    }),
    fails: ["package-signatures-verified"],
    evidence: /amazonlinux/,
  },
  {
    name: "dnf without gpgcheck in [main]",
    distro: "al2023",
    changes: (t) => ({ "/etc/dnf/dnf.conf": edited(t, "/etc/dnf/dnf.conf", /gpgcheck=1\n/, "") }),
    fails: ["package-signatures-verified"],
    evidence: /default off/,
  },
  {
    name: "apt allows unauthenticated packages",
    distro: "debian",
    changes: () => ({ "/etc/apt/apt.conf.d/99insecure": file('APT::Get::AllowUnauthenticated "true";\n') }),
    fails: ["package-signatures-verified"],
  },
  {
    name: "no AIDE",
    distro: "debian",
    changes: (t) => ({
      "/var/lib/dpkg/status": edited(
        t,
        "/var/lib/dpkg/status",
        /Package: aide\nStatus: install ok installed/,
        "Package: aide\nStatus: deinstall ok config-files",
      ),
    }),
    fails: ["aide-installed"],
  },
];

describe("OS checks against filesystem trees", () => {
  let trees: Record<Row["distro"], Tree>;
  const baseline = new Map<Row["distro"], Verdicts>();

  beforeAll(async () => {
    trees = {
      debian: debianHardened(),
      al2023: amazonLinuxHardened(rpmdbSqlite(AMAZON_LINUX_PACKAGES)),
    };
    for (const distro of ["debian", "al2023"] as const)
      baseline.set(distro, (await scan(trees[distro])).verdicts);
  });

  it.each([
    ["debian", [] as string[]],
    ["al2023", ["rsyslog-file-permissions", "tmp-mount-options"]],
  ] as const)("the hardened %s root passes every OS check that applies to it", (distro, notApplicable) => {
    const verdicts = baseline.get(distro) as Verdicts;
    const failing = [...verdicts].filter(([, v]) => v.status !== "pass");
    expect(failing).toEqual([]);
    const missing = OS_CHECKS.map((c) => c.id).filter((c) => !verdicts.has(c));
    expect(missing).toEqual(notApplicable.map(id));
  });

  it.each(ROWS.map((r) => [`${r.distro}: ${r.name}`, r] as const))("%s", async (_, row) => {
    const tree = trees[row.distro];
    const { verdicts } = await scan(withChanges(tree, row.changes(tree)));
    const before = baseline.get(row.distro) as Verdicts;
    const changed = [...new Set([...before.keys(), ...verdicts.keys()])]
      .filter((c) => before.get(c)?.status !== verdicts.get(c)?.status)
      .map((c) => `${c}: ${before.get(c)?.status ?? "n/a"} -> ${verdicts.get(c)?.status ?? "n/a"}`);
    expect(changed.sort()).toEqual(
      [
        ...row.fails.map((f) => `${id(f)}: pass -> fail`),
        ...(row.notApplicable ?? []).map((f) => `${id(f)}: pass -> n/a`),
      ].sort(),
    );
    if (row.evidence) expect(verdicts.get(id(row.fails[0] as string))?.evidence).toMatch(row.evidence);
    for (const f of row.fails) {
      const evidence = verdicts.get(id(f))?.evidence ?? "";
      expect(evidence.length).toBeLessThanOrEqual(120);
      expect(evidence).not.toMatch(/\$[0-9a-z]+\$|BEGIN OPENSSH/);
    }
  });

  it("every OS check reads only the facts it declares, and declares only facts of the asset", async () => {
    const undeclared = new Set<string>();
    const shape = (assetSchemas["aws.ec2.instance-os"] as unknown as { shape: { config: { shape: object } } })
      .shape.config.shape;
    for (const row of [undefined, ...ROWS]) {
      const tree = trees[row?.distro ?? "debian"];
      const { result } = await scan(row ? withChanges(tree, row.changes(tree)) : tree);
      if (result.kind !== "assessed") throw new Error("no OS found");
      for (const check of OS_CHECKS) {
        const declared = new Set<string>(check.reads);
        const config = new Proxy(result.asset.config as object, {
          get(target, key, receiver) {
            if (typeof key === "string" && !declared.has(key)) undeclared.add(`${check.id} reads ${key}`);
            return Reflect.get(target, key, receiver);
          },
        });
        (check.evaluate as (a: unknown, c: { now: number }) => unknown)(
          { ...result.asset, config },
          { now: NOW },
        );
      }
    }
    expect([...undeclared]).toEqual([]);
    for (const check of OS_CHECKS)
      expect(
        check.reads.filter((f) => !(f in shape)),
        check.id,
      ).toEqual([]);
  });

  it("gives every OS check of the catalogue a compliant and a non-compliant filesystem case", () => {
    const osIds = CATALOGUE.filter((c) => c.resourceType === "aws.ec2.instance-os").map((c) => c.id);
    expect(osIds.length).toBeGreaterThanOrEqual(25);
    expect(osIds.sort()).toEqual(OS_CHECKS.map((c) => c.id).sort());
    const passing = new Set(
      [...baseline.values()].flatMap((v) => [...v].filter(([, r]) => r.status === "pass").map(([c]) => c)),
    );
    const failing = new Set(ROWS.flatMap((r) => r.fails.map(id)));
    expect(osIds.filter((c) => !passing.has(c))).toEqual([]);
    expect(osIds.filter((c) => !failing.has(c))).toEqual([]);
  });
});
