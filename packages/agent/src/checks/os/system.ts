import { fail, pass } from "../check.ts";
import { hasPackage, isEnabled, listed, modeAtMost, osCheck } from "./common.ts";

/** Audit and logging (CIS DIL 4.1, 4.2), services (2.1–2.3), /tmp (1.1), package signatures (1.2), AIDE (1.3). */

export const auditdEnabled = osCheck({
  id: "vigil.os.auditd-enabled",
  title: "auditd should be installed and enabled",
  severity: "medium",
  reads: ["packages", "services"],
  rationale:
    "The audit daemon records security events (logins, privilege use, changes to key files) for investigation.",
  remediation: "Install the audit package (auditd on Debian) and systemctl enable auditd.",
  cisLinux: ["4.1.1.1", "4.1.1.2"],
  evaluate: ({ config }) => {
    if (!hasPackage(config, "audit", "auditd")) return fail("the audit package is not installed");
    return isEnabled(config, "auditd.service")
      ? pass("auditd is installed and enabled")
      : fail("auditd.service is not enabled");
  },
});

export const auditLogsKept = osCheck({
  id: "vigil.os.audit-logs-kept",
  title: "auditd should keep its logs rather than rotate them away (max_log_file_action = keep_logs)",
  severity: "low",
  reads: ["auditd"],
  rationale: "Rotated-away audit logs lose the history an investigation needs.",
  remediation: "Set max_log_file_action = keep_logs in /etc/audit/auditd.conf.",
  cisLinux: ["4.1.2.2"],
  evaluate: ({ config }) => {
    if (!config.auditd) return undefined;
    const action = config.auditd.max_log_file_action ?? "ROTATE";
    return action.toLowerCase() === "keep_logs"
      ? pass("max_log_file_action is keep_logs")
      : fail(`max_log_file_action is ${action}`);
  },
});

export const auditRulesConfigured = osCheck({
  id: "vigil.os.audit-rules-configured",
  title: "Audit rules should be configured",
  severity: "low",
  reads: ["auditd", "auditRules"],
  rationale:
    "auditd without rules records almost nothing: changes to identity files, sudoers and logins go unseen.",
  remediation:
    "Add the CIS audit rules (identity, sudoers, logins, time, modules) to /etc/audit/rules.d/ and run augenrules --load.",
  cisLinux: ["4.1.3"],
  evaluate: ({ config }) => {
    if (!config.auditd) return undefined;
    return config.auditRules > 0
      ? pass(`${config.auditRules} audit rules`)
      : fail("no audit rule (-a or -w) configured");
  },
});

export const journaldPersistent = osCheck({
  id: "vigil.os.journald-persistent",
  title: "journald should write logs to disk (Storage=persistent)",
  severity: "low",
  reads: ["journald"],
  rationale: "A volatile journal is lost at every reboot, with the evidence of what happened before it.",
  remediation: "Set Storage=persistent in /etc/systemd/journald.conf (or a drop-in).",
  cisLinux: ["4.2.2.3"],
  evaluate: ({ config }) => {
    const storage = config.journald.Storage;
    return storage?.toLowerCase() === "persistent"
      ? pass("Storage is persistent")
      : fail(storage === undefined ? "Storage is not set (default auto)" : `Storage is ${storage}`);
  },
});

export const journaldCompress = osCheck({
  id: "vigil.os.journald-compress",
  title: "journald should compress large log entries",
  severity: "informational",
  reads: ["journald"],
  rationale: "Uncompressed journals fill the disk sooner, and a full disk stops logging.",
  remediation: "Set Compress=yes in /etc/systemd/journald.conf (or remove Compress=no).",
  cisLinux: ["4.2.2.2"],
  evaluate: ({ config }) => {
    const value = config.journald.Compress;
    return value === undefined || /^(yes|true|1|on)$/i.test(value)
      ? pass(value === undefined ? "Compress is not set (default yes)" : `Compress is ${value}`)
      : fail(`Compress is ${value}`);
  },
});

export const rsyslogFilePermissions = osCheck({
  id: "vigil.os.rsyslog-file-permissions",
  title: "rsyslog should create log files 0640 or stricter",
  severity: "low",
  reads: ["rsyslog"],
  rationale: "Logs hold user names, addresses and sometimes secrets; world-readable logs leak them.",
  remediation: "Set $FileCreateMode 0640 in /etc/rsyslog.conf (or a file in /etc/rsyslog.d/).",
  cisLinux: ["4.2.1.4"],
  evaluate: ({ config }) => {
    if (!config.rsyslog) return undefined;
    const mode = config.rsyslog.fileCreateMode;
    if (mode === null) return fail("$FileCreateMode is not set (default 0644)");
    return modeAtMost(Number.parseInt(mode, 8), 0o640)
      ? pass(`FileCreateMode is ${mode}`)
      : fail(`FileCreateMode is ${mode}`);
  },
});

