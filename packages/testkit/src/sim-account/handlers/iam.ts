import { apiError } from "../errors.ts";
import { type Call, type Handler, type Output, paginate, read, readList, required, str } from "./context.ts";

const G = { global: true } as const;

/** IAM pages: Marker / MaxItems (default 100), with IsTruncated on every answer. */
function iamPage(call: Call, items: readonly unknown[], member: string): Output {
  const { page, next } = paginate(items, {
    token: call.input.Marker,
    limit: call.input.MaxItems,
    defaultLimit: 100,
    maxLimit: 1000,
  });
  return { [member]: page, IsTruncated: next !== undefined, ...(next ? { Marker: next } : {}) };
}

function userOf(call: Call): string {
  const name = required(call.input, "UserName", call.operation);
  const users = readList(call, "list-users", "Users", G);
  if (!users.some((u) => u.UserName === name)) {
    throw apiError("NoSuchEntity", `The user with name ${name} cannot be found.`);
  }
  return name;
}

/** A per-user list call; a user the snapshot has no file for has none of those things (the reads description's `absent`). */
function perUserList(command: string, member: string): Handler {
  return (call) => {
    if (call.input.UserName === undefined && command === "list-access-keys") return iamPage(call, [], member);
    const user = userOf(call);
    const file = read(call, command, { ...G, resource: user });
    return iamPage(call, (file[member] as unknown[] | undefined) ?? [], member);
  };
}

function globalList(
  command: string,
  member: string,
  keep: (item: Output, call: Call) => boolean = () => true,
): Handler {
  return (call) =>
    iamPage(
      call,
      readList(call, command, member, G).filter((i) => keep(i, call)),
      member,
    );
}

function policyName(call: Call): string {
  const arn = required(call.input, "PolicyArn", call.operation);
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  if (!arn.startsWith("arn:aws:iam::") || name === "") {
    throw apiError("InvalidInput", `ARN ${arn} is not valid.`);
  }
  return name;
}

const getPolicyVersion: Handler = (call) => {
  const name = policyName(call);
  const version = required(call.input, "VersionId", call.operation);
  const notFound = {
    error: "NoSuchEntity",
    message: `Policy ${String(call.input.PolicyArn)} version ${version} does not exist or is not attachable.`,
  };
  const file = read(call, "get-policy-version", { ...G, resource: name, whenMissing: notFound });
  const stored = file.PolicyVersion as Output | undefined;
  if (stored?.VersionId !== version) throw apiError(notFound.error, notFound.message);
  return file;
};

const listEntitiesForPolicy: Handler = (call) => {
  const name = policyName(call);
  const known = readList(call, "list-policies", "Policies", G).some((p) => p.Arn === call.input.PolicyArn);
  const file = read(call, "list-entities-for-policy", {
    ...G,
    resource: name,
    whenMissing: known
      ? { output: { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [] } }
      : {
          error: "NoSuchEntity",
          message: `Policy ${String(call.input.PolicyArn)} does not exist or is not attachable.`,
        },
  });
  return { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [], ...file, IsTruncated: false };
};

const getAccessKeyLastUsed: Handler = (call) => {
  const keyId = required(call.input, "AccessKeyId", call.operation);
  const stored = call.model.files.get(`global/iam/get-access-key-last-used/${keyId}`);
  if (stored !== undefined) return read(call, "get-access-key-last-used", { ...G, resource: keyId });
  for (const [key, value] of call.model.files) {
    if (!key.startsWith("global/iam/list-access-keys/")) continue;
    const keys = ((value as Output).AccessKeyMetadata as Output[] | undefined) ?? [];
    const found = keys.find((k) => k.AccessKeyId === keyId);
    if (found) return { UserName: found.UserName, AccessKeyLastUsed: { ServiceName: "N/A", Region: "N/A" } };
  }
  throw apiError("AccessDenied", `The access key ${keyId} does not exist in this account.`);
};

