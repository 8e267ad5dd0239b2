import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
} from "@aws-sdk/client-auto-scaling";
import {
  CreateLaunchTemplateCommand,
  CreateSnapshotCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  RunInstancesCommand,
  type Snapshot,
  type Volume,
} from "@aws-sdk/client-ec2";
import { InMemoryEventStore } from "@vigil/events";
import { type MotoServer, startMoto } from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  describeAttachedCopies,
  EBS_CALLS,
  EbsOrchestrator,
  ec2EbsApi,
  instanceOsReports,
  ManualClock,
  memoryRootFs,
  OPT_OUT_TAG,
  recordScannerResult,
  SOURCE_VOLUME_TAG,
  scanAttachedCopies,
} from "../../src/index.ts";
import { debianHardened, edited, type Tree, withChanges } from "../os/trees.ts";

/**
 * The orchestration against the emulated account (moto serves EC2 snapshots, volumes, attachments
 * and Auto Scaling, through the real SDK clients): a scan from plan to scale-down, a crash after
 * each AWS change, and copies left by an earlier run. moto runs no instance, so the test plays the
 * scanner instance: it lists the copies attached to the group's instance and runs the scanner's own
 * code on the tree of each copy's source volume. After every scan, describe-volumes and
 * describe-snapshots show nothing of Vigil's, and what is not Vigil's is as it was (counts printed).
 */

const REGION = "eu-west-1";
const INTEGRATION = "int-moto";
const GROUP = `vigil-ebs-scanner-${INTEGRATION}`;
const ACCOUNT = "123456789012";
const VIGIL = { "Created By": "Vigil", "Vigil Integration": INTEGRATION };

class Crash extends Error {}

let moto: MotoServer;
let ec2: EC2Client;
let autoscaling: AutoScalingClient;
/** `service:Operation` of every call made through the two clients. */
const made = new Set<string>();

beforeAll(async () => {
  moto = await startMoto({ region: REGION });
  const config = {
    endpoint: moto.endpoint,
    region: REGION,
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
  };
  ec2 = new EC2Client(config);
  autoscaling = new AutoScalingClient(config);
  const recorder =
    (service: string) =>
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    (args: unknown) => {
      made.add(`${service}:${String(context.commandName).replace(/Command$/, "")}`);
      return next(args);
    };
  ec2.middlewareStack.add(recorder("ec2") as never, { step: "initialize", name: "recordCalls" });
  autoscaling.middlewareStack.add(recorder("autoscaling") as never, {
    step: "initialize",
    name: "recordCalls",
  });
}, 90_000);

afterAll(async () => {
  ec2?.destroy();
  autoscaling?.destroy();
  await moto?.stop();
});

const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));

interface Account {
  readonly disks: Map<string, Tree>;
  /** Volume and snapshot ids (with what describe shows of them) that are not Vigil's. */
  readonly before: { volumes: Map<string, string>; snapshots: Set<string> };
  readonly instances: { web: string; db: string; optedOut: string };
}

async function resetMoto(): Promise<void> {
  const res = await fetch(`${moto.endpoint}/moto-api/reset`, { method: "POST" });
  expect(res.ok).toBe(true);
}

function describeState(v: Volume): string {
  return `${v.State} ${(v.Attachments ?? []).map((a) => `${a.InstanceId}:${a.Device}:${a.State}`).join(",")}`;
}

async function allVolumes(): Promise<Volume[]> {
  return (await ec2.send(new DescribeVolumesCommand({}))).Volumes ?? [];
}

