import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningPlatform, startPlatform } from "@vigil/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOrgCommand } from "../../src/commands/org.ts";

/**
 * `vigil org` against a running platform (in memory): what an admin does from a terminal. The
 * member-side flows (enrollment, scans of active accounts) run in organization.e2e.
 */

const TOKEN = "org-command-admin-token-0123456789";
let platform: RunningPlatform;
let dir: string;

beforeAll(async () => {
  platform = await startPlatform({ adminToken: TOKEN });
  dir = mkdtempSync(join(tmpdir(), "vigil-org-"));
});

afterAll(async () => {
  await platform.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function org(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runOrgCommand(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { VIGIL_PLATFORM_URL: platform.url, VIGIL_ADMIN_TOKEN: TOKEN, ...env },
    pollMs: 10,
  });
  return { code, stdout, stderr };
}

describe("vigil org", () => {
  let id = "";
  let firstSecret = "";

  it("create: registers the organization and writes its enrollment secret to a 0600 file, never to the terminal", async () => {
    const file = join(dir, "first-secret");
    const r = await org([
      "--format",
      "json",
      "create",
      "--organization-id",
      "o-abcdefghij",
      "--home-region",
      "eu-west-1",
      "--valid-for-days",
      "30",
      "--secret-file",
      file,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, string>;
    expect(out.enrollmentSecret).toBeUndefined();
    expect(out.secretFile).toBe(file);
    id = out.organizationIntegrationId as string;
    firstSecret = out.secretId as string;
    const secret = readFileSync(file, "utf8").trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(r.stdout).not.toContain(secret);
    const days = (Date.parse(out.expiresAt as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
  });

  it("create again: the platform's refusal, its code and what to do, exit 1", async () => {
    const r = await org([
      "create",
      "--organization-id",
      "o-abcdefghij",
      "--home-region",
      "eu-west-1",
      "--secret-file",
      join(dir, "again"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/409 organization_exists/);
    expect(r.stderr).toContain(`next: issue a new enrollment secret with \`vigil org secret ${id}\``);
  });

  it("secret, revoke-secret, list and show: the secrets' states and the (empty) membership", async () => {
    const issued = await org(["secret", id, "--secret-file", join(dir, "second")]);
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/written to .*second/);
    const revoked = await org(["revoke-secret", id, firstSecret, "--reason", "rotated"]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Secret ${firstSecret} revoked`);
    expect((await org(["revoke-secret", id, firstSecret])).stdout).toContain("already revoked");

    const list = await org(["list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain("o-abcdefghij");

    const show = await org(["show", id, "--format", "json"]);
    const view = JSON.parse(show.stdout) as {
      organization: { secrets: { secretId: string; status: string }[] };
      members: unknown[];
    };
    expect(view.members).toEqual([]);
    expect(view.organization.secrets.map((s) => s.status).sort()).toEqual(["revoked", "valid"]);
    expect(view.organization.secrets.find((s) => s.secretId === firstSecret)?.status).toBe("revoked");
    const table = await org(["show", id]);
    expect(table.stdout).toContain("0 member(s): none yet");
  });

  it("scan with no active member, an unknown scan: refused with the platform's reason, exit 1", async () => {
    const scan = await org(["scan", id]);
    expect(scan.code).toBe(1);
    expect(scan.stderr).toMatch(/409 no_active_members/);
    expect(scan.stderr).toContain(`next: see the members' status with \`vigil org show ${id}\``);
    const unknown = await org(["show", "org-nosuchorg"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/404 organization_not_found/);
    expect(unknown.stderr).toContain("next: list the organizations with `vigil org list`");
    const status = await org(["scan-status", id, "orgscan-nope"]);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/404 scan_not_found/);
  });

  it("a wrong admin token is refused (401), nothing changes", async () => {
    const r = await org(["secret", id, "--secret-file", join(dir, "never")], {
      VIGIL_ADMIN_TOKEN: "not-the-admin-token-at-all",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/answered 401/);
    expect(r.stderr).toContain("next: give the platform's admin token");
    expect(() => statSync(join(dir, "never"))).toThrow();
  });

  it.each([
    [["show"], /missing required argument/],
    [["bogus"], /unknown command 'bogus'/],
    [["create", "--home-region", "eu-west-1"], /required option '--organization-id/],
    [["secret", "x", "--valid-for-days", "soon"], /'--valid-for-days <days>' argument 'soon' is invalid/],
    [["secret", "x", "--valid-for-days", "0"], /from 1 to 366/],
    [["scan", "x", "--spread-minutes", "721"], /from 0 to 720/],
    [["scan", "x", "--accounts", "12,34"], /12-digit account ids/],
    [["--format", "xml", "list"], /--format must be table or json/],
    [
      ["create", "--organization-id", "org-1", "--home-region", "eu-west-1"],
      /--organization-id takes an AWS Organizations id such as o-a1b2c3d4e5, not "org-1"/,
    ],
    [
      [
        "create",
        "--organization-id",
        "o-abcdefghij",
        "--home-region",
        "Ireland",
        "--management-account",
        "12",
      ],
      /--home-region takes an AWS region code such as eu-west-1, not "Ireland"; --management-account takes a 12-digit AWS account id, not "12"/,
    ],
  ])("bad arguments %j print what was wrong and usage, exit 64", async (args, message) => {
    const r = await org(args);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(message);
    // The help of the subcommand given (`vigil org create --help`), else org's own.
    const sub = args.find((a) => ["create", "secret", "list", "show", "scan"].includes(a));
    expect(r.stderr).toContain(`(run \`vigil org${sub ? ` ${sub}` : ""} --help\` for usage)`);
  });

  it("without a platform URL or admin token: says which setting is missing", async () => {
    const noUrl = await org(["list"], { VIGIL_PLATFORM_URL: undefined });
    expect(noUrl.code).toBe(64);
    expect(noUrl.stderr).toContain("--platform-url");
    const unreachable = await org(["list", "--platform-url", "http://127.0.0.1:9"]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain("could not reach the platform at http://127.0.0.1:9");
  });
});
