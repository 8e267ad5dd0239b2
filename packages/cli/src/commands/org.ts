import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { accountIdSchema, organizationIdSchema, regionSchema } from "@vigil/events";
import { Command, CommanderError } from "commander";
import { newTable } from "../report/table.ts";
import { adminTokenFor, defaultAdminTokenFile, writeSecretFile } from "../secrets/admin-token.ts";
import { pointUsageAtOwnHelp, wholeNumber } from "./arguments.ts";
import { UsageError } from "./scan-source.ts";

/**
 * `vigil org`: an organization integration at a running platform, administered from a terminal —
 * register the organization and get its enrollment secret, issue and revoke secrets, list members
 * and their status, scan or update one account or all, follow an organization-wide scan. It speaks
 * the platform's admin API (`Authorization: Bearer <admin token>`); the token comes from
 * `VIGIL_ADMIN_TOKEN` or a file, never from argv, and an enrollment secret goes to a file only its
 * owner can read, never to the terminal.
 */

export interface OrgIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Record<string, string | undefined>;
  readonly fetch?: typeof fetch;
  /** Between polls of `scan --wait` (tests shorten it). */
  readonly pollMs?: number;
}

interface GlobalOptions {
  platformUrl?: string;
  adminTokenFile?: string;
  format?: string;
}

/** An answer of the platform that is not a success: its status and `{error: {code, message}}`. */
export class PlatformAnswerError extends Error {
  override readonly name = "PlatformAnswerError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

class AdminApi {
  constructor(
    readonly url: string,
    readonly token: string,
    readonly doFetch: typeof fetch,
  ) {}

