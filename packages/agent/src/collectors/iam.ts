import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  type GetAccessKeyLastUsedResponse,
  GetAccountPasswordPolicyCommand,
  type GetAccountPasswordPolicyResponse,
  GetAccountSummaryCommand,
  type GetAccountSummaryResponse,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  GetPolicyVersionCommand,
  type GetPolicyVersionResponse,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  type ListAccessKeysResponse,
  type ListAttachedRolePoliciesResponse,
  type ListAttachedUserPoliciesResponse,
  type ListEntitiesForPolicyResponse,
  type ListGroupsForUserResponse,
  type ListMFADevicesResponse,
  type ListUserPoliciesResponse,
  type ListVirtualMFADevicesResponse,
  type Policy,
  paginateListAccessKeys,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListEntitiesForPolicy,
  paginateListGroupsForUser,
  paginateListMFADevices,
  paginateListPolicies,
  paginateListRolePolicies,
  paginateListRoles,
  paginateListServerCertificates,
  paginateListUserPolicies,
  paginateListUsers,
  paginateListVirtualMFADevices,
  type Role,
  type ServerCertificateMetadata,
  type User,
} from "@aws-sdk/client-iam";
import {
  type AccessKey,
  type Asset,
  type AssetOf,
  GLOBAL_REGION,
  policyAllowsFullAdmin,
  policyAllowsKmsDecryptOnAllKeys,
  policyServiceWildcards,
  trustAllowsAnyPrincipal,
  type UnreadField,
} from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import { decodePolicyDocument, type RawOutcome } from "../discovery/reader.ts";
import { type CollectContext, type Collector, isoOrNull, mapLimit, notListed, tagsOf } from "./collector.ts";
import type { Where } from "./listed.ts";
import { reasonOf, UnreadFields } from "./unread.ts";

registerClients({ iam: IAMClient });

type Failed = Extract<RawOutcome<unknown>, { ok: false }>;

import { type CredentialReportRow, parseCredentialReport, ROOT_ROW } from "./credential-report.ts";

const G = (command: string, resource?: string) =>
  resource === undefined
    ? { scope: "global", service: "iam", command }
    : { scope: "global", service: "iam", command, resource };

