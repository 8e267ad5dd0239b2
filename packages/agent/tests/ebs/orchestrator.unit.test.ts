import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { OS_CHECKS } from "../../src/checks/os/index.ts";
import {
  type AssessedAsset,
  ebsScanState,
  ebsStreamId,
  instanceOsReports,
  OPT_OUT_TAG,
  PLAN_PART_VOLUMES,
} from "../../src/index.ts";
import { rpmdbSqlite } from "../os/rpmdb.ts";
import {
  AMAZON_LINUX_PACKAGES,
  amazonLinuxHardened,
  debianHardened,
  edited,
  type Tree,
  withChanges,
} from "../os/trees.ts";
import { FakeEc2 } from "./fake-ec2.ts";
import { ACCOUNT, GROUP, INTEGRATION, orchestrator, REGION, runToEnd, type World, world } from "./harness.ts";

/**
 * The EBS scan of a region, driven from its log against an account in memory: every volume of every
 * running instance (opted-out ones aside) snapshotted, copied into the scanner's zone, attached,
 * scanned, detached and deleted; the scanner group up while needed and back to zero; whatever crash
 * happens between an AWS call and its event, the scan ends with the same reports and nothing of
 * Vigil's left, and nothing that is not Vigil's touched.
 */

const KEY_OK = "arn:aws:kms:eu-west-1:123456789012:key/11111111-1111-1111-1111-111111111111";
const KEY_LOCKED = "arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-2222-2222-222222222222";

let alTree: Tree;
beforeAll(() => {
  alTree = amazonLinuxHardened(rpmdbSqlite(AMAZON_LINUX_PACKAGES));
});

function debianRootLogin(): Tree {
  const t = debianHardened();
  return withChanges(t, {
    "/etc/ssh/sshd_config.d/50-cis.conf": edited(
      t,
      "/etc/ssh/sshd_config.d/50-cis.conf",
      /PermitRootLogin no/,
      "PermitRootLogin yes",
    ),
  });
}

interface Account {
  readonly w: World;
  readonly api: FakeEc2;
  readonly web: { instanceId: string; volumeIds: string[] };
  readonly db: { instanceId: string; volumeIds: string[] };
  readonly optedOut: { instanceId: string; volumeIds: string[] };
  /** Resources that are not this integration's: never to be touched. */
  readonly notOurs: string[];
}

function account(options: { lockedKey?: boolean } = {}): Account {
  const w = world();
  const api = new FakeEc2(REGION);
  api.addGroup(GROUP, [`${REGION}b`]);
  const web = api.addInstance({
    tags: { Name: "web", team: "shop" },
    volumes: [
      ["/dev/xvda", 8],
      ["/dev/sdb", 100],
    ],
  });
  const db = api.addInstance({
    tags: { Name: "db" },
    volumes: [["/dev/xvda", 20, options.lockedKey ? KEY_LOCKED : KEY_OK]],
  });
  const optedOut = api.addInstance({
    tags: { Name: "legacy", [OPT_OUT_TAG]: "disabled" },
    volumes: [["/dev/xvda", 8]],
  });
  api.addInstance({ tags: { Name: "stopped" }, state: "stopped", volumes: [["/dev/xvda", 8]] });
  if (options.lockedKey) api.unusableKeys.add(KEY_LOCKED);
  w.disks.set(web.volumeIds[0] as string, debianRootLogin());
  w.disks.set(web.volumeIds[1] as string, {
    "/srv/data/orders.csv": { type: "file", content: "id,total\n" },
  });
  w.disks.set(db.volumeIds[0] as string, alTree);
  const notOurs = [
    api.addVolume({ tags: { team: "data" } }),
    api.addSnapshot({ tags: { backup: "daily" } }),
    // Another integration's copy, and one Vigil made without the scan tags: not this integration's to delete.
    api.addVolume({
      tags: { "Created By": "Vigil", "Vigil Integration": "int-2", "Vigil Scan": "scan-other" },
    }),
    api.addSnapshot({
      tags: { "Created By": "Vigil", "Vigil Integration": "int-2", "Vigil Scan": "scan-other" },
    }),
    ...web.volumeIds,
    ...db.volumeIds,
    ...optedOut.volumeIds,
  ];
  return { w, api, web, db, optedOut, notOurs };
}

function verdicts(reports: readonly AssessedAsset[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const r of reports)
    out[r.asset.name ?? r.asset.arn] = Object.fromEntries(r.results.map((x) => [x.checkId, x.status]));
  return out;
}

