import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { type AwsClients, registerClients } from "../aws/clients.ts";
import { errorCodeOf, errorMessageOf } from "./reader.ts";

registerClients({ ec2: EC2Client, sts: STSClient });

export interface RegionStatus {
  readonly region: string;
  readonly status: "enabled" | "opted-out";
}

export interface AccountIdentity {
  readonly accountId: string;
  /** `aws`, `aws-cn`, `aws-us-gov`: from the caller identity's ARN. */
  readonly partition: string;
  readonly regions: readonly RegionStatus[];
  /** The enabled regions to scan, home region first (the account shard runs there). */
  readonly scannedRegions: readonly string[];
}

/** The account cannot be scanned at all (no identity, no regions, a region not enabled). */
export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Who the account is and which regions it has enabled: the two calls a scan needs before it can
 * plan its shards. `regions` narrows the scan; naming a region that is not enabled is an error.
 */
export async function identifyAccount(
  clients: AwsClients,
  regions?: readonly string[],
): Promise<AccountIdentity> {
  const home = clients.forRegion(clients.homeRegion);
  let accountId: string;
  let partition = "aws";
  try {
    const identity = await home.sts.send(new GetCallerIdentityCommand({}));
    accountId = identity.Account ?? "";
    partition = /^arn:(aws[a-z-]*):/.exec(identity.Arn ?? "")?.[1] ?? "aws";
  } catch (e) {
    throw new DiscoveryError(
      errorCodeOf(e),
      `Cannot identify the account (sts:GetCallerIdentity failed: ${errorMessageOf(e)}). Check the credentials or --profile.`,
    );
  }
  let all: RegionStatus[];
  try {
    const out = await home.ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    all = (out.Regions ?? [])
      .flatMap((r) =>
        r.RegionName
          ? [
              {
                region: r.RegionName,
                status: r.OptInStatus === "not-opted-in" ? "opted-out" : "enabled",
              } as const,
            ]
          : [],
      )
      .sort((a, b) => a.region.localeCompare(b.region));
  } catch (e) {
    throw new DiscoveryError(
      errorCodeOf(e),
      `Cannot list the account's regions (ec2:DescribeRegions failed: ${errorMessageOf(e)}).`,
    );
  }
  const enabled = all.filter((r) => r.status === "enabled").map((r) => r.region);
  if (regions !== undefined) {
    const unknown = regions.filter((r) => !enabled.includes(r));
    if (unknown.length > 0) {
      throw new DiscoveryError(
        "RegionNotEnabled",
        `Region(s) ${unknown.join(", ")} are not enabled in account ${accountId}; enabled: ${enabled.join(", ")}.`,
      );
    }
  }
  const home_ = clients.homeRegion;
  const scannedRegions = [...new Set(regions ?? enabled)].sort((a, b) =>
    a === home_ ? -1 : b === home_ ? 1 : a.localeCompare(b),
  );
  return { accountId, partition, regions: all, scannedRegions };
}
