import { apiError } from "../errors.ts";
import { type Call, type Handler, type Output, paginate, read, readList, required, str } from "./context.ts";

/**
 * Account- and region-wide services the CIS and FSBP checks ask about: IAM Access Analyzer,
 * AWS Config, EFS, Security Hub and S3's account-level public access block. Each answer comes
 * from the snapshot file of its call (docs/snapshot-format.md); a missing file is "not captured".
 */

/** NextToken / maxResults pagination of the REST JSON services. */
/** The member a list's next-page token comes back in, where it is not `nextToken`. */
const NEXT_TOKEN: Record<string, string> = {
  FileSystems: "NextMarker",
  MountTargets: "NextMarker",
  AccessPoints: "NextToken",
};

function tokenPage(
  call: Call,
  items: readonly unknown[],
  member: string,
  limitMember = "maxResults",
): Output {
  const { page, next } = paginate(items, {
    token: call.input.nextToken ?? call.input.NextToken ?? call.input.Marker,
    limit: call.input[limitMember],
    defaultLimit: 100,
    minLimit: 1,
    maxLimit: 1000,
  });
  return {
    [member]: page,
    ...(next ? { [NEXT_TOKEN[member] ?? "nextToken"]: next } : {}),
  };
}

export const ACCESS_ANALYZER_HANDLERS: Record<string, Handler> = {
  ListAnalyzers: (call) => {
    const type = str(call.input, "type");
    const items = readList(call, "list-analyzers", "analyzers").filter((a) => !type || a.type === type);
    return tokenPage(call, items, "analyzers");
  },
};

export const CONFIG_HANDLERS: Record<string, Handler> = {
  DescribeConfigurationRecorders: (call) => read(call, "describe-configuration-recorders"),
  DescribeConfigurationRecorderStatus: (call) => read(call, "describe-configuration-recorder-status"),
};

export const EFS_HANDLERS: Record<string, Handler> = {
  DescribeFileSystems: (call) => {
    const id = str(call.input, "FileSystemId");
    let items = readList(call, "describe-file-systems", "FileSystems");
    if (id !== undefined) {
      items = items.filter((f) => f.FileSystemId === id);
      if (items.length === 0) throw apiError("FileSystemNotFound", `File system '${id}' does not exist.`);
    }
    return tokenPage(call, items, "FileSystems", "MaxItems");
  },
  DescribeAccessPoints: (call) => {
    const fileSystem = str(call.input, "FileSystemId");
    const id = str(call.input, "AccessPointId");
    if (fileSystem !== undefined && id !== undefined)
      throw apiError("BadRequest", "You can specify AccessPointId or FileSystemId, but not both.");
    let items = readList(call, "describe-access-points", "AccessPoints");
    if (fileSystem !== undefined) items = items.filter((a) => a.FileSystemId === fileSystem);
    if (id !== undefined) {
      items = items.filter((a) => a.AccessPointId === id);
      if (items.length === 0) throw apiError("AccessPointNotFound", `Access point '${id}' does not exist.`);
    }
    return tokenPage(call, items, "AccessPoints", "MaxResults");
  },
  DescribeMountTargets: (call) => {
    const id = str(call.input, "FileSystemId");
    const target = str(call.input, "MountTargetId");
    if ((id === undefined) === (target === undefined))
      throw apiError("BadRequest", "Specify exactly one of FileSystemId and MountTargetId.");
    if (id !== undefined) {
      if (!readList(call, "describe-file-systems", "FileSystems").some((f) => f.FileSystemId === id))
        throw apiError("FileSystemNotFound", `File system '${id}' does not exist.`);
      return tokenPage(
        call,
        readList(call, "describe-mount-targets", "MountTargets", { resource: id }),
        "MountTargets",
        "MaxItems",
      );
    }
    throw apiError("MountTargetNotFound", `Mount target '${target}' does not exist.`);
  },
  DescribeBackupPolicy: (call) => {
    const id = required(call.input, "FileSystemId", call.operation);
    if (!readList(call, "describe-file-systems", "FileSystems").some((f) => f.FileSystemId === id))
      throw apiError("FileSystemNotFound", `File system '${id}' does not exist.`);
    return read(call, "describe-backup-policy", { resource: id });
  },
};

export const SECURITY_HUB_HANDLERS: Record<string, Handler> = {
  // Not subscribed: the snapshot holds AWS's InvalidAccessException as an error file.
  DescribeHub: (call) => read(call, "describe-hub"),
};

/** S3 Control answers only for the account the request names (`x-amz-account-id`). */
function ownAccount(call: Call): void {
  if (str(call.input, "AccountId") !== call.model.accountId)
    throw apiError("AccessDenied", "Access Denied (the account id is not this account's)");
}

/** `MaxResults` / `NextToken` pages of an S3 Control list. */
function controlPage(call: Call, items: readonly unknown[], member: string, maxLimit: number): Output {
  const { page, next } = paginate(items, {
    token: call.input.NextToken,
    limit: call.input.MaxResults,
    defaultLimit: maxLimit,
    minLimit: 0,
    maxLimit,
  });
  return { [member]: page, ...(next ? { NextToken: next } : {}) };
}

export const S3_CONTROL_HANDLERS: Record<string, Handler> = {
  GetPublicAccessBlock: (call) => {
    ownAccount(call);
    return read(call, "get-public-access-block", { global: true });
  },
  ListAccessPoints: (call) => {
    ownAccount(call);
    const bucket = str(call.input, "Bucket");
    const points = readList(call, "list-access-points", "AccessPointList").filter(
      (p) => bucket === undefined || p.Bucket === bucket,
    );
    return controlPage(call, points, "AccessPointList", 1000);
  },
  GetAccessPoint: (call) => {
    ownAccount(call);
    const name = required(call.input, "Name", call.operation);
    if (!readList(call, "list-access-points", "AccessPointList").some((p) => p.Name === name))
      throw apiError("NoSuchAccessPoint", "The specified accesspoint does not exist");
    return read(call, "get-access-point", { resource: name });
  },
  // Account-wide: AWS answers in us-west-2 for every Multi-Region Access Point of the account.
  ListMultiRegionAccessPoints: (call) => {
    ownAccount(call);
    const points = readList(call, "list-multi-region-access-points", "AccessPoints", { global: true });
    return controlPage(call, points, "AccessPoints", 100);
  },
};
