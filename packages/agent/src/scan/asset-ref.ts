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
