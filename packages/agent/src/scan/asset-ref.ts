import type { AssetRef } from "@vigil/events";
import type { AssetHeader } from "../assets/index.ts";

/**
 * The asset as an event names it. Findings name account-wide settings `<account>` and per-region
 * settings `<account>/<region>` (docs/snapshot-format.md); events need an ARN, so those become
 * `arn:<partition>:<service>:<region>:<account>:<kind>` from the asset type
 * (`aws.ec2.account-settings` in eu-west-1 → `arn:aws:ec2:eu-west-1:<account>:account-settings`).
 */
export function eventArnOf(
  header: Pick<AssetHeader, "arn" | "type" | "region" | "accountId">,
  partition = "aws",
): string {
  if (header.arn.startsWith("arn:")) return header.arn;
  const [, service = "vigil", kind = "settings"] = header.type.split(".");
  const region = header.region === "global" ? "" : header.region;
  return `arn:${partition}:${service}:${region}:${header.accountId}:${kind}`;
}

/** Asset types that are an account's (or an account's region's) settings, named without an ARN. */
export const SETTINGS_TYPES: ReadonlySet<string> = new Set([
  "aws.iam.account",
  "aws.iam.password-policy",
  "aws.ec2.account-settings",
  "aws.logs.cis-monitoring",
  "aws.cloudtrail.account-settings",
  "aws.s3.account-settings",
  "aws.accessanalyzer.account-settings",
  "aws.config.account-settings",
  "aws.securityhub.account-settings",
  "aws.guardduty.account-settings",
  "aws.inspector2.account-settings",
  "aws.macie2.account-settings",
  "aws.backup.account-settings",
  "aws.rds.account-settings",
  "aws.organizations.account",
]);

/**
 * How a finding names the asset an event carries: `eventArnOf` undone, so account-wide settings
 * read `<account>` and per-region settings `<account>/<region>` again; any other ARN as it is.
 */
export function findingResourceOf(asset: Pick<AssetHeader, "arn" | "type" | "region" | "accountId">): string {
  const match = /^arn:(aws[a-z-]*):/.exec(asset.arn);
  if (!match || !SETTINGS_TYPES.has(asset.type)) return asset.arn;
  const settings = eventArnOf({ ...asset, arn: "" }, match[1]);
  if (asset.arn !== settings) return asset.arn;
  return asset.region === "global" ? asset.accountId : `${asset.accountId}/${asset.region}`;
}

export function assetRefOf(header: AssetHeader, partition = "aws"): AssetRef {
  const ref: AssetRef = {
    arn: eventArnOf(header, partition),
    type: header.type,
    region: header.region,
    accountId: header.accountId,
    tags: header.tags,
  };
  if (header.name !== undefined) ref.name = header.name.slice(0, 1024);
  return ref;
}
