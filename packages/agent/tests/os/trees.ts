/**
 * Root filesystems the OS tests scan: a hardened Debian 12 and a hardened Amazon Linux 2023, each
 * compliant with every OS check that applies to it, written the way those distributions lay their
 * files out (merged /usr, sshd_config.d drop-ins, /etc/sysctl.d/99-sysctl.conf linked to
 * /etc/sysctl.conf, systemd wants links, Red Hat's ssh_keys group and 0000 shadow). Tests make a
 * known misconfiguration by changing one entry (`withChanges`).
 */
import type { MemoryEntry } from "../../src/os/index.ts";

export type Tree = Record<string, MemoryEntry>;

const file = (content: string, mode = 0o644, gid = 0): MemoryEntry => ({ type: "file", content, mode, gid });
const dir = (mode = 0o755): MemoryEntry => ({ type: "dir", mode });
const link = (target: string): MemoryEntry => ({ type: "symlink", target });

/** Returns `tree` with entries replaced (or removed, with `null`). */
export function withChanges(tree: Tree, changes: Readonly<Record<string, MemoryEntry | null>>): Tree {
  const out: Tree = { ...tree };
  for (const [path, entry] of Object.entries(changes)) {
    if (entry === null) delete out[path];
    else out[path] = entry;
  }
  return out;
}

/** A text file of the tree with `from` replaced by `to` (same mode and owner). */
export function edited(tree: Tree, path: string, from: string | RegExp, to: string): MemoryEntry {
  const entry = tree[path];
  if (entry?.type !== "file" || typeof entry.content !== "string")
    throw new Error(`${path} is not a text file of this tree`);
  const content = entry.content.replace(from, to);
  if (content === entry.content) throw new Error(`${path}: ${String(from)} not found`);
  return { ...entry, content };
}

export function appended(tree: Tree, path: string, text: string): MemoryEntry {
  const entry = tree[path];
  if (entry?.type !== "file" || typeof entry.content !== "string")
    throw new Error(`${path} is not a text file of this tree`);
  return { ...entry, content: `${entry.content}${text}` };
}

const SHADOW_GID = 42;
const SSH_KEYS_GID = 995;

const CIS_SYSCTL = `# CIS hardening
net.ipv4.ip_forward = 0
net.ipv6.conf.all.forwarding = 0
net.ipv4.conf.all.send_redirects = 0
net.ipv4.conf.default.send_redirects = 0
net.ipv4.conf.all.accept_source_route = 0
net.ipv4.conf.default.accept_source_route = 0
net.ipv6.conf.all.accept_source_route = 0
net.ipv6.conf.default.accept_source_route = 0
net.ipv4.conf.all.accept_redirects = 0
net.ipv4.conf.default.accept_redirects = 0
net.ipv6.conf.all.accept_redirects = 0
net.ipv6.conf.default.accept_redirects = 0
net.ipv4.conf.all.secure_redirects = 0
net.ipv4.conf.default.secure_redirects = 0
net.ipv4.conf.all.log_martians = 1
net.ipv4.conf.default.log_martians = 1
net.ipv4.icmp_echo_ignore_broadcasts = 1
net.ipv4.icmp_ignore_bogus_error_responses = 1
net.ipv4.conf.all.rp_filter = 1
net.ipv4.conf.default.rp_filter = 1
net.ipv4.tcp_syncookies = 1
net.ipv6.conf.all.accept_ra = 0
net.ipv6.conf.default.accept_ra = 0
kernel.randomize_va_space = 2
fs.suid_dumpable = 0
`;

const CIS_SSHD = `# CIS hardening (first value wins: this drop-in comes before the main file's settings)
PermitRootLogin no
PermitEmptyPasswords no
MaxAuthTries 4
IgnoreRhosts yes
HostbasedAuthentication no
PermitUserEnvironment no
X11Forwarding no
LogLevel VERBOSE
ClientAliveInterval 300
ClientAliveCountMax 3
LoginGraceTime 60
MaxStartups 10:30:60
MaxSessions 10
AllowTcpForwarding no
Banner /etc/issue.net
UsePAM yes
Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr
MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-512,hmac-sha2-256
AllowGroups sshusers
`;

const JOURNALD = "[Journal]\nStorage=persistent\nCompress=yes\n";

