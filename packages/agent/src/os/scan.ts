/**
 * One instance's operating system, assessed from its root filesystem: the facts (`readOsFacts`),
 * the `aws.ec2.instance-os` asset they make, and the OS checks of the catalogue evaluated on it.
 * Pure apart from reading the filesystem it is given; the EBS scanner calls it on each mounted
 * volume, tests on trees they build.
 */
import { type Asset, type AssetHeader, parseAsset } from "../assets/index.ts";
import { type InstanceOsConfig, instanceOsArn } from "../assets/os.ts";
import type { AnyCheck } from "../checks/check.ts";
import {
  type AssetReport,
  emptySummary,
  evaluateAsset,
  planEvaluation,
  type ScanSummary,
} from "../checks/evaluate.ts";
import { OS_CHECKS } from "../checks/os/index.ts";
import { readOsFacts } from "./facts.ts";
import type { RootFs } from "./rootfs.ts";

export interface OsScanTarget {
  readonly accountId: string;
  readonly region: string;
  readonly instanceId: string;
  readonly name?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export type OsScanResult =
  | {
      readonly kind: "assessed";
      readonly asset: Asset & { type: "aws.ec2.instance-os" };
      readonly report: AssetReport;
      readonly summary: ScanSummary;
      readonly filesRead: number;
    }
  /** The filesystem has no `/etc/os-release` nor `/usr/lib/os-release`: a data volume, not an OS root. */
  | { readonly kind: "no-os"; readonly filesRead: number };

export { instanceOsArn };

export class InvalidOsFactsError extends Error {
  override readonly name = "InvalidOsFactsError";
}

export async function scanOperatingSystem(
  fs: RootFs,
  target: OsScanTarget,
  options: { now: number; catalogue?: readonly AnyCheck[] },
): Promise<OsScanResult> {
  const facts = await readOsFacts(fs, target.instanceId);
  if (facts.config.os === null) return { kind: "no-os", filesRead: facts.filesRead };
  const candidate = {
    arn: instanceOsArn(target),
    type: "aws.ec2.instance-os" as const,
    region: target.region,
    accountId: target.accountId,
    ...(target.name !== undefined ? { name: target.name } : {}),
    tags: { ...(target.tags ?? {}) },
    config: facts.config as InstanceOsConfig,
    ...(Object.keys(facts.unread).length > 0 ? { unread: facts.unread } : {}),
  };
  const parsed = parseAsset(candidate);
  if (!parsed.ok)
    throw new InvalidOsFactsError(
      `the facts read do not make a valid aws.ec2.instance-os asset: ${parsed.issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join("; ")}`,
    );
  const asset = parsed.asset as Asset & { type: "aws.ec2.instance-os" };
  const plan = planEvaluation({ now: options.now, catalogue: options.catalogue ?? OS_CHECKS });
  const summary = emptySummary();
  const report = evaluateAsset(plan, asset, summary);
  return { kind: "assessed", asset, report, summary, filesRead: facts.filesRead };
}

export type { AssetHeader };
