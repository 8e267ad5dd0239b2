import { describe, expect, it } from "vitest";
import { runOrgCommand } from "../../src/commands/org.ts";

/**
 * `vigil org scan --wait`: the command, then the scan's progress polled until every account is
 * done. The platform's answers here are scripted (driving five accounts through a scan against the
 * real platform is the organization e2e); what is tested is the polling: a line when the statuses
 * change, the final table, and the exit code.
 */

interface Account {
  accountId: string;
  status: string;
}

function progress(scanId: string, accounts: Account[]) {
  const byStatus: Record<string, number> = {};
  for (const a of accounts) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  return {
    scanId,
    done: accounts.every((a) => a.status === "completed" || a.status === "failed"),
    byStatus,
    accounts: accounts.map((a) => ({ ...a, shards: { completed: 0, total: null }, assets: 0 })),
  };
}

/** A platform that takes the scan command, then answers the polls from `polls` in turn (the last repeats). */
function scripted(polls: Account[][]) {
  const calls: string[] = [];
  let poll = 0;
  const fetch = (async (url: string | URL, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    calls.push(`${init?.method ?? "GET"} ${path}`);
    const body =
      init?.method === "POST"
        ? {
            scanId: "orgscan-1",
            accounts: (polls[0] ?? []).map((a) => ({
              accountId: a.accountId,
              notBefore: "2026-12-06T00:00:00Z",
            })),
            delivery: "at each agent's next check-in",
          }
        : progress("orgscan-1", polls[Math.min(poll++, polls.length - 1)] ?? []);
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

async function waitFor(polls: Account[][], extra: string[] = []) {
  let stdout = "";
  let stderr = "";
  const platform = scripted(polls);
  const code = await runOrgCommand(["scan", "org-abc123", "--wait", ...extra], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { VIGIL_PLATFORM_URL: "http://platform.test", VIGIL_ADMIN_TOKEN: "a-test-admin-token" },
    fetch: platform.fetch,
    pollMs: 1,
  });
  return { code, stdout, stderr, calls: platform.calls };
}

const A = "111122223333";
const B = "444455556666";

describe("vigil org scan --wait", () => {
  it("prints a line each time the statuses change, then the table; exit 0 when every account completed", async () => {
    const r = await waitFor([
      [
        { accountId: A, status: "waiting" },
        { accountId: B, status: "waiting" },
      ],
      [
        { accountId: A, status: "running" },
        { accountId: B, status: "waiting" },
      ],
      [
        { accountId: A, status: "running" },
        { accountId: B, status: "waiting" },
      ],
      [
        { accountId: A, status: "completed" },
        { accountId: B, status: "running" },
      ],
      [
        { accountId: A, status: "completed" },
        { accountId: B, status: "completed" },
      ],
    ]);
    expect(r.code).toBe(0);
    expect(r.calls[0]).toBe("POST /admin/organizations/org-abc123/commands");
    expect(
      r.calls.filter((c) => c.startsWith("GET /api/organizations/org-abc123/scans/orgscan-1")),
    ).toHaveLength(5);
    // One line per change, none for the poll that changed nothing, none once done.
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      "scan orgscan-1: 2 waiting",
      "scan orgscan-1: 1 running, 1 waiting",
      "scan orgscan-1: 1 completed, 1 running",
    ]);
    expect(r.stdout).toContain("scan orgscan-1: done (2 completed)");
    expect(r.stdout).toContain(A);
  });

  it("done with an account that failed: says so, exit 1", async () => {
    const r = await waitFor([
      [
        { accountId: A, status: "completed" },
        { accountId: B, status: "failed" },
      ],
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("vigil org scan: 1 account(s) did not complete");
    expect(r.stdout).toContain("done (1 completed, 1 failed)");
  });

  it("not done by --timeout-seconds: the progress so far, exit 1", async () => {
    const started = Date.now();
    const r = await waitFor([[{ accountId: A, status: "running" }]], ["--timeout-seconds", "1"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("vigil org scan: not done after 1 s");
    expect(r.stdout).toContain("scan orgscan-1: running (1 running)");
  });
});