/** Entries both distributions share: /tmp, /var/tmp, account backups, cron, journald, audit, limits. */
function common(): Tree {
  return {
    "/tmp": dir(0o1777),
    "/var/tmp": dir(0o1777),
    "/proc": dir(0o555),
    "/proc/1/environ": file("SECRET=1", 0o666),
    "/home/admin/.profile": file("umask 027\n", 0o644, 1000),
    "/etc/login.defs": file(
      "MAIL_DIR /var/mail\nPASS_MAX_DAYS 365\nPASS_MIN_DAYS 1\nPASS_WARN_AGE 7\nUID_MIN 1000\nUID_MAX 60000\nENCRYPT_METHOD YESCRYPT\n",
    ),
    "/etc/default/useradd": file("SHELL=/bin/sh\nINACTIVE=30\n"),
    "/etc/security/pwquality.conf": file("# pwquality\nminlen = 14\nminclass = 4\n"),
    "/etc/security/faillock.conf": file("deny = 5\nunlock_time = 900\nsilent\n"),
    "/etc/security/limits.conf": file("# limits\n"),
    "/etc/security/limits.d/50-cis.conf": file("*    hard    core    0\n"),
    "/etc/crontab": file(
      "SHELL=/bin/sh\n17 * * * * root cd / && run-parts --report /etc/cron.hourly\n",
      0o600,
    ),
    "/etc/cron.hourly": dir(0o700),
    "/etc/cron.daily": dir(0o700),
    "/etc/cron.weekly": dir(0o700),
    "/etc/cron.monthly": dir(0o700),
    "/etc/cron.d": dir(0o700),
    "/etc/systemd/journald.conf": file(JOURNALD),
    "/etc/audit/auditd.conf": file(
      "log_file = /var/log/audit/audit.log\nmax_log_file = 32\nmax_log_file_action = keep_logs\n",
    ),
    "/etc/audit/rules.d/50-identity.rules": file(
      "-w /etc/group -p wa -k identity\n-w /etc/passwd -p wa -k identity\n-w /etc/shadow -p wa -k identity\n",
      0o640,
    ),
    "/etc/sysctl.d/60-cis.conf": file(CIS_SYSCTL),
    "/etc/sysctl.d/99-sysctl.conf": link("../sysctl.conf"),
    "/etc/sysctl.conf": file("# see /etc/sysctl.d\n"),
    "/etc/issue.net": file("Authorized uses only. All activity may be monitored and reported.\n"),
    "/usr/bin/ls": file("\u007fELF", 0o755),
    "/usr/bin/passwd": file("\u007fELF", 0o4755),
  };
}