function roleOf(call: Call): string {
  const role = required(call.input, "RoleName", call.operation);
  if (!readList(call, "list-roles", "Roles", G).some((r) => r.RoleName === role))
    throw apiError("NoSuchEntity", `The role with name ${role} cannot be found.`);
  return role;
}

/** `GetUserPolicy` / `GetRolePolicy`: one inline policy, its document URL-encoded as IAM returns it. */
function getInlinePolicy(command: string, principal: (call: Call) => string, member: string): Handler {
  return (call) => {
    const owner = principal(call);
    const policy = required(call.input, "PolicyName", call.operation);
    const file = read(call, command, { ...G, resource: encodeURIComponent(`${owner}/${policy}`) });
    const document = file.PolicyDocument;
    return {
      [member]: owner,
      PolicyName: policy,
      PolicyDocument: typeof document === "string" ? document : encodeURIComponent(JSON.stringify(document)),
    };
  };
}

export const IAM_HANDLERS: Record<string, Handler> = {
  ListUsers: globalList("list-users", "Users"),
  ListRoles: globalList("list-roles", "Roles"),
  ListPolicies: globalList("list-policies", "Policies", (p, call) => {
    const scope = str(call.input, "Scope") ?? "All";
    const aws = String(p.Arn).startsWith("arn:aws:iam::aws:");
    if (scope === "AWS" && !aws) return false;
    if (scope === "Local" && aws) return false;
    return call.input.OnlyAttached !== true || Number(p.AttachmentCount ?? 0) > 0;
  }),
  ListVirtualMFADevices: globalList("list-virtual-mfa-devices", "VirtualMFADevices", (d, call) => {
    const status = str(call.input, "AssignmentStatus") ?? "Any";
    return status === "Any" || (status === "Assigned") === (d.User !== undefined);
  }),
  ListAccessKeys: perUserList("list-access-keys", "AccessKeyMetadata"),
  ListMFADevices: perUserList("list-mfa-devices", "MFADevices"),
  ListAttachedUserPolicies: perUserList("list-attached-user-policies", "AttachedPolicies"),
  ListUserPolicies: perUserList("list-user-policies", "PolicyNames"),
  ListGroupsForUser: perUserList("list-groups-for-user", "Groups"),
  ListAttachedRolePolicies: (call) => {
    const file = read(call, "list-attached-role-policies", { ...G, resource: roleOf(call) });
    return iamPage(call, (file.AttachedPolicies as unknown[] | undefined) ?? [], "AttachedPolicies");
  },
  ListRolePolicies: (call) => {
    const file = read(call, "list-role-policies", { ...G, resource: roleOf(call) });
    return iamPage(call, (file.PolicyNames as unknown[] | undefined) ?? [], "PolicyNames");
  },
  GetUserPolicy: getInlinePolicy("get-user-policy", userOf, "UserName"),
  GetRolePolicy: getInlinePolicy("get-role-policy", roleOf, "RoleName"),
  ListServerCertificates: globalList("list-server-certificates", "ServerCertificateMetadataList"),
  GetLoginProfile: (call) => {
    const user = userOf(call);
    return read(call, "get-login-profile", { ...G, resource: user });
  },
  GetAccountPasswordPolicy: (call) =>
    read(call, "get-account-password-policy", {
      ...G,
      whenMissing: {
        error: "NoSuchEntity",
        message: `The Password Policy with domain name ${call.model.accountId} cannot be found.`,
      },
    }),
  GetAccountSummary: (call) => read(call, "get-account-summary", G),
  GenerateCredentialReport: (call) =>
    read(call, "generate-credential-report", { ...G, whenMissing: { output: { State: "COMPLETE" } } }),
  GetCredentialReport: (call) =>
    read(call, "get-credential-report", {
      ...G,
      whenMissing: {
        error: "ReportNotPresent",
        message: "Credential report not present. Call GenerateCredentialReport first.",
      },
    }),
  GetPolicyVersion: getPolicyVersion,
  ListEntitiesForPolicy: listEntitiesForPolicy,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
};