function globalHeader<T extends string>(c: Where, type: T, arn: string, tags: Record<string, string> = {}) {
  return { arn, type, region: GLOBAL_REGION, accountId: c.accountId, tags };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An inline policy's name and document, as `GetUserPolicy` / `GetRolePolicy` return it (URL-encoded). */
export interface InlinePolicy {
  readonly name: string;
  readonly document: unknown;
}

/**
 * The documents of a principal's inline policies, one `Get*Policy` each, or why they are not known:
 * the listing's failure, or the first document that could not be read.
 */
async function inlineDocuments(
  names: RawOutcome<Pick<ListUserPoliciesResponse, "PolicyNames">>,
  get: (policy: string) => Promise<RawOutcome<{ PolicyDocument?: string | undefined }>>,
): Promise<RawOutcome<readonly InlinePolicy[]>> {
  if (!names.ok) return names;
  const documents: InlinePolicy[] = [];
  for (const name of names.value.PolicyNames ?? []) {
    const out = await get(name);
    if (!out.ok) return out;
    documents.push({ name, document: out.value.PolicyDocument });
  }
  return { ok: true, value: documents };
}

/** The inline policies that allow kms:Decrypt or kms:ReEncryptFrom on every key (KMS.2). */
function decryptingOnAllKeys(
  unread: UnreadFields,
  documents: RawOutcome<readonly InlinePolicy[]>,
): string[] | undefined {
  if (unread.failed(documents, "inlinePoliciesDecryptingAllKeys") || !documents.ok) return undefined;
  return documents.value
    .filter((p) => policyAllowsKmsDecryptOnAllKeys(decodePolicyDocument(p.document)))
    .map((p) => p.name);
}

/** What IAM answered about one user; `keyLastUsed` only where no credential report row gives the keys' last use. */
export interface UserReads {
  readonly keys: RawOutcome<Pick<ListAccessKeysResponse, "AccessKeyMetadata">>;
  readonly mfa: RawOutcome<Pick<ListMFADevicesResponse, "MFADevices">>;
  readonly login: RawOutcome<unknown>;
  readonly attached: RawOutcome<Pick<ListAttachedUserPoliciesResponse, "AttachedPolicies">>;
  readonly inline: RawOutcome<Pick<ListUserPoliciesResponse, "PolicyNames">>;
  /** `GetUserPolicy` for each inline policy `inline` names. */
  readonly inlineDocuments: RawOutcome<readonly InlinePolicy[]>;
  readonly groups: RawOutcome<Pick<ListGroupsForUserResponse, "Groups">>;
  /** `GetAccessKeyLastUsed` by access key id. */
  readonly keyLastUsed: ReadonlyMap<
    string,
    RawOutcome<Pick<GetAccessKeyLastUsedResponse, "AccessKeyLastUsed">>
  >;
}

async function readUser(
  c: CollectContext,
  user: User,
  row: CredentialReportRow | undefined,
): Promise<UserReads> {
  const name = user.UserName ?? "";
  const client = c.clients.iam;
  const [keys, mfa, login, attached, inline, groups] = await Promise.all([
    c.read.pages(G("list-access-keys", name), () => paginateListAccessKeys({ client }, { UserName: name })),
    c.read.pages(G("list-mfa-devices", name), () => paginateListMFADevices({ client }, { UserName: name })),
    c.read.one(G("get-login-profile", name), () =>
      client.send(new GetLoginProfileCommand({ UserName: name })),
    ),
    c.read.pages(G("list-attached-user-policies", name), () =>
      paginateListAttachedUserPolicies({ client }, { UserName: name }),
    ),
    c.read.pages(G("list-user-policies", name), () =>
      paginateListUserPolicies({ client }, { UserName: name }),
    ),
    c.read.pages(G("list-groups-for-user", name), () =>
      paginateListGroupsForUser({ client }, { UserName: name }),
    ),
  ]);
  const inlineDocs = await inlineDocuments(inline, (policy) =>
    c.read.one(G("get-user-policy", encodeURIComponent(`${name}/${policy}`)), () =>
      client.send(new GetUserPolicyCommand({ UserName: name, PolicyName: policy })),
    ),
  );
  const keyLastUsed = new Map<string, RawOutcome<Pick<GetAccessKeyLastUsedResponse, "AccessKeyLastUsed">>>();
  if (!row && keys.ok) {
    for (const k of keys.value.AccessKeyMetadata ?? []) {
      const id = k.AccessKeyId ?? "";
      const used = await c.read.one(G("get-access-key-last-used", id), () =>
        client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id })),
      );
      keyLastUsed.set(id, used);
      if (!used.ok) break; // the keys are unknown already: no need to ask about the others
    }
  }
  return { keys, mfa, login, attached, inline, inlineDocuments: inlineDocs, groups, keyLastUsed };
}