/** Debian 12 (bookworm), hardened. */
export function debianHardened(): Tree {
  const passwd = [
    "root:x:0:0:root:/root:/bin/bash",
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
    "bin:x:2:2:bin:/bin:/usr/sbin/nologin",
    "sync:x:4:65534:sync:/bin:/bin/sync",
    "_chrony:x:100:102:Chrony daemon,,,:/var/lib/chrony:/usr/sbin/nologin",
    "sshd:x:101:65534::/run/sshd:/usr/sbin/nologin",
    "admin:x:1000:1000:Debian:/home/admin:/bin/bash",
    "",
  ].join("\n");
  const shadow = [
    "root:*:19700:1:365:7:30::",
    "daemon:*:19700:1:365:7:30::",
    "bin:*:19700:1:365:7:30::",
    "sync:*:19700:1:365:7:30::",
    "_chrony:!:19700:1:365:7:30::",
    "sshd:!:19700:1:365:7:30::",
    "admin:$y$j9T$4Vd1sJxXXXXXXXXXXXXXXX$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ:19700:1:365:7:30::",
    "",
  ].join("\n");
  const group = "root:x:0:\ndaemon:x:1:\nshadow:x:42:\nsshusers:x:1001:admin\nadmin:x:1000:\n";
  const gshadow = "root:*::\nshadow:*::\nsshusers:!::admin\nadmin:!::\n";
  const dpkg = [
    ["base-files", "12.4+deb12u5", "amd64"],
    ["openssh-server", "1:9.2p1-2+deb12u2", "amd64"],
    ["auditd", "1:3.0.9-1", "amd64"],
    ["aide", "0.18.3-1+deb12u3", "amd64"],
    ["chrony", "4.3-2+deb12u1", "amd64"],
    ["rsyslog", "8.2302.0-1", "amd64"],
    ["libpam-pwquality", "1.4.5-1+b1", "amd64"],
    ["linux-image-6.1.0-18-cloud-amd64", "6.1.76-1", "amd64"],
  ]
    .map(
      ([name, version, arch]) =>
        `Package: ${name}\nStatus: install ok installed\nPriority: optional\nArchitecture: ${arch}\nVersion: ${version}\nDescription: ${name}\n a package\n`,
    )
    .concat(
      "Package: telnet\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 0.17+2.4-2\nDescription: removed\n",
    )
    .join("\n");
  const wants = "/etc/systemd/system/multi-user.target.wants";
  return {
    ...common(),
    "/lib": link("usr/lib"),
    "/bin": link("usr/bin"),
    "/usr/lib/os-release": file(
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n',
    ),
    "/etc/os-release": link("../usr/lib/os-release"),
    "/usr/lib/modules/6.1.0-18-cloud-amd64/modules.dep": file(""),
    "/boot/vmlinuz-6.1.0-18-cloud-amd64": file("kernel", 0o644),
    "/boot/vmlinuz-6.1.0-9-cloud-amd64": file("kernel", 0o644),
    "/boot/grub/grub.cfg": file("set default=0\n", 0o400),
    "/var/lib/dpkg/status": file(dpkg),
    "/etc/passwd": file(passwd),
    "/etc/passwd-": file(passwd),
    "/etc/shadow": file(shadow, 0o640, SHADOW_GID),
    "/etc/shadow-": file(shadow, 0o640, SHADOW_GID),
    "/etc/group": file(group),
    "/etc/group-": file(group),
    "/etc/gshadow": file(gshadow, 0o640, SHADOW_GID),
    "/etc/gshadow-": file(gshadow, 0o640, SHADOW_GID),
    "/etc/pam.d/common-auth": file(
      [
        "auth    required                        pam_faillock.so preauth",
        "auth    [success=1 default=ignore]      pam_unix.so nullok",
        "auth    [default=die]                   pam_faillock.so authfail",
        "auth    requisite                       pam_deny.so",
        "auth    required                        pam_permit.so",
        "",
      ].join("\n"),
    ),
    "/etc/pam.d/common-password": file(
      [
        "password  requisite   pam_pwquality.so retry=3",
        "password  required    pam_pwhistory.so remember=5 use_authtok",
        "password  [success=1 default=ignore]  pam_unix.so obscure use_authtok try_first_pass yescrypt",
        "password  requisite   pam_deny.so",
        "",
      ].join("\n"),
    ),
    "/etc/pam.d/sshd": file(
      "@include common-auth\naccount required pam_nologin.so\n@include common-password\n",
    ),
    "/etc/ssh/sshd_config": file(
      [
        "Include /etc/ssh/sshd_config.d/*.conf",
        "KbdInteractiveAuthentication no",
        "UsePAM yes",
        "X11Forwarding yes",
        "PrintMotd no",
        "AcceptEnv LANG LC_*",
        "Subsystem sftp /usr/lib/openssh/sftp-server",
        "Match Address 10.0.0.0/8",
        "    PermitRootLogin yes",
        "",
      ].join("\n"),
      0o600,
    ),
    "/etc/ssh/sshd_config.d/50-cis.conf": file(CIS_SSHD, 0o600),
    "/etc/ssh/ssh_host_ed25519_key": file("-----BEGIN OPENSSH PRIVATE KEY-----\n", 0o600),
    "/etc/ssh/ssh_host_ed25519_key.pub": file("ssh-ed25519 AAAA root@host\n", 0o644),
    "/etc/ssh/ssh_host_rsa_key": file("-----BEGIN OPENSSH PRIVATE KEY-----\n", 0o600),
    "/usr/lib/sysctl.d/50-default.conf": file(
      "net.ipv4.conf.default.rp_filter = 2\nnet.ipv4.conf.*.rp_filter = 2\n-net.ipv4.conf.all.rp_filter\nkernel.core_uses_pid = 1\n",
    ),
    "/etc/rsyslog.conf": file(
      'module(load="imuxsock")\n$FileOwner root\n$FileCreateMode 0640\nauth,authpriv.*   /var/log/auth.log\n*.*;auth,authpriv.none  -/var/log/syslog\n',
    ),
    "/etc/rsyslog.d/50-default.conf": file("# defaults\n"),
    "/etc/fstab": file(
      "UUID=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0 / ext4 rw,discard,errors=remount-ro 0 1\ntmpfs /tmp tmpfs defaults,rw,nosuid,nodev,noexec,relatime 0 0\n",
    ),
    "/etc/apt/apt.conf.d/50unattended-upgrades": file(
      'Unattended-Upgrade::Origins-Pattern { "origin=Debian"; };\n',
    ),
    "/etc/apt/sources.list.d/debian.sources": file("Types: deb\nURIs: https://deb.debian.org/debian\n"),
    "/usr/lib/systemd/system/ssh.service": file("[Service]\nExecStart=/usr/sbin/sshd -D\n"),
    "/usr/lib/systemd/system/cups.service": file("[Service]\n"),
    [`${wants}/ssh.service`]: link("/lib/systemd/system/ssh.service"),
    [`${wants}/auditd.service`]: link("/lib/systemd/system/auditd.service"),
    [`${wants}/chrony.service`]: link("/lib/systemd/system/chrony.service"),
    [`${wants}/rsyslog.service`]: link("/lib/systemd/system/rsyslog.service"),
    [`${wants}/cups.service`]: link("/lib/systemd/system/cups.service"),
    "/etc/systemd/system/cups.service": link("/dev/null"),
  };
}

