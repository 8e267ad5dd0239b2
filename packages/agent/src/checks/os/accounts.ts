import { fail, pass } from "../check.ts";
import { listed, type OsConfig, osCheck } from "./common.ts";

/** Password policy and accounts (CIS DIL 5.3, 5.4, 6.2): login.defs, useradd defaults, PAM, passwd and shadow. */

function loginDef(config: Pick<OsConfig, "loginDefs">, key: string): number | undefined {
  const raw = config.loginDefs?.[key];
  return raw !== undefined && /^-?\d+$/.test(raw.trim()) ? Number(raw) : undefined;
}

/** Accounts that can log in with a password (a usable hash in shadow). */
function withPasswords(config: Pick<OsConfig, "shadow">): NonNullable<OsConfig["shadow"]> {
  return (config.shadow ?? []).filter((s) => s.password === "hash");
}

/**
 * A login.defs ageing default plus every password account's own value in shadow (login.defs only
 * applies to accounts created after it was set). `ok` judges a number; a missing value fails.
 */
function ageingCheck(options: {
  id: string;
  title: string;
  key: "PASS_MAX_DAYS" | "PASS_MIN_DAYS" | "PASS_WARN_AGE";
  field: "maxDays" | "minDays" | "warnDays";
  ok: (n: number) => boolean;
  want: string;
  rationale: string;
  remediation: string;
  cisLinux: string;
}) {
  return osCheck({
    id: options.id,
    title: options.title,
    severity: "medium",
    reads: ["loginDefs", "shadow"],
    rationale: options.rationale,
    remediation: options.remediation,
    cisLinux: [options.cisLinux],
    evaluate: ({ config }) => {
      const value = loginDef(config, options.key);
      if (value === undefined || !options.ok(value))
        return fail(
          value === undefined
            ? `${options.key} is not set in /etc/login.defs`
            : `${options.key} is ${value} (want ${options.want})`,
        );
      const bad = withPasswords(config).filter(
        (s) => s[options.field] === null || !options.ok(s[options.field] as number),
      );
      if (bad.length > 0)
        return fail(
          `${bad.length} account(s) with other ageing in shadow: ${listed(
            bad.map((s) => s.name),
            bad.length,
            2,
          )}`,
        );
      return pass(`${options.key} ${value}, and every password account agrees`);
    },
  });
}

export const passwordMaxDays = ageingCheck({
  id: "vigil.os.password-max-days",
  title: "Passwords should expire within 365 days",
  key: "PASS_MAX_DAYS",
  field: "maxDays",
  ok: (n) => n > 0 && n <= 365,
  want: "1–365",
  rationale:
    "A password that never expires stays useful to whoever learned it, for as long as the account lives.",
  remediation:
    "Set PASS_MAX_DAYS 365 in /etc/login.defs and chage --maxdays 365 <user> for existing accounts.",
  cisLinux: "5.4.1.1",
});

export const passwordMinDays = ageingCheck({
  id: "vigil.os.password-min-days",
  title: "Passwords should not be changeable more than once a day",
  key: "PASS_MIN_DAYS",
  field: "minDays",
  ok: (n) => n >= 1,
  want: "1 or more",
  rationale: "Without a minimum age a user can cycle through passwords to reuse an old one at once.",
  remediation: "Set PASS_MIN_DAYS 1 in /etc/login.defs and chage --mindays 1 <user> for existing accounts.",
  cisLinux: "5.4.1.2",
});

export const passwordWarnAge = ageingCheck({
  id: "vigil.os.password-warn-age",
  title: "Users should be warned at least 7 days before their password expires",
  key: "PASS_WARN_AGE",
  field: "warnDays",
  ok: (n) => n >= 7,
  want: "7 or more",
  rationale: "A warning lets users choose a new password in time instead of a hurried, weak one.",
  remediation: "Set PASS_WARN_AGE 7 in /etc/login.defs and chage --warndays 7 <user> for existing accounts.",
  cisLinux: "5.4.1.3",
});

export const passwordInactiveLock = osCheck({
  id: "vigil.os.password-inactive-lock",
  title: "Accounts should lock 30 days or less after their password expires",
  severity: "medium",
  reads: ["useraddDefaults", "shadow"],
  rationale: "Accounts nobody uses any more should stop working on their own.",
  remediation: "useradd -D -f 30, and chage --inactive 30 <user> for existing accounts.",
  cisLinux: ["5.4.1.4"],
  evaluate: ({ config }) => {
    const raw = config.useraddDefaults?.INACTIVE;
    const value = raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    if (value === undefined || value < 0 || value > 30)
      return fail(
        value === undefined ? "INACTIVE is not set in /etc/default/useradd" : `INACTIVE is ${value}`,
      );
    const bad = withPasswords(config).filter(
      (s) => s.inactiveDays === null || s.inactiveDays < 0 || s.inactiveDays > 30,
    );
    if (bad.length > 0)
      return fail(
        `${bad.length} account(s) never lock when inactive: ${listed(
          bad.map((s) => s.name),
          bad.length,
          2,
        )}`,
      );
    return pass(`inactive accounts lock after ${value} days`);
  },
});

