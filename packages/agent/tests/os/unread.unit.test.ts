import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { OS_CHECKS } from "../../src/checks/os/index.ts";
import { type MemoryEntry, memoryRootFs, scanOperatingSystem } from "../../src/os/index.ts";
import { rpmdbSqlite } from "./rpmdb.ts";
import { AMAZON_LINUX_PACKAGES, amazonLinuxHardened, debianHardened, type Tree } from "./trees.ts";

/**
 * A failed read is never a fact: whichever file of the root cannot be read (a bad sector: listed
 * and stat'ed fine, its content unreadable; or unreachable altogether), the checks that read a fact
 * built from it are ERROR naming the file, and no other verdict changes — nothing flips, nothing
 * vanishes.
 */

const NOW = Date.parse("2026-06-01T00:00:00Z");
const TARGET = { accountId: "123456789012", region: "eu-west-1", instanceId: "i-0123456789abcdef0" };

async function verdicts(tree: Tree) {
  const result = await scanOperatingSystem(memoryRootFs(tree), TARGET, { now: NOW });
  if (result.kind !== "assessed") throw new Error("no OS found");
  return {
    unread: result.asset.unread ?? {},
    byCheck: new Map(result.report.results.map((r) => [r.checkId, r])),
  };
}

const readsOf = new Map(OS_CHECKS.map((c) => [c.id, new Set<string>(c.reads)]));

describe("an unreadable file", () => {
  const trees: Record<string, Tree> = {};
  const baselines = new Map<string, Awaited<ReturnType<typeof verdicts>>>();

  beforeAll(async () => {
    trees.debian = debianHardened();
    trees.al2023 = amazonLinuxHardened(rpmdbSqlite(AMAZON_LINUX_PACKAGES));
    for (const [name, tree] of Object.entries(trees)) baselines.set(name, await verdicts(tree));
  });

  it("turns only the checks that read it into ERROR naming it; nothing else changes", async () => {
    const cases = Object.entries(trees).flatMap(([distro, tree]) =>
      Object.entries(tree)
        .filter(([, e]) => e.type === "file" || e.type === "dir")
        .map(([path]) => ({ distro, path })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        fc.constantFrom("content", "entry"),
        fc.constantFrom("EIO", "EACCES"),
        async ({ distro, path }, how, code) => {
          const tree = trees[distro] as Tree;
          const original = tree[path] as MemoryEntry;
          const broken: MemoryEntry =
            how === "content" && original.type === "file"
              ? { ...original, readError: code }
              : { type: "error", code };
          const { unread, byCheck } = await verdicts({ ...tree, [path]: broken });
          const before = baselines.get(distro) as Awaited<ReturnType<typeof verdicts>>;
          const unreadFields = new Set(Object.keys(unread));
          for (const reason of Object.values(unread)) {
            expect(reason.code).toBe(code);
            expect(reason.kind).toBe(code === "EACCES" ? "denied" : "failed");
          }
          for (const check of OS_CHECKS) {
            const was = before.byCheck.get(check.id);
            const now = byCheck.get(check.id);
            const touched = [...(readsOf.get(check.id) ?? [])].filter((f) => unreadFields.has(f));
            if (touched.length > 0) {
              // It read a fact that could not be read: ERROR naming the call (unless it decided before touching it).
              if (now?.status === "error")
                expect(now.evidence).toMatch(/could not be assessed: (read|list|stat|readlink) \//);
              else expect(now).toEqual(was);
            } else {
              expect(
                now,
                `${check.id} changed though it reads none of ${[...unreadFields].join(", ")}`,
              ).toEqual(was);
            }
          }
          // The file that failed is named by some unread field when a fact needs it.
          if (unreadFields.size > 0)
            expect(Object.values(unread).some((u) => u.call.endsWith(path) || u.message.includes(path))).toBe(
              true,
            );
        },
      ),
      { numRuns: 120, seed: 1717 },
    );
  });

  it("makes the checks of that fact ERROR, for example /etc/shadow", async () => {
    const tree = trees.debian as Tree;
    const { unread, byCheck } = await verdicts({
      ...tree,
      "/etc/shadow": { ...(tree["/etc/shadow"] as MemoryEntry & { type: "file" }), readError: "EIO" },
    });
    expect(unread.shadow).toMatchObject({ call: "read /etc/shadow", kind: "failed", code: "EIO" });
    const errors = [...byCheck.values()]
      .filter((r) => r.status === "error")
      .map((r) => r.checkId)
      .sort();
    expect(errors).toEqual(
      OS_CHECKS.filter((c) => (c.reads as readonly string[]).includes("shadow"))
        .map((c) => c.id)
        .sort(),
    );
    expect(byCheck.get("vigil.os.password-max-days")?.evidence).toBe(
      "could not be assessed: read /etc/shadow failed (EIO)",
    );
  });
});