/** A user from `ListUsers`, its credential report row (when the report was had) and its own reads. */
export function iamUserAsset(
  c: Where,
  user: User,
  row: CredentialReportRow | undefined,
  reads: UserReads,
): AssetOf<"aws.iam.user"> {
  const name = user.UserName ?? "";
  const { keys, mfa, login, attached, inline, groups } = reads;
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.iam.user">["config"]> = {
    userName: name,
    createDate: isoOrNull(user.CreateDate) ?? new Date(0).toISOString(),
  };
  // The credential report decides password and MFA state; without it, the calls behind them do.
  if (row) {
    config.passwordEnabled = row.passwordEnabled;
    config.passwordLastUsed = row.passwordLastUsed;
    config.mfaActive = row.mfaActive;
  } else {
    if (!unread.failed(login, "passwordEnabled")) config.passwordEnabled = login.ok;
    config.passwordLastUsed = isoOrNull(user.PasswordLastUsed);
    if (!unread.failed(mfa, "mfaActive") && mfa.ok)
      config.mfaActive = (mfa.value.MFADevices ?? []).length > 0;
  }
  if (!unread.failed(mfa, "mfaDeviceCount") && mfa.ok)
    config.mfaDeviceCount = (mfa.value.MFADevices ?? []).length;
  if (!unread.failed(keys, "accessKeys") && keys.ok) {
    const accessKeys: AccessKey[] = [];
    const metadata = [...(keys.value.AccessKeyMetadata ?? [])].sort(
      (a, b) => (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0),
    );
    for (const [i, k] of metadata.entries()) {
      const created = isoOrNull(k.CreateDate);
      if (created === null) continue;
      let lastUsedDate: string | null;
      if (row) {
        // The report numbers keys by age; match on the creation date, falling back to position.
        const fromReport = row.accessKeys.find((r) => r.lastRotated === created) ?? row.accessKeys[i];
        lastUsedDate = fromReport?.lastUsedDate ?? null;
      } else {
        const used = reads.keyLastUsed.get(k.AccessKeyId ?? "") ?? {
          ok: false as const,
          kind: "error" as const,
          code: "NotRead",
          message: "the key's last use was not read",
          call: "iam:GetAccessKeyLastUsed",
        };
        // A key whose last use could not be read is not "never used": the keys are not known.
        if (unread.failed(used, "accessKeys") || !used.ok) break;
        lastUsedDate = isoOrNull(used.value.AccessKeyLastUsed?.LastUsedDate);
      }
      accessKeys.push({
        status: k.Status === "Active" ? "Active" : "Inactive",
        lastRotated: created,
        lastUsedDate,
      });
    }
    if (!unread.reasonOf("accessKeys")) config.accessKeys = accessKeys;
  }
  if (!unread.failed(attached, "attachedPolicyArns") && attached.ok)
    config.attachedPolicyArns = (attached.value.AttachedPolicies ?? []).flatMap((p) =>
      p.PolicyArn ? [p.PolicyArn] : [],
    );
  if (!unread.failed(inline, "inlinePolicyNames") && inline.ok)
    config.inlinePolicyNames = inline.value.PolicyNames ?? [];
  const decrypting = decryptingOnAllKeys(unread, reads.inlineDocuments);
  if (decrypting) config.inlinePoliciesDecryptingAllKeys = decrypting;
  if (!unread.failed(groups, "groupNames") && groups.ok)
    config.groupNames = (groups.value.Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : []));
  return unread.attach({
    ...globalHeader(
      c,
      "aws.iam.user",
      user.Arn ?? `arn:${c.partition}:iam::${c.accountId}:user/${name}`,
      tagsOf(user.Tags),
    ),
    name,
    config: config as AssetOf<"aws.iam.user">["config"],
  });
}

/** `GenerateCredentialReport` + `GetCredentialReport`, or why the report could not be had. */
async function credentialReportOrReason(
  c: CollectContext,
): Promise<{ report?: Map<string, CredentialReportRow>; unread?: UnreadField }> {
  let state: string | undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    const generated = await c.read.one(G("generate-credential-report"), () =>
      c.clients.iam.send(new GenerateCredentialReportCommand({})),
    );
    if (!generated.ok) return { unread: reasonOf(generated as Failed) };
    state = generated.value.State;
    if (state === "COMPLETE") break;
    await sleep(Math.min(4000, 250 * 2 ** attempt));
  }
  const report = await c.read.one(G("get-credential-report"), () =>
    c.clients.iam.send(new GetCredentialReportCommand({})),
  );
  if (!report.ok) return { unread: reasonOf(report as Failed) };
  if (report.value.Content === undefined)
    return {
      unread: {
        call: "iam:GetCredentialReport",
        kind: "failed",
        code: "ReportNotPresent",
        message: `the credential report had no content (state ${state ?? "unknown"})`,
      },
    };
  return { report: parseCredentialReport(Buffer.from(report.value.Content).toString("utf8")) };
}