const STRONG_HASHES = new Set(["sha512", "yescrypt", "gost-yescrypt", "bcrypt", "scrypt"]);

export const passwordHashingStrong = osCheck({
  id: "vigil.os.password-hashing-strong",
  title: "Passwords should be hashed with SHA-512 or yescrypt",
  severity: "medium",
  reads: ["loginDefs", "shadow"],
  rationale: "MD5, DES and SHA-256 crypt hashes are cracked far faster from a stolen shadow file.",
  remediation:
    "Set ENCRYPT_METHOD SHA512 (or YESCRYPT) in /etc/login.defs and have users change weakly hashed passwords.",
  cisLinux: ["5.3.4"],
  evaluate: ({ config }) => {
    const method = config.loginDefs?.ENCRYPT_METHOD?.toUpperCase();
    if (method !== "SHA512" && method !== "YESCRYPT")
      return fail(
        method === undefined ? "ENCRYPT_METHOD is not set in /etc/login.defs" : `ENCRYPT_METHOD is ${method}`,
      );
    const weak = (config.shadow ?? []).filter((s) => s.algorithm !== null && !STRONG_HASHES.has(s.algorithm));
    if (weak.length > 0)
      return fail(
        `${weak.length} password(s) hashed with ${listed([...new Set(weak.map((s) => s.algorithm as string))], undefined, 2)}`,
      );
    return pass(`ENCRYPT_METHOD ${method}; no weak hash in shadow`);
  },
});