/** Server daemons CIS asks to be off unless the host's role needs them (DIL 2.2.3–2.2.17). */
const SERVER_UNITS: Readonly<Record<string, string>> = {
  "avahi-daemon.service": "Avahi",
  "avahi-daemon.socket": "Avahi",
  "cups.service": "CUPS",
  "cups.socket": "CUPS",
  "isc-dhcp-server.service": "DHCP server",
  "dhcpd.service": "DHCP server",
  "slapd.service": "LDAP server",
  "nfs-server.service": "NFS server",
  "rpcbind.service": "rpcbind",
  "rpcbind.socket": "rpcbind",
  "named.service": "DNS server",
  "bind9.service": "DNS server",
  "vsftpd.service": "FTP server",
  "apache2.service": "HTTP server",
  "httpd.service": "HTTP server",
  "dovecot.service": "IMAP/POP3 server",
  "smbd.service": "Samba",
  "smb.service": "Samba",
  "squid.service": "HTTP proxy",
  "snmpd.service": "SNMP",
  "rsync.service": "rsync daemon",
  "rsyncd.service": "rsync daemon",
  "ypserv.service": "NIS server",
};

/** Legacy clear-text services (DIL 2.1, 2.3.1). */
const LEGACY_UNITS: Readonly<Record<string, string>> = {
  "xinetd.service": "xinetd",
  "telnet.socket": "telnet",
  "rsh.socket": "rsh",
  "rlogin.socket": "rlogin",
  "rexec.socket": "rexec",
  "tftp.socket": "tftp",
  "tftp.service": "tftp",
  "ntalk.service": "talk",
  "ypbind.service": "NIS client",
};

function enabledOf(enabled: readonly string[], units: Readonly<Record<string, string>>): string[] {
  return [...new Set(enabled.filter((u) => u in units).map((u) => units[u] as string))];
}

export const noUnneededServerServices = osCheck({
  id: "vigil.os.no-unneeded-server-services",
  title:
    "Server daemons the benchmark lists (Avahi, CUPS, DHCP, LDAP, NFS, DNS, FTP, HTTP, mail, Samba, proxy, SNMP, rsync, NIS) should not be enabled",
  severity: "medium",
  reads: ["services"],
  rationale: "Every listening daemon is attack surface; those a host does not need should not run.",
  remediation: "systemctl disable --now (or mask) each service named, unless the host's role needs it.",
  cisLinux: [
    "2.2.3",
    "2.2.4",
    "2.2.5",
    "2.2.6",
    "2.2.7",
    "2.2.8",
    "2.2.9",
    "2.2.10",
    "2.2.11",
    "2.2.12",
    "2.2.13",
    "2.2.14",
    "2.2.16",
    "2.2.17",
  ],
  evaluate: ({ config }) => {
    const on = enabledOf(config.services.enabled, SERVER_UNITS);
    return on.length > 0
      ? fail(`enabled: ${listed(on, on.length, 3)}`)
      : pass(`none of ${new Set(Object.values(SERVER_UNITS)).size} listed daemons enabled`);
  },
});

export const noLegacyNetworkServices = osCheck({
  id: "vigil.os.no-legacy-network-services",
  title: "Legacy clear-text services (xinetd, telnet, rsh, tftp, talk, NIS) should not be enabled",
  severity: "high",
  reads: ["services"],
  rationale: "These services send passwords and data in clear text and have no modern authentication.",
  remediation: "systemctl disable --now (or mask) the units named and remove their packages.",
  cisLinux: ["2.1.1", "2.1.2", "2.3.1"],
  evaluate: ({ config }) => {
    const on = enabledOf(config.services.enabled, LEGACY_UNITS);
    return on.length > 0
      ? fail(`enabled: ${listed(on, on.length, 3)}`)
      : pass("no legacy network service enabled");
  },
});

const LEGACY_CLIENTS: Readonly<Record<string, string>> = {
  telnet: "telnet",
  "rsh-client": "rsh",
  rsh: "rsh",
  talk: "talk",
  ypbind: "NIS",
  nis: "NIS",
};

export const noLegacyClientPackages = osCheck({
  id: "vigil.os.no-legacy-client-packages",
  title: "Clear-text client programs (telnet, rsh, talk, NIS) should not be installed",
  severity: "low",
  reads: ["packages"],
  rationale: "Clients of clear-text protocols expose credentials the moment someone uses them.",
  remediation: "Remove the packages named (apt purge / dnf remove) and use ssh instead.",
  cisLinux: ["2.3.1", "2.3.2", "2.3.3", "2.3.4"],
  evaluate: ({ config }) => {
    if (!config.packages) return undefined;
    const found = [
      ...new Set(config.packages.items.filter((p) => p.name in LEGACY_CLIENTS).map((p) => p.name)),
    ];
    return found.length > 0
      ? fail(`installed: ${listed(found, found.length, 3)}`)
      : pass(`none among ${config.packages.items.length} packages`);
  },
});

const TIME_SYNC_UNITS = [
  "chronyd.service",
  "chrony.service",
  "systemd-timesyncd.service",
  "ntp.service",
  "ntpd.service",
  "ntpsec.service",
];

