import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/**
 * What the EBS scanner read from an instance's root filesystem (a snapshot of its volumes mounted
 * read-only). Each field comes from the files listed in `OS_FACT_SOURCES` (src/os/facts.ts); when
 * one of them could not be read the field is absent and listed in `unread`, so a check that needs
 * it is `error` naming the file. Password hashes and file contents never appear: only facts.
 */

const fileInfoSchema = lazySchema(() =>
  z.object({
    kind: z.enum(["file", "dir", "symlink", "other"]),
    /** Permission bits with setuid/setgid/sticky. */
    mode: z.number().int().min(0).max(0o7777),
    uid: z.number().int().nonnegative(),
    gid: z.number().int().nonnegative(),
  }),
);
export type OsFileInfo = z.infer<typeof fileInfoSchema>;

const keyValues = lazySchema(() => z.record(z.string(), z.string()));
const days = lazySchema(() => z.number().int().nullable());

export const packageSchema = lazySchema(() =>
  z.object({
    name: z.string().min(1),
    version: z.string().min(1),
    arch: z.string().nullable(),
  }),
);

export const instanceOsSchema = assetSchemaOf("aws.ec2.instance-os", () =>
  z.object({
    instanceId: z.string(),
    /** `/etc/os-release` (or `/usr/lib/os-release`); null when neither exists (no OS root on the volume). */
    os: z
      .object({
        id: z.string(),
        idLike: z.array(z.string()),
        name: z.string(),
        versionId: z.string().nullable(),
        prettyName: z.string(),
      })
      .nullable(),
    /** Installed kernels (`/lib/modules/*`, `/boot/vmlinuz-*`), highest version last. */
    kernels: z.array(z.string()),
    /** From the package manager's database; null when the root has none of the known ones. */
    packages: z.object({ manager: z.enum(["dpkg", "rpm", "apk"]), items: z.array(packageSchema) }).nullable(),
    accounts: z.array(
      z.object({
        name: z.string(),
        uid: z.number().int(),
        gid: z.number().int(),
        home: z.string(),
        shell: z.string(),
        passwordField: z.enum(["shadowed", "empty", "other"]),
      }),
    ),
    /** `/etc/shadow` without the hashes; null when the file does not exist. */
    shadow: z
      .array(
        z.object({
          name: z.string(),
          password: z.enum(["empty", "locked", "hash"]),
          algorithm: z.string().nullable(),
          lastChange: days,
          minDays: days,
          maxDays: days,
          warnDays: days,
          inactiveDays: days,
        }),
      )
      .nullable(),
    groups: z.array(z.object({ name: z.string(), gid: z.number().int(), members: z.array(z.string()) })),
    /** `/etc/login.defs`; null when absent. */
    loginDefs: keyValues.nullable(),
    /** `/etc/default/useradd`; null when absent. */
    useraddDefaults: keyValues.nullable(),
    /** `/etc/security/pwquality.conf` then `pwquality.conf.d/*.conf` (later wins); null when neither exists. */
    pwquality: keyValues.nullable(),
    /** `/etc/security/faillock.conf`; null when absent. */
    faillock: keyValues.nullable(),
    /** The PAM stacks of `/etc/pam.d` that the account checks read. */
    pam: z.array(
      z.object({
        service: z.string(),
        type: z.string(),
        control: z.string(),
        module: z.string(),
        args: z.array(z.string()),
        optional: z.boolean(),
      }),
    ),
    /**
     * sshd's global settings from `/etc/ssh/sshd_config` and its `Include`s: the first value of each
     * keyword (lower case) outside `Match` blocks, as sshd takes it; null when there is no sshd_config.
     */
    sshd: z
      .object({
        settings: keyValues,
        /** AllowUsers, AllowGroups, DenyUsers, DenyGroups lines (these accumulate). */
        accessLists: z.array(z.string()),
      })
      .nullable(),
    /** Private host keys `/etc/ssh/ssh_host_*_key`. */
    sshHostKeys: z.array(z.object({ path: z.string(), info: fileInfoSchema })),
    /** Owner and mode of the sensitive files the checks name (null: absent). */
    files: z.record(z.string(), fileInfoSchema.nullable()),
    /** A walk of the filesystem (not /proc, /sys, /dev, /run). */
    worldWritable: z.object({
      /** World-writable regular files (the first 20) and how many. */
      files: z.array(z.string()),
      fileCount: z.number().int().nonnegative(),
      /** World-writable directories without the sticky bit (the first 20) and how many. */
      dirsWithoutSticky: z.array(z.string()),
      dirsWithoutStickyCount: z.number().int().nonnegative(),
      entries: z.number().int().nonnegative(),
    }),
    /** Assignments of every sysctl.d file in the order systemd-sysctl applies them (last wins). */
    sysctl: z.array(z.object({ key: z.string(), value: z.string(), source: z.string() })),
    /** `/etc/audit/auditd.conf`; null when absent. */
    auditd: keyValues.nullable(),
    /** Rules in `/etc/audit/rules.d/*.rules` and `/etc/audit/audit.rules`. */
    auditRules: z.number().int().nonnegative(),
    /** `[Journal]` of journald.conf and its drop-ins (later wins). */
    journald: keyValues,
    /** rsyslog's configuration, null when `/etc/rsyslog.conf` is absent. */
    rsyslog: z.object({ fileCreateMode: z.string().nullable(), hasRules: z.boolean() }).nullable(),
    /** systemd units enabled (`*.wants`/`*.requires` links in /etc and /usr/lib) and masked (linked to /dev/null). */
    services: z.object({ enabled: z.array(z.string()), masked: z.array(z.string()) }),
    /** `/etc/fstab`; null when absent. */
    fstab: z
      .array(
        z.object({ spec: z.string(), file: z.string(), vfstype: z.string(), options: z.array(z.string()) }),
      )
      .nullable(),
    /** Signature checking of package sources: dnf/yum `gpgcheck` (main and each repo), apt's AllowUnauthenticated. */
    packageSigning: z.object({
      /** Package tools configured on the disk (`/etc/dnf/dnf.conf`, `/etc/yum.conf`, `/etc/apt`). */
      tools: z.array(z.enum(["dnf", "yum", "apt"])),
      mainGpgcheck: z.string().nullable(),
      reposWithoutGpgcheck: z.array(z.string()),
      aptAllowUnauthenticated: z.boolean(),
    }),
    /** The hard `core` limit for every user (limits.conf and limits.d), null when unset. */
    coreDumpHardLimit: z.string().nullable(),
  }),
);

export type InstanceOsConfig = z.infer<typeof instanceOsSchema>["config"];

/** The ARN an instance's OS is reported under: the instance's, with `/os` (its API asset keeps the bare ARN). */
export function instanceOsArn(target: { accountId: string; region: string; instanceId: string }): string {
  return `arn:aws:ec2:${target.region}:${target.accountId}:instance/${target.instanceId}/os`;
}
