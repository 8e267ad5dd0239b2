import { AWS_READS, awsRead } from "@vigil/events";
import { generateAccount } from "@vigil/testkit";
import { describe, expect, it } from "vitest";
import { captureSnapshot } from "../../src/index.ts";
import { simulated } from "./sim.ts";

/**
 * The one description of Vigil's AWS reads (packages/events' `AWS_READS`) drives the collectors:
 * a strict capture throws on any read it does not describe, or reads otherwise (one call against
 * pages, per resource against once, global against regional). Here every collector runs strict over
 * the simulated account, every file it writes is a described read, and every described read is made.
 */

/** `<scope>/<service>/<command>[/<resource>]` → the read and whether it was per resource. */
function readOf(path: string) {
  const [scope, service, command, ...rest] = path.split("/");
  return { scope, read: awsRead(service ?? "", command ?? ""), resource: rest.length > 0 };
}

async function capture(model: ReturnType<typeof generateAccount>) {
  const { clients } = simulated(model);
  try {
    return await captureSnapshot({ clients, strictReads: true });
  } finally {
    clients.destroy();
  }
}

describe("the AWS reads description drives the collectors and vigil snapshot", () => {
  it("a strict capture makes every described read, and writes only described files", async () => {
    const model = generateAccount({
      seed: "aws-reads",
      regionCount: 2,
      assetsPerRegion: 6,
      misconfigurationRate: 0.6,
    });
    const snapshot = await capture(model);
    expect(snapshot.deniedCalls).toEqual([]);
    expect(snapshot.failedCalls).toEqual([]);
    const made = new Set<string>();
    for (const path of snapshot.files.keys()) {
      const { scope, read, resource } = readOf(path);
      expect(read, `${path} is not a described read`).toBeDefined();
      if (!read) continue;
      expect(resource, `${path}: per-resource as described`).toBe(read.resource !== undefined);
      if (read.scope !== "both") expect(scope === "global", `${path}: scope`).toBe(read.scope === "global");
      made.add(`${read.service} ${read.command}`);
    }
    // Reads made only in some accounts: checked below with the account that needs them.
    const conditional = new Set(["iam get-access-key-last-used"]);
    const missing = AWS_READS.map((r) => `${r.service} ${r.command}`).filter(
      (k) => !made.has(k) && !conditional.has(k),
    );
    expect(missing).toEqual([]);
    expect(made.size).toBe(AWS_READS.length - conditional.size);
  });

  it("without a credential report, each key's last use is read (strict, as described)", async () => {
    const model = generateAccount({
      seed: "aws-reads-keys",
      regionCount: 1,
      assetsPerRegion: 4,
      misconfigurationRate: 0.6,
    });
    model.files.set("global/iam/get-credential-report", {
      Error: { Code: "AccessDenied", Message: "not authorized to perform: iam:GetCredentialReport" },
    });
    const snapshot = await capture(model);
    expect(snapshot.deniedCalls.map((c) => c.path)).toEqual(["global/iam/get-credential-report"]);
    expect([...snapshot.files.keys()].some((k) => k.startsWith("global/iam/get-access-key-last-used/"))).toBe(
      true,
    );
  });
});