export const timeSyncEnabled = osCheck({
  id: "vigil.os.time-sync-enabled",
  title: "Time synchronisation (chrony, systemd-timesyncd or ntp) should be enabled",
  severity: "low",
  reads: ["services"],
  rationale: "Logs from hosts with drifting clocks cannot be correlated, and certificates and tokens fail.",
  remediation: "Install chrony and systemctl enable chronyd (Amazon Time Sync at 169.254.169.123).",
  cisLinux: ["2.2.1.1"],
  evaluate: ({ config }) => {
    const on = TIME_SYNC_UNITS.filter((u) => isEnabled(config, u));
    return on.length > 0 ? pass(`${on[0]} is enabled`) : fail("no time synchronisation service is enabled");
  },
});

export const tmpSeparatePartition = osCheck({
  id: "vigil.os.tmp-separate-partition",
  title: "/tmp should be a separate filesystem",
  severity: "low",
  reads: ["fstab", "services"],
  rationale:
    "A separate /tmp can be mounted noexec and nosuid, and filling it cannot fill the root filesystem.",
  remediation: "Add a tmpfs line for /tmp to /etc/fstab, or systemctl enable tmp.mount.",
  cisLinux: ["1.1.2"],
  evaluate: ({ config }) => {
    if ((config.fstab ?? []).some((e) => e.file === "/tmp")) return pass("/tmp is in /etc/fstab");
    return isEnabled(config, "tmp.mount")
      ? pass("tmp.mount is enabled")
      : fail("/tmp is part of the root filesystem");
  },
});

export const tmpMountOptions = osCheck({
  id: "vigil.os.tmp-mount-options",
  title: "/tmp should be mounted nodev, nosuid and noexec",
  severity: "low",
  reads: ["fstab"],
  rationale:
    "Device files, setuid programs and executables in a world-writable place are how local exploits get a foothold.",
  remediation: "Add nodev,nosuid,noexec to the options of /tmp in /etc/fstab and remount it.",
  cisLinux: ["1.1.3", "1.1.4", "1.1.5"],
  evaluate: ({ config }) => {
    const entry = (config.fstab ?? []).find((e) => e.file === "/tmp");
    if (!entry) return undefined;
    const missing = ["nodev", "nosuid", "noexec"].filter((o) => !entry.options.includes(o));
    return missing.length > 0
      ? fail(`/tmp lacks ${missing.join(", ")}`)
      : pass("/tmp is nodev, nosuid, noexec");
  },
});

export const packageSignaturesVerified = osCheck({
  id: "vigil.os.package-signatures-verified",
  title: "The package manager should verify package signatures",
  severity: "high",
  reads: ["packageSigning"],
  rationale:
    "Without signature checks, a tampered mirror or a network attacker can install anything as root.",
  remediation:
    "Set gpgcheck=1 in /etc/dnf/dnf.conf and every repo in /etc/yum.repos.d; remove APT::Get::AllowUnauthenticated.",
  cisLinux: ["1.2.3"],
  evaluate: ({ config }) => {
    const s = config.packageSigning;
    if (s.tools.length === 0) return undefined;
    if (s.aptAllowUnauthenticated) return fail("apt is configured to allow unauthenticated packages");
    const rpmBased = s.tools.includes("dnf") || s.tools.includes("yum");
    if (rpmBased && !/^(1|yes|true|on)$/i.test(s.mainGpgcheck ?? ""))
      return fail(
        s.mainGpgcheck === null
          ? "gpgcheck is not set in [main] (default off)"
          : `gpgcheck is ${s.mainGpgcheck} in [main]`,
      );
    if (s.reposWithoutGpgcheck.length > 0)
      return fail(
        `repos without gpgcheck: ${listed(s.reposWithoutGpgcheck, s.reposWithoutGpgcheck.length, 2)}`,
      );
    return pass(`${s.tools.join(" and ")} verify signatures`);
  },
});

export const aideInstalled = osCheck({
  id: "vigil.os.aide-installed",
  title: "A file integrity checker (AIDE) should be installed",
  severity: "low",
  reads: ["packages"],
  rationale: "Without integrity checking, changed system binaries and configuration go unnoticed.",
  remediation: "Install aide, initialise its database (aide --init) and schedule aide --check.",
  cisLinux: ["1.3.1"],
  evaluate: ({ config }) => {
    if (!config.packages) return undefined;
    return hasPackage(config, "aide") ? pass("aide is installed") : fail("aide is not installed");
  },
});

export const SYSTEM_CHECKS = [
  auditdEnabled,
  auditLogsKept,
  auditRulesConfigured,
  journaldPersistent,
  journaldCompress,
  rsyslogFilePermissions,
  noUnneededServerServices,
  noLegacyNetworkServices,
  noLegacyClientPackages,
  timeSyncEnabled,
  tmpSeparatePartition,
  tmpMountOptions,
  packageSignaturesVerified,
  aideInstalled,
];