/** The root user from `GetAccountSummary`, `ListVirtualMFADevices` and the report's `<root_account>` row. */
export function iamRootAsset(
  c: Where,
  summary: RawOutcome<Pick<GetAccountSummaryResponse, "SummaryMap">>,
  virtual: RawOutcome<Pick<ListVirtualMFADevicesResponse, "VirtualMFADevices">>,
  root: CredentialReportRow | undefined,
  reportUnread: UnreadField | undefined,
): AssetOf<"aws.iam.root"> {
  const rootArn = `arn:${c.partition}:iam::${c.accountId}:root`;
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.iam.root">["config"]> = {};
  if (!unread.failed(summary, "accessKeysPresent", "mfaActive", "hardwareMfaActive") && summary.ok) {
    const map = summary.value.SummaryMap ?? {};
    config.accessKeysPresent = map.AccountAccessKeysPresent === 1;
    config.mfaActive = map.AccountMFAEnabled === 1;
    if (!unread.failed(virtual, "hardwareMfaActive") && virtual.ok) {
      const rootHasVirtual = (virtual.value.VirtualMFADevices ?? []).some(
        (d) => d.User?.Arn === rootArn || (d.SerialNumber ?? "").endsWith(":mfa/root-account-mfa-device"),
      );
      config.hardwareMfaActive = config.mfaActive && !rootHasVirtual;
    }
  }
  // Root's last use comes only from the report.
  if (root) {
    const used = [root.passwordLastUsed, ...root.accessKeys.map((k) => k.lastUsedDate)]
      .filter((d) => d !== null)
      .sort();
    config.lastUsedDate = used.at(-1) ?? null;
  } else {
    unread.markAs(
      reportUnread ?? {
        call: "iam:GetCredentialReport",
        kind: "failed",
        code: "NoRootRow",
        message: "the credential report has no <root_account> row",
      },
      "lastUsedDate",
    );
  }
  return unread.attach({
    ...globalHeader(c, "aws.iam.root", rootArn),
    name: "root",
    config: config as AssetOf<"aws.iam.root">["config"],
  });
}

export const iamUsersCollector: Collector = {
  id: "iam-users",
  scope: "global",
  resourceTypes: ["aws.iam.user", "aws.iam.root"],
  async collect(c) {
    const client = c.clients.iam;
    const [users, credentials, summary, virtual] = await Promise.all([
      c.read.pages(G("list-users"), () => paginateListUsers({ client }, {})),
      credentialReportOrReason(c),
      c.read.one(G("get-account-summary"), () => client.send(new GetAccountSummaryCommand({}))),
      c.read.pages(G("list-virtual-mfa-devices"), () => paginateListVirtualMFADevices({ client }, {})),
    ]);
    const assets: Asset[] = [];
    const { report } = credentials;
    if (users.ok) {
      assets.push(
        ...(await mapLimit(users.value.Users ?? [], 4, async (u) => {
          const row = report?.get(u.UserName ?? "");
          return iamUserAsset(c, u, row, await readUser(c, u, row));
        })),
      );
    }
    // The account always has a root user: it is reported whatever could be read of it.
    assets.push(iamRootAsset(c, summary, virtual, report?.get(ROOT_ROW), credentials.unread));
    return users.ok ? { assets } : { ...notListed(c, iamUsersCollector, ["aws.iam.user"]), assets };
  },
};

const PASSWORD_POLICY_FIELDS = [
  "exists",
  "minimumPasswordLength",
  "requireSymbols",
  "requireNumbers",
  "requireUppercaseCharacters",
  "requireLowercaseCharacters",
  "maxPasswordAge",
  "passwordReusePrevention",
];

/** The account's password policy (`GetAccountPasswordPolicy`; `NoSuchEntity` is "none", a failure unknown). */
export function passwordPolicyAsset(
  c: Where,
  out: RawOutcome<Pick<GetAccountPasswordPolicyResponse, "PasswordPolicy">>,
): AssetOf<"aws.iam.password-policy"> {
  if (!out.ok && out.kind !== "not-configured") {
    // Unknown, which is not "no password policy": every field is unread.
    const unread = new UnreadFields();
    unread.failed(out, ...PASSWORD_POLICY_FIELDS);
    return unread.attach({
      ...globalHeader(c, "aws.iam.password-policy", c.accountId),
      name: "password-policy",
      config: {} as AssetOf<"aws.iam.password-policy">["config"],
    });
  }
  const p = out.ok ? out.value.PasswordPolicy : undefined;
  const config: AssetOf<"aws.iam.password-policy">["config"] = { exists: p !== undefined };
  if (p) {
    if (p.MinimumPasswordLength !== undefined) config.minimumPasswordLength = p.MinimumPasswordLength;
    if (p.RequireSymbols !== undefined) config.requireSymbols = p.RequireSymbols;
    if (p.RequireNumbers !== undefined) config.requireNumbers = p.RequireNumbers;
    if (p.RequireUppercaseCharacters !== undefined)
      config.requireUppercaseCharacters = p.RequireUppercaseCharacters;
    if (p.RequireLowercaseCharacters !== undefined)
      config.requireLowercaseCharacters = p.RequireLowercaseCharacters;
    if (p.MaxPasswordAge !== undefined) config.maxPasswordAge = p.MaxPasswordAge;
    if (p.PasswordReusePrevention !== undefined) config.passwordReusePrevention = p.PasswordReusePrevention;
  }
  return { ...globalHeader(c, "aws.iam.password-policy", c.accountId), name: "password-policy", config };
}