/** What was changed that the scan did not create. */
function touchedNotOurs(acc: Account): string[] {
  const changes = acc.api.audit.filter((a) => /^(delete|detach|attach|scale)/.test(a));
  return changes.filter((a) => acc.notOurs.some((id) => a.includes(id)));
}

async function eventTypes(w: World, scanId: string): Promise<string[]> {
  return (await w.store.readStream(ebsStreamId(scanId, REGION))).events.map((e) => e.event.type);
}

describe("a region's EBS scan", () => {
  it("scans the disks of every running instance not opted out, and leaves nothing of Vigil's behind", async () => {
    const acc = account();
    const { state, crashes } = await runToEnd(acc.w, acc.api, "scan-1");
    expect(crashes).toBe(0);
    expect([...state.tasks.keys()].sort()).toEqual([...acc.web.volumeIds, ...acc.db.volumeIds].sort());
    expect(state.optedOut).toEqual([acc.optedOut.instanceId]);

    const reports = instanceOsReports(state, { accountId: ACCOUNT, region: REGION, now: acc.w.clock.now() });
    const v = verdicts(reports);
    expect(Object.keys(v).sort()).toEqual(["db", "web"]);
    expect(v.web?.["vigil.os.sshd-root-login-disabled"]).toBe("fail");
    expect(Object.values(v.db ?? {}).every((s) => s === "pass")).toBe(true);
    // Each result names its CIS Linux requirements, a failed one its check's fix.
    const rootLogin = reports
      .find((r) => r.asset.name === "web")
      ?.results.find((r) => r.checkId === "vigil.os.sshd-root-login-disabled");
    const check = OS_CHECKS.find((c) => c.id === "vigil.os.sshd-root-login-disabled");
    expect(rootLogin?.remediation).toBe(check?.remediation);
    expect(rootLogin?.frameworks).toEqual(check?.mappings.cisLinux?.map((r) => `cis-linux-2.0:${r}`));
    expect(rootLogin?.frameworks?.length).toBeGreaterThan(0);
    expect(reports.flatMap((r) => r.results).filter((r) => r.status !== "fail" && r.remediation)).toEqual([]);
    expect(reports.find((r) => r.asset.name === "web")?.asset).toMatchObject({
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${acc.web.instanceId}/os`,
      type: "aws.ec2.instance-os",
      tags: { Name: "web", team: "shop" },
    });
    // The data volume was scanned too, as data.
    const data = state.tasks.get(acc.web.volumeIds[1] as string);
    expect(data?.scanned?.volumeRole).toBe("data");

    expect(acc.api.vigilCopies().filter((id) => !acc.notOurs.includes(id))).toEqual([]);
    expect(touchedNotOurs(acc)).toEqual([]);
    expect(acc.api.groups.get(GROUP)?.desired).toBe(0);
    const types = await eventTypes(acc.w, "scan-1");
    const count = (t: string) => types.filter((x) => x === t).length;
    expect(types[0]).toBe("vigil.ebs.volumes-planned.v1");
    expect(count("vigil.ebs.snapshot-created.v1")).toBe(3);
    expect(count("vigil.ebs.volume-created.v1")).toBe(3);
    expect(count("vigil.ebs.volume-attached.v1")).toBe(3);
    expect(count("vigil.ebs.scanned.v1")).toBe(3);
    expect(count("vigil.ebs.volume-detached.v1")).toBe(3);
    expect(count("vigil.ebs.cleaned.v1")).toBe(6);
    expect(types.filter((t) => t === "vigil.ebs.scanner-scaled.v1")).toHaveLength(2);
    console.log(
      `EBS scan: ${state.tasks.size} volumes of 2 instances scanned, ${acc.api.audit.length} changes to the account, ${[...acc.api.calls.values()].reduce((a, b) => a + b, 0)} API calls; Vigil copies left: ${acc.api.vigilCopies().filter((id) => !acc.notOurs.includes(id)).length}`,
    );
  });

  it("ends the same, with nothing left and nothing else touched, whichever AWS change it crashes after", async () => {
    const baseline = account();
    const first = await runToEnd(baseline.w, baseline.api, "scan-1");
    const expected = verdicts(instanceOsReports(first.state, { accountId: ACCOUNT, region: REGION, now: 0 }));
    const steps = first.mutations.length;
    expect(steps).toBeGreaterThanOrEqual(15);
    const seen = new Set<string>();
    for (let k = 1; k <= steps; k++) {
      const acc = account();
      const run = await runToEnd(acc.w, acc.api, "scan-1", { crashAt: [k] });
      seen.add(run.mutations[k - 1] as string);
      expect(run.crashes, `crash after change #${k}`).toBe(1);
      expect(
        verdicts(instanceOsReports(run.state, { accountId: ACCOUNT, region: REGION, now: 0 })),
        `crash after change #${k}`,
      ).toEqual(expected);
      expect(
        acc.api.vigilCopies().filter((id) => !acc.notOurs.includes(id)),
        `crash after change #${k}`,
      ).toEqual([]);
      expect(touchedNotOurs(acc), `crash after change #${k}`).toEqual([]);
      expect(acc.api.groups.get(GROUP)?.desired).toBe(0);
      const types = await eventTypes(acc.w, "scan-1");
      expect(types.filter((t) => t === "vigil.ebs.scanned.v1")).toHaveLength(3);
    }
    // Every kind of step was crashed after at least once.
    expect([...seen].sort()).toEqual(
      [
        "attach-volume",
        "create-snapshot",
        "create-volume",
        "delete-snapshot",
        "delete-volume",
        "detach-volume",
        "scale-down",
        "scale-up",
      ].sort(),
    );
  });

  it("survives any two crashes (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 2 }),
        async (crashAt) => {
          const acc = account();
          const run = await runToEnd(acc.w, acc.api, "scan-p", { crashAt });
          expect(acc.api.vigilCopies().filter((id) => !acc.notOurs.includes(id))).toEqual([]);
          expect(touchedNotOurs(acc)).toEqual([]);
          const reports = instanceOsReports(run.state, { accountId: ACCOUNT, region: REGION, now: 0 });
          expect(reports.map((r) => r.asset.name).sort()).toEqual(["db", "web"]);
          expect(
            reports.every((r) => r.results.every((x) => x.status === "pass" || x.status === "fail")),
          ).toBe(true);
        },
      ),
      { numRuns: 25, seed: 4242 },
    );
  });

  it("deletes the copies an earlier, crashed scan left behind, and only those", async () => {
    const acc = account();
    const oldTags = {
      "Created By": "Vigil",
      "Vigil Integration": INTEGRATION,
      "Vigil Scan": "scan-0",
      "Vigil Source Volume": acc.web.volumeIds[0] as string,
    };
    const leftVolume = acc.api.addVolume({
      tags: { ...oldTags, "Vigil Snapshot": "snap-00000000000000aaa" },
    });
    const leftSnapshot = acc.api.addSnapshot({ tags: oldTags });
    // A scan still running keeps its copies.
    const runningTags = { ...oldTags, "Vigil Scan": "scan-running" };
    const keep = acc.api.addSnapshot({ tags: runningTags });
    const { createEvent } = await import("@vigil/events");
    await acc.w.store.appendToStream(
      "scan#scan-running",
      [
        createEvent(
          "vigil.scan.started.v1",
          { scanId: "scan-running", regions: [REGION], checkCount: 1, agentVersion: "1.0.0" },
          { source: "urn:vigil:agent:123456789012", integrationId: INTEGRATION },
        ),
      ],
      { expectedVersion: "any" },
    );
    await runToEnd(acc.w, acc.api, "scan-1");
    expect(acc.api.vols.has(leftVolume)).toBe(false);
    expect(acc.api.snaps.has(leftSnapshot)).toBe(false);
    expect(acc.api.snaps.has(keep)).toBe(true);
    expect(touchedNotOurs(acc)).toEqual([]);
    const events = (await acc.w.store.readStream(ebsStreamId("scan-1", REGION))).events.map((e) => e.event);
    const leftovers = events.filter((e) => e.type === "vigil.ebs.leftover-deleted.v1").map((e) => e.data);
    expect(leftovers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: "volume", resourceId: leftVolume, createdForScan: "scan-0" }),
        expect.objectContaining({ resource: "snapshot", resourceId: leftSnapshot, createdForScan: "scan-0" }),
      ]),
    );
    expect(leftovers).toHaveLength(2);
  });

  it("reports why an encrypted volume whose key it cannot use was not scanned, and cleans its snapshot", async () => {
    const acc = account({ lockedKey: true });
    const { state } = await runToEnd(acc.w, acc.api, "scan-k");
    const task = state.tasks.get(acc.db.volumeIds[0] as string);
    expect(task?.skipped?.reason).toBe("kms-key-unusable");
    expect(task?.skipped?.detail).toMatch(/KMS key .*22222222.*kms:CreateGrant/);
    const db = instanceOsReports(state, { accountId: ACCOUNT, region: REGION, now: 0 }).find(
      (r) => r.asset.name === "db",
    );
    expect(db?.results.length).toBeGreaterThan(25);
    expect(
      db?.results.every(
        (r) => r.status === "error" && /could not be assessed: root volume .* KMS key/.test(r.evidence ?? ""),
      ),
    ).toBe(true);
    expect(acc.api.vigilCopies().filter((id) => !acc.notOurs.includes(id))).toEqual([]);
  });

  it("gives up on a copy the scanner never reports on, with the reason, and still cleans up", async () => {
    const acc = account();
    const { state } = await runToEnd(acc.w, acc.api, "scan-t", {
      silentScanner: true,
      overrides: { scanTimeoutMs: 5 * 60_000 },
    });
    for (const task of state.tasks.values()) expect(task.skipped?.reason).toBe("scanner-timeout");
    expect(acc.api.vigilCopies().filter((id) => !acc.notOurs.includes(id))).toEqual([]);
    const web = instanceOsReports(state, { accountId: ACCOUNT, region: REGION, now: 0 }).find(
      (r) => r.asset.name === "web",
    );
    expect(
      web?.results.every(
        (r) => r.status === "error" && /did not report within 5 minutes/.test(r.evidence ?? ""),
      ),
    ).toBe(true);
  });

  it("re-attaches to a new scanner when the scanner instance dies", async () => {
    const acc = account();
    let killed = false;
    const { state } = await runToEnd(acc.w, acc.api, "scan-r", {
      onRound: () => {
        const attached = [...acc.api.vols.values()].some((v) =>
          v.attachments.some((a) => acc.api.scanners.has(a.instanceId) && a.state === "attached"),
        );
        const scanner = [...acc.api.scanners.keys()][0];
        if (!killed && attached && scanner) {
          acc.api.killScanner(scanner);
          killed = true;
        }
      },
    });
    expect(killed).toBe(true);
    expect([...state.tasks.values()].every((t) => t.scanned)).toBe(true);
    expect(acc.api.vigilCopies().filter((id) => !acc.notOurs.includes(id))).toEqual([]);
  });

  it("keeps at most maxInFlight volumes copied at once", async () => {
    const acc = account();
    for (let i = 0; i < 5; i++) {
      const extra = acc.api.addInstance({ tags: { Name: `batch-${i}` }, volumes: [["/dev/xvda", 8]] });
      acc.w.disks.set(extra.volumeIds[0] as string, debianHardened());
    }
    const { state } = await runToEnd(acc.w, acc.api, "scan-c", { overrides: { maxInFlight: 2 } });
    expect(state.tasks.size).toBe(8);
    expect([...state.tasks.values()].every((t) => t.scanned)).toBe(true);
    // A snapshot and its volume copy per volume in flight.
    expect(acc.api.maxCopies).toBeLessThanOrEqual(2 * 2);
  });

  it("plans a region of 2,500 volumes in parts the event store takes, appended together", async () => {
    const acc = account();
    for (let i = 0; i < 2_497; i++)
      acc.api.addInstance({ tags: { Name: `fleet-${i}`, team: "batch" }, volumes: [["/dev/xvda", 8]] });
    const out = await orchestrator(acc.w, acc.api).advance("scan-big", REGION);
    expect(out.done).toBe(false);
    const events = (await acc.w.store.readStream(ebsStreamId("scan-big", REGION))).events;
    const planned = events.filter((e) => e.event.type === "vigil.ebs.volumes-planned.v1");
    expect(planned).toHaveLength(Math.ceil(2_500 / PLAN_PART_VOLUMES));
    // One transaction: the parts are the stream's first events, in a row.
    expect(
      events.slice(0, planned.length).every((e) => e.event.type === "vigil.ebs.volumes-planned.v1"),
    ).toBe(true);
    for (const e of planned) expect(JSON.stringify(e.event).length).toBeLessThan(100_000);
    const state = ebsScanState(events);
    expect(state.tasks.size).toBe(2_500);
    expect(state.instances.size).toBe(2_499);
    expect(state.optedOut).toEqual([acc.optedOut.instanceId]);
  });

  it("says why a region without a scanner group is not scanned", async () => {
    const acc = account();
    acc.api.groups.clear();
    const { state } = await runToEnd(acc.w, acc.api, "scan-n");
    expect([...state.tasks.values()].every((t) => t.skipped?.reason === "no-scanner-in-region")).toBe(true);
    expect(acc.api.audit.filter((a) => a.startsWith("create"))).toEqual([]);
  });
});
