import { fail, pass } from "../check.ts";
import { fileProblem, gidsOf, listed, octal, osCheck } from "./common.ts";

/** Owner and mode of the account databases, cron and the boot loader; world-writable files (CIS DIL 1.1, 1.4, 5.1, 6.1). */

function filesCheck(options: {
  id: string;
  title: string;
  severity: "high" | "medium" | "low";
  paths: readonly string[];
  max: number;
  /** Group names accepted besides root (gid 0). */
  groups?: readonly string[];
  rationale: string;
  remediation: string;
  cisLinux: readonly string[];
}) {
  return osCheck({
    id: options.id,
    title: options.title,
    severity: options.severity,
    reads: options.groups ? ["files", "groups"] : ["files"],
    rationale: options.rationale,
    remediation: options.remediation,
    cisLinux: options.cisLinux,
    evaluate: ({ config }) => {
      const present = options.paths.filter((p) => config.files[p]);
      if (present.length === 0) return undefined;
      const gids = options.groups ? gidsOf(config, options.groups) : [0];
      const problems = present
        .map((p) => fileProblem(p, config.files[p], options.max, gids))
        .filter((p): p is string => p !== undefined);
      if (problems.length > 0) return fail(listed(problems, problems.length, 1));
      return pass(`${listed(present, present.length, 2)} at most ${octal(options.max)}, owned by root`);
    },
  });
}

export const passwdPermissions = filesCheck({
  id: "vigil.os.passwd-permissions",
  title: "/etc/passwd and its backup should be root:root 0644 or stricter",
  severity: "medium",
  paths: ["/etc/passwd", "/etc/passwd-"],
  max: 0o644,
  rationale: "Whoever can write /etc/passwd can create accounts or make themselves root.",
  remediation: "chown root:root /etc/passwd /etc/passwd- && chmod 0644 /etc/passwd /etc/passwd-",
  cisLinux: ["6.1.2", "6.1.6"],
});

export const shadowPermissions = filesCheck({
  id: "vigil.os.shadow-permissions",
  title: "/etc/shadow and its backup should be root-owned, group root or shadow, 0640 or stricter",
  severity: "high",
  paths: ["/etc/shadow", "/etc/shadow-"],
  max: 0o640,
  groups: ["shadow"],
  rationale: "The shadow file holds the password hashes: readable, they can be cracked offline.",
  remediation:
    "chown root:shadow /etc/shadow /etc/shadow- (root:root on Red Hat-likes) && chmod 0640 /etc/shadow /etc/shadow-",
  cisLinux: ["6.1.3", "6.1.7"],
});

export const groupPermissions = filesCheck({
  id: "vigil.os.group-permissions",
  title: "/etc/group and its backup should be root:root 0644 or stricter",
  severity: "medium",
  paths: ["/etc/group", "/etc/group-"],
  max: 0o644,
  rationale: "Whoever can write /etc/group can add themselves to any group, sudo and wheel included.",
  remediation: "chown root:root /etc/group /etc/group- && chmod 0644 /etc/group /etc/group-",
  cisLinux: ["6.1.4", "6.1.8"],
});

export const gshadowPermissions = filesCheck({
  id: "vigil.os.gshadow-permissions",
  title: "/etc/gshadow and its backup should be root-owned, group root or shadow, 0640 or stricter",
  severity: "medium",
  paths: ["/etc/gshadow", "/etc/gshadow-"],
  max: 0o640,
  groups: ["shadow"],
  rationale: "gshadow holds group passwords and administrators.",
  remediation: "chown root:shadow /etc/gshadow /etc/gshadow- && chmod 0640 /etc/gshadow /etc/gshadow-",
  cisLinux: ["6.1.5", "6.1.9"],
});

export const cronPermissions = osCheck({
  id: "vigil.os.cron-permissions",
  title: "/etc/crontab should be root:root 0600 and the cron directories root:root 0700",
  severity: "medium",
  reads: ["files"],
  rationale:
    "Jobs in these files run as root: whoever can write or read them can take over or learn the system.",
  remediation:
    "chown root:root /etc/crontab /etc/cron.* && chmod 0600 /etc/crontab && chmod 0700 /etc/cron.d /etc/cron.hourly /etc/cron.daily /etc/cron.weekly /etc/cron.monthly",
  cisLinux: ["5.1.2", "5.1.3", "5.1.4", "5.1.5", "5.1.6", "5.1.7"],
  evaluate: ({ config }) => {
    const targets: [string, number][] = [
      ["/etc/crontab", 0o600],
      ["/etc/cron.hourly", 0o700],
      ["/etc/cron.daily", 0o700],
      ["/etc/cron.weekly", 0o700],
      ["/etc/cron.monthly", 0o700],
      ["/etc/cron.d", 0o700],
    ];
    const present = targets.filter(([p]) => config.files[p]);
    if (present.length === 0) return undefined;
    const problems = present
      .map(([p, max]) => fileProblem(p, config.files[p], max))
      .filter((p): p is string => p !== undefined);
    return problems.length > 0
      ? fail(listed(problems, problems.length, 1))
      : pass(`${present.length} cron files and directories restricted to root`);
  },
});

export const bootloaderConfigPermissions = filesCheck({
  id: "vigil.os.bootloader-config-permissions",
  title: "The GRUB configuration should be root:root 0600 or stricter",
  severity: "medium",
  paths: ["/boot/grub/grub.cfg", "/boot/grub2/grub.cfg"],
  max: 0o600,
  rationale: "The boot configuration can disable security modules or hold the boot password's hash.",
  remediation: "chown root:root /boot/grub*/grub.cfg && chmod 0600 /boot/grub*/grub.cfg",
  cisLinux: ["1.4.1"],
});

export const noWorldWritableFiles = osCheck({
  id: "vigil.os.no-world-writable-files",
  title: "No regular file should be writable by everyone",
  severity: "medium",
  reads: ["worldWritable"],
  rationale: "A world-writable file can be changed by any local user or compromised service.",
  remediation: "chmod o-w on each file listed (find / -xdev -type f -perm -0002).",
  cisLinux: ["6.1.10"],
  evaluate: ({ config }) => {
    const w = config.worldWritable;
    return w.fileCount > 0
      ? fail(`${w.fileCount} world-writable file(s): ${listed(w.files, w.fileCount, 2)}`)
      : pass(`none among ${w.entries} entries`);
  },
});

export const worldWritableDirsSticky = osCheck({
  id: "vigil.os.world-writable-dirs-sticky",
  title: "Every world-writable directory should have the sticky bit",
  severity: "medium",
  reads: ["worldWritable"],
  rationale: "Without the sticky bit anyone can delete or replace other users' files in a shared directory.",
  remediation: "chmod +t on each directory listed (find / -xdev -type d -perm -0002 ! -perm -1000).",
  cisLinux: ["1.1.21"],
  evaluate: ({ config }) => {
    const w = config.worldWritable;
    return w.dirsWithoutStickyCount > 0
      ? fail(
          `${w.dirsWithoutStickyCount} without sticky bit: ${listed(w.dirsWithoutSticky, w.dirsWithoutStickyCount, 2)}`,
        )
      : pass("every world-writable directory is sticky");
  },
});

export const FILE_CHECKS = [
  passwdPermissions,
  shadowPermissions,
  groupPermissions,
  gshadowPermissions,
  cronPermissions,
  bootloaderConfigPermissions,
  noWorldWritableFiles,
  worldWritableDirsSticky,
];