export const iamPasswordPolicyCollector: Collector = {
  id: "iam-password-policy",
  scope: "global",
  resourceTypes: ["aws.iam.password-policy"],
  async collect(c) {
    const out = await c.read.one(G("get-account-password-policy"), () =>
      c.clients.iam.send(new GetAccountPasswordPolicyCommand({})),
    );
    return { assets: [passwordPolicyAsset(c, out)] };
  },
};

/**
 * A role from `ListRoles` with its attached policies (`ListAttachedRolePolicies`) and its inline
 * policies' documents (`ListRolePolicies`, then `GetRolePolicy` each).
 */
export function iamRoleAsset(
  c: Where,
  r: Role,
  attached: RawOutcome<Pick<ListAttachedRolePoliciesResponse, "AttachedPolicies">>,
  inline: RawOutcome<readonly InlinePolicy[]>,
): AssetOf<"aws.iam.role"> {
  const name = r.RoleName ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.iam.role">["config"]> = {
    roleName: name,
    path: r.Path ?? "/",
    trustAllowsAnyPrincipal: trustAllowsAnyPrincipal(decodePolicyDocument(r.AssumeRolePolicyDocument)),
    roleLastUsedDate: isoOrNull(r.RoleLastUsed?.LastUsedDate),
  };
  if (!unread.failed(attached, "attachedPolicyArns") && attached.ok)
    config.attachedPolicyArns = (attached.value.AttachedPolicies ?? []).flatMap((p) =>
      p.PolicyArn ? [p.PolicyArn] : [],
    );
  const decrypting = decryptingOnAllKeys(unread, inline);
  if (decrypting) config.inlinePoliciesDecryptingAllKeys = decrypting;
  return unread.attach({
    ...globalHeader(c, "aws.iam.role", r.Arn ?? "", tagsOf(r.Tags)),
    name,
    config: config as AssetOf<"aws.iam.role">["config"],
  });
}

export const iamRolesCollector: Collector = {
  id: "iam-roles",
  scope: "global",
  resourceTypes: ["aws.iam.role"],
  async collect(c) {
    const client = c.clients.iam;
    const out = await c.read.pages(G("list-roles"), () => paginateListRoles({ client }, {}));
    if (!out.ok) return notListed(c, iamRolesCollector);
    const assets = await mapLimit(out.value.Roles ?? [], 8, async (r): Promise<AssetOf<"aws.iam.role">> => {
      const name = r.RoleName ?? "";
      const [attached, names] = await Promise.all([
        c.read.pages(G("list-attached-role-policies", name), () =>
          paginateListAttachedRolePolicies({ client }, { RoleName: name }),
        ),
        c.read.pages(G("list-role-policies", name), () =>
          paginateListRolePolicies({ client }, { RoleName: name }),
        ),
      ]);
      const inline = await inlineDocuments(names, (policy) =>
        c.read.one(G("get-role-policy", encodeURIComponent(`${name}/${policy}`)), () =>
          client.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policy })),
        ),
      );
      return iamRoleAsset(c, r, attached, inline);
    });
    return { assets };
  },
};