/** Amazon Linux 2023, hardened. `rpmdb` is the bytes of its `/var/lib/rpm/rpmdb.sqlite`. */
export function amazonLinuxHardened(rpmdb: Uint8Array): Tree {
  const passwd = [
    "root:x:0:0:Super User:/root:/bin/bash",
    "bin:x:1:1:bin:/bin:/sbin/nologin",
    "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown",
    "halt:x:7:0:halt:/sbin:/sbin/halt",
    "chrony:x:994:994:chrony system user:/var/lib/chrony:/sbin/nologin",
    "sshd:x:74:74:Privilege-separated SSH:/usr/share/empty.sshd:/usr/sbin/nologin",
    "ec2-user:x:1000:1000:EC2 Default User:/home/ec2-user:/bin/bash",
    "",
  ].join("\n");
  const shadow = [
    "root:*LOCK*:19700:1:365:7:30::",
    "bin:*:19700:1:365:7:30::",
    "shutdown:*:19700:1:365:7:30::",
    "halt:*:19700:1:365:7:30::",
    "chrony:!!:19700:1:365:7:30::",
    "sshd:!!:19700:1:365:7:30::",
    "ec2-user:!!:19700:1:365:7:30::",
    "",
  ].join("\n");
  const group = `root:x:0:\nbin:x:1:\nssh_keys:x:${SSH_KEYS_GID}:\nchrony:x:994:\nsshusers:x:1001:ec2-user\nec2-user:x:1000:\n`;
  const wants = "/etc/systemd/system/multi-user.target.wants";
  return {
    ...common(),
    "/lib": link("usr/lib"),
    "/lib64": link("usr/lib64"),
    "/sbin": link("usr/sbin"),
    "/etc/os-release": file(
      'NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\nID_LIKE="fedora"\nVERSION_ID="2023"\nPLATFORM_ID="platform:al2023"\nPRETTY_NAME="Amazon Linux 2023.4.20240528"\n',
    ),
    "/usr/lib/modules/6.1.91-99.172.amzn2023.x86_64/modules.dep": file(""),
    "/boot/vmlinuz-6.1.91-99.172.amzn2023.x86_64": file("kernel", 0o755),
    "/boot/grub2/grub.cfg": file("set default=0\n", 0o600),
    "/var/lib/rpm/rpmdb.sqlite": { type: "file", content: rpmdb, mode: 0o644 },
    "/etc/passwd": file(passwd),
    "/etc/passwd-": file(passwd),
    "/etc/shadow": file(shadow, 0o000),
    "/etc/shadow-": file(shadow, 0o000),
    "/etc/group": file(group),
    "/etc/group-": file(group),
    "/etc/gshadow": file("root:::\nssh_keys:!::\n", 0o000),
    "/etc/gshadow-": file("root:::\nssh_keys:!::\n", 0o000),
    "/etc/pam.d/system-auth": file(
      [
        "auth        required      pam_env.so",
        "auth        required      pam_faillock.so preauth silent deny=5 unlock_time=900",
        "auth        sufficient    pam_unix.so try_first_pass nullok",
        "auth        [default=die] pam_faillock.so authfail deny=5 unlock_time=900",
        "auth        required      pam_deny.so",
        "password    requisite     pam_pwquality.so local_users_only minlen=14",
        "password    required      pam_pwhistory.so use_authtok remember=5",
        "password    sufficient    pam_unix.so yescrypt shadow use_authtok",
        "-session     optional      pam_systemd.so",
        "",
      ].join("\n"),
    ),
    "/etc/pam.d/password-auth": file(
      "auth required pam_faillock.so preauth silent\nauth sufficient pam_unix.so\nauth [default=die] pam_faillock.so authfail\n",
    ),
    "/etc/ssh/sshd_config": file(
      "Include /etc/ssh/sshd_config.d/*.conf\nAuthorizedKeysFile .ssh/authorized_keys\nSubsystem sftp /usr/libexec/openssh/sftp-server\n",
      0o600,
    ),
    "/etc/ssh/sshd_config.d/40-cis.conf": file(CIS_SSHD, 0o600),
    "/etc/ssh/sshd_config.d/50-redhat.conf": file(
      "SyslogFacility AUTHPRIV\nChallengeResponseAuthentication no\n",
      0o600,
    ),
    "/etc/ssh/ssh_host_ecdsa_key": file("-----BEGIN OPENSSH PRIVATE KEY-----\n", 0o640, SSH_KEYS_GID),
    "/etc/ssh/ssh_host_ed25519_key": file("-----BEGIN OPENSSH PRIVATE KEY-----\n", 0o640, SSH_KEYS_GID),
    "/etc/dnf/dnf.conf": file("[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\n"),
    "/etc/yum.repos.d/amazonlinux.repo": file(
      "[amazonlinux]\nname=Amazon Linux 2023 repository\nenabled=1\ngpgcheck=1\n\n[amazonlinux-source]\nname=source\nenabled=0\ngpgcheck=0\n",
    ),
    "/etc/yum.repos.d/kernel-livepatch.repo": file("[kernel-livepatch]\nname=livepatch\nenabled=1\n"),
    "/usr/lib/sysctl.d/00-defaults.conf": file("kernel.printk = 8 4 1 7\nnet.ipv4.conf.all.rp_filter = 1\n"),
    [`${wants}/sshd.service`]: link("/usr/lib/systemd/system/sshd.service"),
    [`${wants}/auditd.service`]: link("/usr/lib/systemd/system/auditd.service"),
    [`${wants}/chronyd.service`]: link("/usr/lib/systemd/system/chronyd.service"),
    "/etc/systemd/system/local-fs.target.wants/tmp.mount": link("/usr/lib/systemd/system/tmp.mount"),
    "/usr/lib/systemd/system/sshd.service": file("[Service]\n"),
  };
}

/** The packages of the Amazon Linux tree's rpm database (name, epoch, version, release, arch). */
export const AMAZON_LINUX_PACKAGES: readonly (readonly [string, number | null, string, string, string])[] = [
  ["amazon-linux-repo-cdn", null, "2023.4.20240528", "1.amzn2023", "noarch"],
  ["audit", null, "3.0.6", "1.amzn2023.0.2", "x86_64"],
  ["aide", null, "0.18.6", "1.amzn2023.0.1", "x86_64"],
  ["chrony", null, "4.3", "1.amzn2023.0.4", "x86_64"],
  ["openssh-server", null, "8.7p1", "8.amzn2023.0.10", "x86_64"],
  ["kernel", null, "6.1.91", "99.172.amzn2023", "x86_64"],
  ["bash", null, "5.2.15", "1.amzn2023.0.2", "x86_64"],
  ["shadow-utils", 2, "4.9", "12.amzn2023.0.4", "x86_64"],
  ["gpg-pubkey", null, "d832c631", "63bfd53b", "(none)"],
];