  async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await this.doFetch(`${this.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new PlatformAnswerError(
        0,
        "unreachable",
        `could not reach the platform at ${this.url} (${(error as Error).message}); check --platform-url / VIGIL_PLATFORM_URL`,
      );
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new PlatformAnswerError(
        res.status,
        error?.code ?? "http_error",
        `${method} ${path} answered ${res.status}${error?.code ? ` ${error.code}` : ""}: ${error?.message ?? text.slice(0, 200)}`,
      );
    }
    if (parsed === undefined)
      throw new PlatformAnswerError(res.status, "not_json", `${method} ${path} answered something not JSON`);
    return parsed as T;
  }
}

function accountsOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const accounts = value.split(",").map((a) => a.trim());
  const bad = accounts.filter((a) => !/^\d{12}$/.test(a));
  if (bad.length > 0)
    throw new UsageError(`--accounts takes 12-digit account ids, comma-separated; not: ${bad.join(", ")}`);
  return accounts;
}

/**
 * `create`'s values, checked with the contracts' own schemas before anything is sent: a typo is a
 * usage error (exit 64) naming each bad option and what it takes, not a round trip to a 400.
 */
function organizationOf(o: Record<string, string | undefined>) {
  const checks = [
    ["--organization-id", o.organizationId, organizationIdSchema],
    ["--home-region", o.homeRegion, regionSchema],
    ["--management-account", o.managementAccount, accountIdSchema],
  ] as const;
  const bad: string[] = [];
  for (const [option, value, schema] of checks) {
    const parsed = value === undefined ? undefined : schema.safeParse(value);
    if (parsed?.success === false)
      bad.push(`${option} takes ${parsed.error.issues[0]?.message}, not "${value}"`);
  }
  if (bad.length > 0) throw new UsageError(bad.join("; "));
  return {
    organizationId: o.organizationId,
    homeRegion: o.homeRegion,
    ...(o.managementAccount ? { managementAccountId: o.managementAccount } : {}),
  };
}

/**
 * What to type next, for the platform's refusals that name an API route: the same step as a
 * `vigil org` command.
 */
function nextStep(error: PlatformAnswerError): string | undefined {
  const id = /\b(org-[a-z0-9]+)\b/.exec(error.message)?.[1];
  switch (error.code) {
    case "organization_not_found":
      return "list the organizations with `vigil org list`";
    case "organization_exists":
      return id ? `issue a new enrollment secret with \`vigil org secret ${id}\`` : undefined;
    case "admin_token_invalid":
      return "give the platform's admin token: VIGIL_ADMIN_TOKEN or --admin-token-file <path>";
    case "no_active_members":
      return id ? `see the members' status with \`vigil org show ${id}\`` : undefined;
    default:
      return undefined;
  }
}

/** The admin API the global options name; checks them all first (a bad one sends nothing). */
function apiOf(options: GlobalOptions, io: OrgIo): AdminApi {
  format(options);
  const url = (options.platformUrl ?? io.env.VIGIL_PLATFORM_URL)?.replace(/\/+$/, "");
  if (!url) throw new UsageError("give the platform's URL: --platform-url <url> or VIGIL_PLATFORM_URL");
  if (!/^https?:\/\//.test(url)) throw new UsageError(`--platform-url must be an http(s) URL, got "${url}"`);
  const file =
    options.adminTokenFile ?? (existsSync(defaultAdminTokenFile()) ? defaultAdminTokenFile() : undefined);
  if (!io.env.VIGIL_ADMIN_TOKEN?.trim() && file === undefined)
    throw new UsageError(
      `no admin token: set VIGIL_ADMIN_TOKEN, or --admin-token-file <path> (default ${defaultAdminTokenFile()})`,
    );
  const { token } = adminTokenFor({ env: io.env, ...(file === undefined ? {} : { file }) });
  return new AdminApi(url, token, io.fetch ?? fetch);
}

function format(options: GlobalOptions): "table" | "json" {
  const f = options.format ?? "table";
  if (f !== "table" && f !== "json") throw new UsageError(`--format must be table or json, got "${f}"`);
  return f;
}

interface SecretAnswer {
  organizationIntegrationId: string;
  secretId: string;
  enrollmentSecret: string;
  expiresAt: string;
}

/** Writes the secret to its 0600 file; what is printed names the file, never the secret. */
function keepSecret(answer: SecretAnswer, file: string | undefined) {
  const path =
    file ??
    join(homedir(), ".vigil", `enrollment-secret-${answer.organizationIntegrationId}-${answer.secretId}`);
  writeSecretFile(path, `${answer.enrollmentSecret}\n`);
  const { enrollmentSecret: _, ...shown } = answer;
  return { ...shown, secretFile: path };
}

interface OrganizationView {
  organization: {
    organizationIntegrationId: string;
    organizationId: string;
    homeRegion: string;
    secrets: { secretId: string; issuedAt: string; expiresAt: string; status: string }[];
  };
  members: { accountId?: string; integrationId: string; status: string; lastSeenAt?: string | null }[];
  rollup: {
    byAccount: {
      accountId: string;
      status: string;
      assets: number;
      failed: number;
      failedBySeverity: Record<string, number>;
    }[];
  };
}

interface ScanProgress {
  scanId: string;
  done: boolean;
  byStatus: Record<string, number>;
  accounts: {
    accountId: string;
    status: string;
    shards: { completed: number; total: number | null };
    assets: number;
  }[];
}

/** `2 completed, 3 running` */
function statusCounts(p: ScanProgress): string {
  return Object.entries(p.byStatus)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
}

function progressTable(p: ScanProgress): string {
  const table = newTable({ head: ["Account", "Status", "Shards", "Assets"] });
  for (const a of p.accounts)
    table.push([a.accountId, a.status, `${a.shards.completed}/${a.shards.total ?? "?"}`, a.assets]);
  return `${table.toString()}\nscan ${p.scanId}: ${p.done ? "done" : "running"} (${statusCounts(p)})\n`;
}

const ORG_DESCRIPTION =
  "Administer an organization integration at a running platform: enrollment secrets, members, scans";

/** The `org` command tree; every action writes to `io` and sets `result.code`. */
function orgCommand(io: OrgIo, result: { code: number }): Command {
  const org = new Command("org")
    .description(ORG_DESCRIPTION)
    .option("--platform-url <url>", "the platform's URL (default: VIGIL_PLATFORM_URL)")
    .option(
      "--admin-token-file <path>",
      `file holding the admin token (default: VIGIL_ADMIN_TOKEN, else ${defaultAdminTokenFile()})`,
    )
    .option("--format <format>", "table (default) or json")
    .showHelpAfterError("(run `vigil org --help` for usage)")
    .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) });
  const globals = () => org.opts<GlobalOptions>();
  const out = (text: string) => io.stdout.write(text);
  const json = (value: unknown) => out(`${JSON.stringify(value, null, 2)}\n`);

  org
    .command("create")
    .description(
      "Register an AWS Organization at the platform and write its first enrollment secret to a file",
    )
    .requiredOption("--organization-id <id>", "the AWS Organization's id (o-…)")
    .requiredOption("--home-region <region>", "where the member stacks' StackSet is deployed")
    .option("--management-account <id>", "the management account's 12-digit id")
    .option("--valid-for-days <days>", "the secret's lifetime (1–366, default 90)", wholeNumber(1, 366))
    .option("--secret-file <path>", "where to write the secret (0600; default ~/.vigil/enrollment-secret-…)")
    .action(async (o: Record<string, string | undefined> & { validForDays?: number }) => {
      const organization = organizationOf(o);
      const api = apiOf(globals(), io);
      const days = o.validForDays;
      const answer = await api.call<SecretAnswer & { organizationId: string; homeRegion: string }>(
        "POST",
        "/admin/organizations",
        { ...organization, enrollmentSecret: days === undefined ? {} : { validForDays: days } },
      );
      const kept = keepSecret(answer, o.secretFile);
      if (format(globals()) === "json") json(kept);
      else
        out(
          `Organization ${answer.organizationId} is integration ${answer.organizationIntegrationId}.\n` +
            `Enrollment secret ${answer.secretId} (expires ${answer.expiresAt}) written to ${kept.secretFile}.\n` +
            `Deploy the organization template with IntegrationId=${answer.organizationIntegrationId}, ` +
            `OrganizationId=${answer.organizationId} and EnrollmentSecret=<the file's content>.\n`,
        );
    });

  org
    .command("secret")
    .description("Issue a new enrollment secret (e.g. before the current one expires) and write it to a file")
    .argument("<organization-integration-id>")
    .option("--valid-for-days <days>", "lifetime (1–366, default 90)", wholeNumber(1, 366))
    .option("--secret-file <path>", "where to write it (0600)")
    .action(async (id: string, o: Record<string, string | undefined> & { validForDays?: number }) => {
      const api = apiOf(globals(), io);
      const days = o.validForDays;
      const answer = await api.call<SecretAnswer>(
        "POST",
        `/admin/organizations/${encodeURIComponent(id)}/enrollment-secrets`,
        days === undefined ? {} : { validForDays: days },
      );
      const kept = keepSecret(answer, o.secretFile);
      if (format(globals()) === "json") json(kept);
      else
        out(
          `Enrollment secret ${answer.secretId} (expires ${answer.expiresAt}) written to ${kept.secretFile}.\n`,
        );
    });

  org
    .command("revoke-secret")
    .description("Revoke an enrollment secret: no account enrolls with it any more (enrolled ones stay)")
    .argument("<organization-integration-id>")
    .argument("<secret-id>")
    .option("--reason <text>", "recorded with the revocation")
    .action(async (id: string, secretId: string, o: { reason?: string }) => {
      const api = apiOf(globals(), io);
      const answer = await api.call<{ secretId: string; revokedAt: string; alreadyRevoked: boolean }>(
        "POST",
        `/admin/organizations/${encodeURIComponent(id)}/enrollment-secrets/${encodeURIComponent(secretId)}/revoke`,
        o.reason === undefined ? {} : { reason: o.reason },
      );
      if (format(globals()) === "json") json(answer);
      else
        out(
          `Secret ${answer.secretId} ${answer.alreadyRevoked ? "was already revoked" : "revoked"} (${answer.revokedAt}).\n`,
        );
    });

  org
    .command("list")
    .description("The organizations registered at the platform")
    .action(async () => {
      const api = apiOf(globals(), io);
      const answer = await api.call<{
        organizations: {
          organizationIntegrationId: string;
          organizationId: string;
          homeRegion?: string;
          members: number;
        }[];
      }>("GET", "/api/organizations");
      if (format(globals()) === "json") return void json(answer);
      const table = newTable({ head: ["Integration", "Organization", "Home region", "Members"] });
      for (const o of answer.organizations)
        table.push([o.organizationIntegrationId, o.organizationId, o.homeRegion ?? "", o.members]);
      out(`${table.toString()}\n${answer.organizations.length} organization(s)\n`);
    });

  org
    .command("show")
    .description("An organization's member accounts (status, assets, failed findings) and its secrets")
    .argument("<organization-integration-id>")
    .action(async (id: string) => {
      const api = apiOf(globals(), io);
      const view = await api.call<OrganizationView>("GET", `/api/organizations/${encodeURIComponent(id)}`);
      if (format(globals()) === "json") return void json(view);
      const byAccount = new Map(view.rollup.byAccount.map((a) => [a.accountId, a]));
      const members = newTable({ head: ["Account", "Status", "Assets", "Failed", "Critical", "High"] });
      for (const m of [...view.members].sort((a, b) =>
        (a.accountId ?? "").localeCompare(b.accountId ?? ""),
      )) {
        const r = m.accountId ? byAccount.get(m.accountId) : undefined;
        members.push([
          m.accountId ?? m.integrationId,
          m.status,
          r?.assets ?? 0,
          r?.failed ?? 0,
          r?.failedBySeverity.critical ?? 0,
          r?.failedBySeverity.high ?? 0,
        ]);
      }
      const secrets = newTable({ head: ["Secret", "Status", "Issued", "Expires"] });
      for (const s of view.organization.secrets)
        secrets.push([s.secretId, s.status, s.issuedAt, s.expiresAt]);
      const statuses = new Map<string, number>();
      for (const m of view.members) statuses.set(m.status, (statuses.get(m.status) ?? 0) + 1);
      out(
        `${view.organization.organizationId} (${view.organization.organizationIntegrationId}, ${view.organization.homeRegion})\n` +
          `${members.toString()}\n${view.members.length} member(s): ${[...statuses].map(([s, n]) => `${n} ${s}`).join(", ") || "none yet"}\n` +
          `${secrets.toString()}\n`,
      );
    });

  for (const command of ["scan", "update"] as const) {
    org
      .command(command)
      .description(
        command === "scan"
          ? "Scan now: every active member account, or --accounts; starts spread over --spread-minutes"
          : "Update now: every active member's updater takes the release at its agent's next check-in",
      )
      .argument("<organization-integration-id>")
      .option("--accounts <ids>", "only these member accounts (12-digit ids, comma-separated)")
      .option(
        "--spread-minutes <n>",
        "spread the accounts' starts over this many minutes (0–720; default a minute per 20 accounts)",
        wholeNumber(0, 720),
      )
      .option("--wait", "(scan) follow the scan's progress until every account is done")
      .option(
        "--timeout-seconds <n>",
        "(scan --wait) give up after this long (1–86400, default 3600)",
        wholeNumber(1, 86_400),
      )
      .action(async (id: string, o: Record<string, string | number | boolean | undefined>) => {
        const api = apiOf(globals(), io);
        const accounts = accountsOf(o.accounts as string | undefined);
        const spread = o.spreadMinutes as number | undefined;
        const timeout = (o.timeoutSeconds as number | undefined) ?? 3600;
        if (o.wait && command !== "scan")
          throw new UsageError("--wait follows a scan; `org update` has nothing to wait for");
        const answer = await api.call<{
          scanId?: string;
          accounts: { accountId: string; notBefore: string }[];
          delivery: string;
        }>("POST", `/admin/organizations/${encodeURIComponent(id)}/commands`, {
          command,
          ...(accounts ? { accounts } : {}),
          ...(spread === undefined ? {} : { spreadMinutes: spread }),
        });
        if (!o.wait) {
          if (format(globals()) === "json") return void json(answer);
          const table = newTable({ head: ["Account", "Not before"] });
          for (const a of answer.accounts) table.push([a.accountId, a.notBefore]);
          return void out(
            `${table.toString()}\n${command} sent to ${answer.accounts.length} account(s), ${answer.delivery}` +
              `${answer.scanId ? `\nscan ${answer.scanId}: follow it with \`vigil org scan-status ${id} ${answer.scanId}\`` : ""}\n`,
          );
        }
        const deadline = Date.now() + timeout * 1000;
        let shown = "";
        for (;;) {
          const p = await api.call<ScanProgress>(
            "GET",
            `/api/organizations/${encodeURIComponent(id)}/scans/${encodeURIComponent(answer.scanId ?? "")}`,
          );
          // While it runs, a line on stderr each time the accounts' statuses change.
          const now = statusCounts(p);
          if (!p.done && now !== shown) io.stderr.write(`scan ${p.scanId}: ${now}\n`);
          shown = now;
          if (p.done || Date.now() > deadline) {
            if (format(globals()) === "json") json(p);
            else out(progressTable(p));
            const failed = p.accounts.filter((a) => a.status !== "completed").length;
            if (!p.done) io.stderr.write(`vigil org scan: not done after ${timeout} s\n`);
            else if (failed > 0) io.stderr.write(`vigil org scan: ${failed} account(s) did not complete\n`);
            result.code = p.done && failed === 0 ? 0 : 1;
            return;
          }
          await new Promise((r) => setTimeout(r, io.pollMs ?? 5000));
        }
      });
  }

  org
    .command("scan-status")
    .description("An organization-wide scan's progress per account (exit 0 when every account completed)")
    .argument("<organization-integration-id>")
    .argument("<scan-id>")
    .action(async (id: string, scanId: string) => {
      const api = apiOf(globals(), io);
      const p = await api.call<ScanProgress>(
        "GET",
        `/api/organizations/${encodeURIComponent(id)}/scans/${encodeURIComponent(scanId)}`,
      );
      if (format(globals()) === "json") json(p);
      else out(progressTable(p));
      // Running: 3; done with an account that did not complete: 1.
      result.code = !p.done ? 3 : p.accounts.every((a) => a.status === "completed") ? 0 : 1;
    });

  pointUsageAtOwnHelp(org, ["vigil", "org"]);
  return org;
}

/**
 * Runs `vigil org <args>`; returns the exit code: 0 done, 1 the platform refused or a scan did not
 * complete, 3 a scan still running, 64 bad arguments (usage printed).
 */
export async function runOrgCommand(args: readonly string[], io: OrgIo): Promise<number> {
  const result = { code: 0 };
  const program = new Command("vigil").exitOverride();
  const org = orgCommand(io, result);
  program.addCommand(org);
  for (const sub of org.commands) sub.exitOverride();
  org.exitOverride();
  // The command whose action refused its arguments, for the usage line.
  let running = "vigil org";
  org.hook("preAction", (_, action) => {
    running = `vigil org ${action.name()}`;
  });
  try {
    await program.parseAsync(["org", ...args], { from: "user" });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 64;
    if (error instanceof UsageError) {
      io.stderr.write(`vigil org: ${error.message}\n(run \`${running} --help\` for usage)\n`);
      return 64;
    }
    if (error instanceof PlatformAnswerError) {
      const next = nextStep(error);
      io.stderr.write(`vigil org: ${error.message}\n${next ? `next: ${next}\n` : ""}`);
      return 1;
    }
    throw error;
  }
}

export function register(program: Command): void {
  const io: OrgIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  // Everything after `org` (its --help too) goes to runOrgCommand, which builds the tree and maps
  // the outcome to the exit codes.
  program
    .command("org")
    .description(ORG_DESCRIPTION)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument("[args...]")
    .action(async (args: string[]) => {
      process.exitCode = await runOrgCommand(args, io);
    });
}