/** A customer or AWS managed policy from `ListPolicies` with its default version (`GetPolicyVersion`). */
export function iamPolicyAsset(
  c: Where,
  p: Policy,
  version: RawOutcome<Pick<GetPolicyVersionResponse, "PolicyVersion">>,
): AssetOf<"aws.iam.policy"> {
  const name = p.PolicyName ?? "";
  const arn = p.Arn ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.iam.policy">["config"]> = {
    policyName: name,
    awsManaged: /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn),
    attachmentCount: p.AttachmentCount ?? 0,
  };
  if (
    !unread.failed(version, "allowsFullAdmin", "serviceWildcards", "allowsKmsDecryptOnAllKeys") &&
    version.ok
  ) {
    const document = decodePolicyDocument(version.value.PolicyVersion?.Document);
    config.allowsFullAdmin = policyAllowsFullAdmin(document);
    config.serviceWildcards = policyServiceWildcards(document);
    config.allowsKmsDecryptOnAllKeys = policyAllowsKmsDecryptOnAllKeys(document);
  }
  return unread.attach({
    ...globalHeader(c, "aws.iam.policy", arn, tagsOf(p.Tags)),
    name,
    config: config as AssetOf<"aws.iam.policy">["config"],
  });
}

/** Whether a role may use the AWS Support access policy (`ListEntitiesForPolicy(AWSSupportAccess)`). */
export function iamAccountAsset(
  c: Where,
  support: RawOutcome<Pick<ListEntitiesForPolicyResponse, "PolicyRoles">>,
): AssetOf<"aws.iam.account"> {
  const unread = new UnreadFields();
  const account: Partial<AssetOf<"aws.iam.account">["config"]> = {};
  if (!unread.failed(support, "supportRoleExists") && support.ok)
    account.supportRoleExists = (support.value.PolicyRoles ?? []).length > 0;
  return unread.attach({
    ...globalHeader(c, "aws.iam.account", c.accountId),
    name: "account",
    config: account as AssetOf<"aws.iam.account">["config"],
  });
}

export const iamPoliciesCollector: Collector = {
  id: "iam-policies",
  scope: "global",
  resourceTypes: ["aws.iam.policy", "aws.iam.account"],
  async collect(c) {
    const client = c.clients.iam;
    const supportArn = `arn:${c.partition}:iam::aws:policy/AWSSupportAccess`;
    const [list, support] = await Promise.all([
      c.read.pages(G("list-policies"), () => paginateListPolicies({ client }, { OnlyAttached: true })),
      c.read.pages(G("list-entities-for-policy", "AWSSupportAccess"), () =>
        paginateListEntitiesForPolicy({ client }, { PolicyArn: supportArn }),
      ),
    ]);
    const assets: Asset[] = [];
    if (list.ok) {
      const policies = await mapLimit(
        list.value.Policies ?? [],
        8,
        async (p): Promise<AssetOf<"aws.iam.policy"> | undefined> => {
          const name = p.PolicyName ?? "";
          const version = await c.read.one(G("get-policy-version", name), () =>
            client.send(new GetPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: p.DefaultVersionId })),
          );
          return iamPolicyAsset(c, p, version);
        },
      );
      for (const p of policies) if (p !== undefined) assets.push(p);
    }
    assets.push(iamAccountAsset(c, support));
    return list.ok ? { assets } : { ...notListed(c, iamPoliciesCollector, ["aws.iam.policy"]), assets };
  },
};

/** A server certificate as `ListServerCertificates` lists it (none without an ARN and an expiration). */
export function serverCertificateAsset(
  c: Where,
  m: ServerCertificateMetadata,
): AssetOf<"aws.iam.server-certificate">[] {
  const expiration = isoOrNull(m.Expiration);
  if (expiration === null || !m.Arn) return [];
  return [
    {
      arn: m.Arn,
      type: "aws.iam.server-certificate",
      region: GLOBAL_REGION,
      accountId: c.accountId,
      name: m.ServerCertificateName ?? "",
      tags: {},
      config: { serverCertificateName: m.ServerCertificateName ?? "", expiration },
    },
  ];
}

export const iamServerCertificatesCollector: Collector = {
  id: "iam-server-certificates",
  scope: "global",
  resourceTypes: ["aws.iam.server-certificate"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: "global", service: "iam", command: "list-server-certificates" },
      () => paginateListServerCertificates({ client: c.clients.iam }, {}),
    );
    if (!out.ok) return notListed(c, iamServerCertificatesCollector);
    const assets = (out.value.ServerCertificateMetadataList ?? []).flatMap((m) =>
      serverCertificateAsset(c, m),
    );
    return { assets };
  },
};