async function allSnapshots(): Promise<Snapshot[]> {
  return (await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots ?? [];
}

const isVigils = (t: { Key?: string | undefined; Value?: string | undefined }[] | undefined) =>
  (t ?? []).some((x) => x.Key === "Vigil Integration" && x.Value === INTEGRATION) &&
  (t ?? []).some((x) => x.Key === "Created By" && x.Value === "Vigil");

async function buildAccount(options: { leftovers?: boolean } = {}): Promise<Account> {
  await resetMoto();
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }));
  const subnet = await ec2.send(
    new CreateSubnetCommand({
      VpcId: vpc.Vpc?.VpcId,
      CidrBlock: "10.0.1.0/24",
      AvailabilityZone: `${REGION}b`,
    }),
  );
  const template = await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: GROUP,
      LaunchTemplateData: { ImageId: "ami-12345678", InstanceType: "t4g.small" },
      TagSpecifications: [{ ResourceType: "launch-template", Tags: tags(VIGIL) }],
    }),
  );
  await autoscaling.send(
    new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: GROUP,
      MinSize: 0,
      MaxSize: 2,
      DesiredCapacity: 0,
      LaunchTemplate: { LaunchTemplateId: template.LaunchTemplate?.LaunchTemplateId, Version: "1" },
      VPCZoneIdentifier: subnet.Subnet?.SubnetId,
      Tags: Object.entries(VIGIL).map(([Key, Value]) => ({ Key, Value, PropagateAtLaunch: true })),
    }),
  );
  const launch = async (
    name: string,
    devices: string[],
    extra: Record<string, string> = {},
    encrypted = false,
  ) => {
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: "ami-12345678",
        MinCount: 1,
        MaxCount: 1,
        InstanceType: "t3.micro",
        SubnetId: subnet.Subnet?.SubnetId,
        BlockDeviceMappings: devices.map((DeviceName, i) => ({
          DeviceName,
          // moto ignores Encrypted on the root device: the data volumes carry it.
          Ebs: { VolumeSize: i === 0 ? 8 : 50, ...(encrypted && i > 0 ? { Encrypted: true } : {}) },
        })),
        TagSpecifications: [{ ResourceType: "instance", Tags: tags({ Name: name, ...extra }) }],
      }),
    );
    const instance = out.Instances?.[0];
    return {
      instanceId: instance?.InstanceId as string,
      root: instance?.RootDeviceName as string,
      volumes: (instance?.BlockDeviceMappings ?? []).map((m) => ({
        device: m.DeviceName as string,
        volumeId: m.Ebs?.VolumeId as string,
      })),
    };
  };
  // moto names the root device /dev/sda1 whatever the mapping: give the root that name.
  // Its data volume is encrypted (moto's default key): its copies are made and attached the same way.
  const web = await launch("web", ["/dev/sda1", "/dev/sdb"], {}, true);
  const db = await launch("db", ["/dev/sda1"]);
  const optedOut = await launch("legacy", ["/dev/sda1"], { [OPT_OUT_TAG]: "disabled" });
  const disks = new Map<string, Tree>();
  const rootOf = (i: typeof web) => i.volumes.find((v) => v.device === i.root)?.volumeId as string;
  const t = debianHardened();
  disks.set(
    rootOf(web),
    withChanges(t, {
      "/etc/ssh/sshd_config.d/50-cis.conf": edited(
        t,
        "/etc/ssh/sshd_config.d/50-cis.conf",
        /PermitRootLogin no/,
        "PermitRootLogin yes",
      ),
    }),
  );
  disks.set(web.volumes.find((v) => v.device !== web.root)?.volumeId as string, {
    "/srv/data.csv": { type: "file", content: "a,b\n" },
  });
  disks.set(rootOf(db), debianHardened());
  // Not Vigil's: a customer's volume and snapshot, and another integration's copy.
  const own = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${REGION}a`,
      Size: 5,
      TagSpecifications: [{ ResourceType: "volume", Tags: tags({ team: "data" }) }],
    }),
  );
  await ec2.send(
    new CreateSnapshotCommand({
      VolumeId: own.VolumeId,
      TagSpecifications: [{ ResourceType: "snapshot", Tags: tags({ backup: "daily" }) }],
    }),
  );
  await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${REGION}a`,
      Size: 5,
      TagSpecifications: [
        {
          ResourceType: "volume",
          Tags: tags({ "Created By": "Vigil", "Vigil Integration": "int-other", "Vigil Scan": "scan-x" }),
        },
      ],
    }),
  );
  if (options.leftovers) {
    // An earlier scan crashed: its volume copy and snapshot are still there.
    const left = { ...VIGIL, "Vigil Scan": "scan-crashed", [SOURCE_VOLUME_TAG]: rootOf(db) };
    await ec2.send(
      new CreateSnapshotCommand({
        VolumeId: rootOf(db),
        TagSpecifications: [{ ResourceType: "snapshot", Tags: tags(left) }],
      }),
    );
    await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${REGION}b`,
        Size: 8,
        TagSpecifications: [{ ResourceType: "volume", Tags: tags(left) }],
      }),
    );
  }
  const volumes = new Map<string, string>();
  for (const v of await allVolumes())
    if (!isVigils(v.Tags)) volumes.set(v.VolumeId as string, describeState(v));
  const snapshots = new Set(
    (await allSnapshots()).filter((s) => !isVigils(s.Tags)).map((s) => s.SnapshotId as string),
  );
  return {
    disks,
    before: { volumes, snapshots },
    instances: { web: web.instanceId, db: db.instanceId, optedOut: optedOut.instanceId },
  };
}

/** The group's instances in service act as the scanner: their attached copies, scanned from the trees. */
async function scannerActs(
  acc: Account,
  store: InMemoryEventStore,
  clock: ManualClock,
  reported: Set<string>,
): Promise<void> {
  const group = (
    await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [GROUP] }))
  ).AutoScalingGroups?.[0];
  for (const i of group?.Instances ?? []) {
    if (i.LifecycleState !== "InService" || !i.InstanceId) continue;
    const instanceId = i.InstanceId;
    await scanAttachedCopies(
      {
        accountId: ACCOUNT,
        region: REGION,
        instanceId,
        integrationId: INTEGRATION,
        attachedCopies: () => describeAttachedCopies(ec2, instanceId),
        async open(copy) {
          const tree = acc.disks.get(copy.tags[SOURCE_VOLUME_TAG] ?? "");
          return tree
            ? { ok: true, fs: memoryRootFs(tree), close: async () => {} }
            : { ok: false, code: "NoFilesystem", message: "no filesystem" };
        },
        async publish(events) {
          for (const e of events)
            await recordScannerResult(store, e, { integrationId: INTEGRATION, accountId: ACCOUNT });
        },
      },
      { now: () => clock.now(), reported },
    );
  }
}

async function scan(acc: Account, scanId: string, crashAt?: number) {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const store = new InMemoryEventStore({ now: () => new Date(clock.now()) });
  const api = ec2EbsApi(() => ({ ec2, autoscaling }));
  const reported = new Set<string>();
  const mutations: string[] = [];
  let crashes = 0;
  for (let round = 0; round < 60; round++) {
    const orchestrator = new EbsOrchestrator({
      store,
      api,
      integrationId: INTEGRATION,
      accountId: ACCOUNT,
      source: `urn:vigil:agent:${ACCOUNT}`,
      clock,
      scannerGroupFor: (r) => (r === REGION ? GROUP : undefined),
      homeRegion: REGION,
      afterMutation: (step) => {
        mutations.push(step);
        if (mutations.length === crashAt) throw new Crash(step);
      },
    });
    try {
      const out = await orchestrator.advance(scanId, REGION);
      if (out.done) return { state: out.state, mutations, crashes, store };
    } catch (error) {
      if (!(error instanceof Crash)) throw error;
      crashes++;
    }
    await clock.advance(20_000);
    await scannerActs(acc, store, clock, reported);
  }
  throw new Error("the EBS scan did not finish in 60 rounds");
}

/** What describe-volumes and describe-snapshots show now, against what was there before the scan. */
async function leftBehind(acc: Account) {
  const volumes = await allVolumes();
  const snapshots = await allSnapshots();
  const vigilVolumes = volumes.filter((v) => isVigils(v.Tags)).map((v) => v.VolumeId);
  const vigilSnapshots = snapshots.filter((s) => isVigils(s.Tags)).map((s) => s.SnapshotId);
  const others = new Map(
    volumes.filter((v) => !isVigils(v.Tags)).map((v) => [v.VolumeId as string, describeState(v)]),
  );
  const otherSnapshots = new Set(
    snapshots.filter((s) => !isVigils(s.Tags)).map((s) => s.SnapshotId as string),
  );
  const group = (
    await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [GROUP] }))
  ).AutoScalingGroups?.[0];
  return {
    vigilVolumes,
    vigilSnapshots,
    othersUnchanged:
      [...acc.before.volumes].every(([id, s]) => others.get(id) === s) &&
      others.size === acc.before.volumes.size,
    otherSnapshotsUnchanged:
      [...acc.before.snapshots].every((id) => otherSnapshots.has(id)) &&
      otherSnapshots.size === acc.before.snapshots.size,
    counts: `describe-volumes: ${volumes.length} (Vigil's ${vigilVolumes.length}, others ${others.size}/${acc.before.volumes.size} unchanged); describe-snapshots: ${snapshots.length} (Vigil's ${vigilSnapshots.length}, others ${otherSnapshots.size}/${acc.before.snapshots.size}); scanner group desired ${group?.DesiredCapacity}`,
    desired: group?.DesiredCapacity,
  };
}

describe("EBS scan against the emulated account (moto)", () => {
  let baselineSteps = 0;
  let expected: Record<string, Record<string, string>> = {};

  it("scans every disk of the running instances, then leaves nothing of Vigil's and touches nothing else", async () => {
    const acc = await buildAccount();
    const { state, mutations } = await scan(acc, "scan-moto");
    baselineSteps = mutations.length;
    const reports = instanceOsReports(state, {
      accountId: ACCOUNT,
      region: REGION,
      now: Date.UTC(2026, 5, 1),
    });
    expected = Object.fromEntries(
      reports.map((r) => [
        r.asset.name ?? "",
        Object.fromEntries(r.results.map((x) => [x.checkId, x.status])),
      ]),
    );
    expect(Object.keys(expected).sort()).toEqual(["db", "web"]);
    expect(expected.web?.["vigil.os.sshd-root-login-disabled"]).toBe("fail");
    expect(expected.db?.["vigil.os.sshd-root-login-disabled"]).toBe("pass");
    expect(state.optedOut).toEqual([acc.instances.optedOut]);
    expect([...state.tasks.values()].every((t) => t.scanned)).toBe(true);
    const webData = [...state.tasks.values()].find(
      (t) => t.planned.instanceId === acc.instances.web && !t.planned.root,
    );
    expect(webData?.planned.encrypted).toBe(true);
    expect(webData?.scanned?.volumeRole).toBe("data");
    const left = await leftBehind(acc);
    console.log(
      `after the scan: ${left.counts}; ${mutations.length} changes (${[...new Set(mutations)].join(", ")})`,
    );
    expect(left.vigilVolumes).toEqual([]);
    expect(left.vigilSnapshots).toEqual([]);
    expect(left.othersUnchanged).toBe(true);
    expect(left.otherSnapshotsUnchanged).toBe(true);
    expect(left.desired).toBe(0);
  }, 120_000);

  it("ends the same after a crash following each AWS change", async () => {
    expect(baselineSteps).toBeGreaterThan(10);
    for (let k = 1; k <= baselineSteps; k++) {
      const acc = await buildAccount();
      const run = await scan(acc, "scan-moto", k);
      expect(run.crashes, `crash after change #${k}`).toBe(1);
      const reports = instanceOsReports(run.state, {
        accountId: ACCOUNT,
        region: REGION,
        now: Date.UTC(2026, 5, 1),
      });
      const got = Object.fromEntries(
        reports.map((r) => [
          r.asset.name ?? "",
          Object.fromEntries(r.results.map((x) => [x.checkId, x.status])),
        ]),
      );
      expect(got, `crash after change #${k} (${run.mutations[k - 1]})`).toEqual(expected);
      const left = await leftBehind(acc);
      expect(left.vigilVolumes, `crash after change #${k}`).toEqual([]);
      expect(left.vigilSnapshots, `crash after change #${k}`).toEqual([]);
      expect(left.othersUnchanged && left.otherSnapshotsUnchanged, `crash after change #${k}`).toBe(true);
      if (k === 1 || k === baselineSteps)
        console.log(`crash after change #${k} (${run.mutations[k - 1]}): ${left.counts}`);
    }
  }, 600_000);

  it("makes only the calls it declares (EBS_CALLS, which the permission set must allow)", async () => {
    made.clear();
    const acc = await buildAccount({ leftovers: true });
    made.clear(); // the test's own set-up calls are not the scan's
    await scan(acc, "scan-calls");
    const declared = new Set<string>(EBS_CALLS);
    expect([...made].filter((c) => !declared.has(c))).toEqual([]);
    expect([...made].sort()).toEqual(
      expect.arrayContaining(["ec2:AttachVolume", "ec2:CreateSnapshot", "ec2:DeleteSnapshot"]),
    );
  }, 120_000);

  it("deletes the copies an earlier crashed run left", async () => {
    const acc = await buildAccount({ leftovers: true });
    const before =
      (await allVolumes()).filter((v) => isVigils(v.Tags)).length +
      (await allSnapshots()).filter((s) => isVigils(s.Tags)).length;
    expect(before).toBe(2);
    const { store } = await scan(acc, "scan-after-crash");
    const events = (await store.readStream(`ebs#scan-after-crash#${REGION}`)).events.map((e) => e.event);
    expect(
      events
        .filter((e) => e.type === "vigil.ebs.leftover-deleted.v1")
        .map((e) => (e.data as { createdForScan: string }).createdForScan),
    ).toEqual(["scan-crashed", "scan-crashed"]);
    const left = await leftBehind(acc);
    console.log(`leftovers (2 copies of scan-crashed) → ${left.counts}`);
    expect(left.vigilVolumes).toEqual([]);
    expect(left.vigilSnapshots).toEqual([]);
    expect(left.othersUnchanged && left.otherSnapshotsUnchanged).toBe(true);
  }, 120_000);
});