function pamArg(line: { args: string[] }, name: string): string | undefined {
  const prefix = `${name}=`;
  return line.args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

export const passwordMinLength = osCheck({
  id: "vigil.os.password-min-length",
  title: "New passwords should be at least 14 characters (pam_pwquality)",
  severity: "medium",
  reads: ["pwquality", "pam"],
  rationale: "Length is what makes a password resist guessing; short ones fall to offline cracking quickly.",
  remediation:
    "Set minlen = 14 in /etc/security/pwquality.conf and use pam_pwquality.so in the password stack.",
  cisLinux: ["5.3.1"],
  evaluate: ({ config }) => {
    const pwquality = config.pam.filter(
      (l) => l.type === "password" && l.module.endsWith("pam_pwquality.so"),
    );
    const fromPam = pwquality.map((l) => pamArg(l, "minlen")).find((v) => v !== undefined);
    const raw = fromPam ?? config.pwquality?.minlen;
    if (raw === undefined) return fail("minlen is not set for pam_pwquality");
    const n = Number(raw);
    return Number.isInteger(n) && n >= 14 ? pass(`minlen is ${n}`) : fail(`minlen is ${raw}`);
  },
});

export const passwordLockout = osCheck({
  id: "vigil.os.password-lockout",
  title: "Accounts should lock after at most 5 failed logins (pam_faillock)",
  severity: "medium",
  reads: ["pam", "faillock"],
  rationale: "Without a lockout, passwords can be guessed online at the speed of the login service.",
  remediation:
    "Add pam_faillock.so (preauth and authfail) to the auth stack and set deny = 5 in /etc/security/faillock.conf.",
  cisLinux: ["5.3.2"],
  evaluate: ({ config }) => {
    const lines = config.pam.filter(
      (l) =>
        l.type === "auth" && (l.module.endsWith("pam_faillock.so") || l.module.endsWith("pam_tally2.so")),
    );
    if (lines.length === 0) return fail("no pam_faillock (or pam_tally2) in the auth stack");
    const raw =
      lines.map((l) => pamArg(l, "deny")).find((v) => v !== undefined) ?? config.faillock?.deny ?? "3";
    const n = Number(raw);
    return Number.isInteger(n) && n >= 1 && n <= 5
      ? pass(`accounts lock after ${n} failures`)
      : fail(`deny is ${raw}`);
  },
});

export const passwordReuseLimited = osCheck({
  id: "vigil.os.password-reuse-limited",
  title: "Users should not be able to reuse their last 5 passwords",
  severity: "low",
  reads: ["pam"],
  rationale: "Reusing passwords undoes expiry: a leaked password comes back into use.",
  remediation: "Add remember=5 to pam_pwhistory.so (or pam_unix.so) in the password stack.",
  cisLinux: ["5.3.3"],
  evaluate: ({ config }) => {
    const remember = config.pam
      .filter((l) => l.type === "password" && /pam_(pwhistory|unix)\.so$/.test(l.module))
      .map((l) => Number(pamArg(l, "remember")))
      .filter((n) => Number.isInteger(n));
    const best = remember.length > 0 ? Math.max(...remember) : undefined;
    return best !== undefined && best >= 5
      ? pass(`the last ${best} passwords are remembered`)
      : fail(best === undefined ? "no remember= in the password stack" : `remember=${best}`);
  },
});

export const accountsNoEmptyPasswords = osCheck({
  id: "vigil.os.accounts-no-empty-passwords",
  title: "No account should have an empty password",
  severity: "critical",
  reads: ["accounts", "shadow"],
  rationale: "An empty password lets anyone log in as that account wherever passwords are accepted.",
  remediation: "passwd -l <user> (or set a password) for each account with an empty password field.",
  cisLinux: ["6.2.1"],
  evaluate: ({ config }) => {
    const empty = [
      ...config.accounts.filter((a) => a.passwordField === "empty").map((a) => a.name),
      ...(config.shadow ?? []).filter((s) => s.password === "empty").map((s) => s.name),
    ];
    const names = [...new Set(empty)];
    return names.length > 0
      ? fail(`empty password: ${listed(names, names.length, 3)}`)
      : pass(`${config.accounts.length} accounts, none with an empty password`);
  },
});

export const accountsPasswordsShadowed = osCheck({
  id: "vigil.os.accounts-passwords-shadowed",
  title: "Every account in /etc/passwd should keep its password in /etc/shadow",
  severity: "high",
  reads: ["accounts"],
  rationale: "/etc/passwd is world-readable: a hash there can be copied and cracked by any user.",
  remediation: "Run pwconv to move the password hashes into /etc/shadow.",
  cisLinux: ["6.2.2"],
  evaluate: ({ config }) => {
    const bad = config.accounts.filter((a) => a.passwordField === "other").map((a) => a.name);
    return bad.length > 0
      ? fail(`not shadowed: ${listed(bad, bad.length, 3)}`)
      : pass("every password is in /etc/shadow");
  },
});

export const accountsOnlyRootUid0 = osCheck({
  id: "vigil.os.accounts-only-root-uid-0",
  title: "root should be the only account with UID 0",
  severity: "critical",
  reads: ["accounts"],
  rationale: "Any UID 0 account is root under another name, outside root's controls and logs.",
  remediation: "Remove the extra UID 0 accounts or give them their own UID.",
  cisLinux: ["6.2.5"],
  evaluate: ({ config }) => {
    const others = config.accounts.filter((a) => a.uid === 0 && a.name !== "root").map((a) => a.name);
    return others.length > 0
      ? fail(`UID 0 besides root: ${listed(others, others.length, 3)}`)
      : pass("only root has UID 0");
  },
});

const NO_LOGIN_SHELLS = /(^|\/)(nologin|false)$/;
const SYSTEM_ACCOUNT_EXCEPTIONS = new Set(["root", "sync", "shutdown", "halt"]);

export const systemAccountsNoLogin = osCheck({
  id: "vigil.os.system-accounts-no-login",
  title: "System accounts should have no login shell",
  severity: "medium",
  reads: ["accounts", "loginDefs"],
  rationale: "Service accounts with a shell can be logged into if their password or keys leak.",
  remediation: "usermod -s /usr/sbin/nologin <account> for each system account (UID below UID_MIN).",
  cisLinux: ["5.4.2"],
  evaluate: ({ config }) => {
    const uidMin = loginDef(config, "UID_MIN") ?? 1000;
    const bad = config.accounts
      .filter(
        (a) =>
          a.uid < uidMin &&
          !SYSTEM_ACCOUNT_EXCEPTIONS.has(a.name) &&
          !NO_LOGIN_SHELLS.test(a.shell) &&
          a.shell !== "",
      )
      .map((a) => a.name);
    return bad.length > 0
      ? fail(`system accounts with a shell: ${listed(bad, bad.length, 3)}`)
      : pass(`no system account (UID < ${uidMin}) has a login shell`);
  },
});

export const rootDefaultGroup = osCheck({
  id: "vigil.os.root-default-group",
  title: "root's primary group should be GID 0",
  severity: "low",
  reads: ["accounts"],
  rationale: "Files root creates get its primary group: any other group would gain access to them.",
  remediation: "Run usermod -g 0 root so files root creates belong to group root.",
  cisLinux: ["5.4.3"],
  evaluate: ({ config }) => {
    const root = config.accounts.find((a) => a.name === "root");
    if (!root) return fail("no root account in /etc/passwd");
    return root.gid === 0 ? pass("root's group is GID 0") : fail(`root's group is GID ${root.gid}`);
  },
});

export const ACCOUNT_CHECKS = [
  passwordMaxDays,
  passwordMinDays,
  passwordWarnAge,
  passwordInactiveLock,
  passwordHashingStrong,
  passwordMinLength,
  passwordLockout,
  passwordReuseLimited,
  accountsNoEmptyPasswords,
  accountsPasswordsShadowed,
  accountsOnlyRootUid0,
  systemAccountsNoLogin,
  rootDefaultGroup,
];
