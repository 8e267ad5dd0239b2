/**
 * Discovery under AWS's rate limits: `npx tsx packages/agent/bench/throttle.ts [--instances N] [--groups N]`.
 * 17 regions, 10,000 instances, 2,000 security groups on the simulated account, on virtual time.
 */
import { createSimulatedAccount, generateAccount, snapshotKey } from "@vigil/testkit";
import { runThrottleBench, type ThrottleAccountFactory } from "../src/index.ts";

export const BENCH_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
];

/** Generates the account once and trims it to exactly `instances` instances and `groups` security groups. */
export function benchAccountFactory(instances = 10_000, groups = 2_000): ThrottleAccountFactory {
  const perRegion = Math.ceil(instances / BENCH_REGIONS.length);
  const model = generateAccount({ seed: "bench-throttle", regions: BENCH_REGIONS, assetsPerRegion: perRegion });
  let instancesLeft = instances;
  let groupsLeft = groups;
  BENCH_REGIONS.forEach((region, i) => {
    const regionsLeft = BENCH_REGIONS.length - i;
    const ik = snapshotKey(region, "ec2", "describe-instances");
    const reservations = (model.files.get(ik) as { Reservations: unknown[] }).Reservations;
    const keepI = Math.min(reservations.length, Math.ceil(instancesLeft / regionsLeft));
    model.files.set(ik, { Reservations: reservations.slice(0, keepI) });
    instancesLeft -= keepI;
    const gk = snapshotKey(region, "ec2", "describe-security-groups");
    const sgs = (model.files.get(gk) as { SecurityGroups: unknown[] }).SecurityGroups;
    const keepG = Math.min(sgs.length, Math.ceil(groupsLeft / regionsLeft));
    model.files.set(gk, { SecurityGroups: sgs.slice(0, keepG) });
    groupsLeft -= keepG;
  });
  return ({ clock, noisyNeighbour }) =>
    createSimulatedAccount(model, { clock, ...(noisyNeighbour > 0 ? { noisyNeighbour: { fraction: noisyNeighbour } } : {}) });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const rows = await runThrottleBench({ account: benchAccountFactory(arg("--instances"), arg("--groups")) });
  console.table(rows);
}
