import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  GetPolicyVersionCommand,
  paginateListAccessKeys,
  paginateListAttachedUserPolicies,
  paginateListEntitiesForPolicy,
  paginateListMFADevices,
  paginateListPolicies,
  paginateListRoles,
  paginateListUserPolicies,
  paginateListUsers,
  paginateListVirtualMFADevices,
  type User,
} from "@aws-sdk/client-iam";
import {
  type AccessKey,
  type Asset,
  type AssetOf,
  GLOBAL_REGION,
  policyAllowsFullAdmin,
  trustAllowsAnyPrincipal,
} from "../assets/index.ts";
import { decodePolicyDocument } from "../discovery/reader.ts";
import { type CollectContext, type Collector, isoOrNull, mapLimit, tagsOf } from "./collector.ts";
import { type CredentialReportRow, parseCredentialReport, ROOT_ROW } from "./credential-report.ts";

const G = (command: string, resource?: string) =>
  resource === undefined
    ? { scope: "global", service: "iam", command }
    : { scope: "global", service: "iam", command, resource };

function globalHeader<T extends string>(
  c: CollectContext,
  type: T,
  arn: string,
  tags: Record<string, string> = {},
) {
  return { arn, type, region: GLOBAL_REGION, accountId: c.accountId, tags };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Generates the report and reads it; `undefined` when either call is denied or the report never completes. */
async function credentialReport(c: CollectContext): Promise<Map<string, CredentialReportRow> | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const generated = await c.read.one(G("generate-credential-report"), () =>
      c.clients.iam.send(new GenerateCredentialReportCommand({})),
    );
    if (!generated.ok) return undefined;
    if (generated.value.State === "COMPLETE") break;
    await sleep(Math.min(4000, 250 * 2 ** attempt));
  }
  const report = await c.read.one(G("get-credential-report"), () =>
    c.clients.iam.send(new GetCredentialReportCommand({})),
  );
  if (!report.ok || report.value.Content === undefined) return undefined;
  return parseCredentialReport(Buffer.from(report.value.Content).toString("utf8"));
}

async function userAsset(
  c: CollectContext,
  user: User,
  report: Map<string, CredentialReportRow> | undefined,
): Promise<AssetOf<"aws.iam.user"> | undefined> {
  const name = user.UserName ?? "";
  const client = c.clients.iam;
  const [keys, mfa, login, attached, inline] = await Promise.all([
    c.read.pages(G("list-access-keys", name), () => paginateListAccessKeys({ client }, { UserName: name })),
    c.read.pages(G("list-mfa-devices", name), () => paginateListMFADevices({ client }, { UserName: name })),
    c.read.one(
      G("get-login-profile", name),
      () => client.send(new GetLoginProfileCommand({ UserName: name })),
      {
        notConfigured: ["NoSuchEntity"],
      },
    ),
    c.read.pages(G("list-attached-user-policies", name), () =>
      paginateListAttachedUserPolicies({ client }, { UserName: name }),
    ),
    c.read.pages(G("list-user-policies", name), () =>
      paginateListUserPolicies({ client }, { UserName: name }),
    ),
  ]);
  if (!keys.ok || !mfa.ok || !attached.ok || !inline.ok || (!login.ok && login.kind !== "not-configured"))
    return undefined;
  const row = report?.get(name);
  const devices = mfa.value.MFADevices ?? [];
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
      const used = await c.read.one(G("get-access-key-last-used", k.AccessKeyId ?? ""), () =>
        client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId })),
      );
      lastUsedDate = used.ok ? isoOrNull(used.value.AccessKeyLastUsed?.LastUsedDate) : null;
    }
    accessKeys.push({
      status: k.Status === "Active" ? "Active" : "Inactive",
      lastRotated: created,
      lastUsedDate,
    });
  }
  return {
    ...globalHeader(
      c,
      "aws.iam.user",
      user.Arn ?? `arn:${c.partition}:iam::${c.accountId}:user/${name}`,
      tagsOf(user.Tags),
    ),
    name,
    config: {
      userName: name,
      createDate: isoOrNull(user.CreateDate) ?? new Date(0).toISOString(),
      passwordEnabled: row ? row.passwordEnabled : login.ok,
      passwordLastUsed: row ? row.passwordLastUsed : isoOrNull(user.PasswordLastUsed),
      mfaActive: row ? row.mfaActive : devices.length > 0,
      mfaDeviceCount: devices.length,
      accessKeys,
      attachedPolicyArns: (attached.value.AttachedPolicies ?? []).flatMap((p) =>
        p.PolicyArn ? [p.PolicyArn] : [],
      ),
      inlinePolicyNames: inline.value.PolicyNames ?? [],
      // ListGroupsForUser is not among the calls Vigil makes yet (see README).
      groupNames: [],
    },
  };
}

export const iamUsersCollector: Collector = {
  id: "iam-users",
  scope: "global",
  resourceTypes: ["aws.iam.user", "aws.iam.root"],
  async collect(c) {
    const client = c.clients.iam;
    const [users, report, summary, virtual] = await Promise.all([
      c.read.pages(G("list-users"), () => paginateListUsers({ client }, {})),
      credentialReport(c),
      c.read.one(G("get-account-summary"), () => client.send(new GetAccountSummaryCommand({}))),
      c.read.pages(G("list-virtual-mfa-devices"), () => paginateListVirtualMFADevices({ client }, {})),
    ]);
    const assets: Asset[] = [];
    if (users.ok) {
      const list = await mapLimit(users.value.Users ?? [], 4, (u) => userAsset(c, u, report));
      for (const a of list) if (a !== undefined) assets.push(a);
    }
    const root = report?.get(ROOT_ROW);
    // Root's last use comes only from the report: without it, "not used recently" cannot be decided.
    if (summary.ok && virtual.ok && root !== undefined) {
      const map = summary.value.SummaryMap ?? {};
      const rootArn = `arn:${c.partition}:iam::${c.accountId}:root`;
      const mfaActive = map.AccountMFAEnabled === 1;
      const rootHasVirtual = (virtual.value.VirtualMFADevices ?? []).some(
        (d) => d.User?.Arn === rootArn || (d.SerialNumber ?? "").endsWith(":mfa/root-account-mfa-device"),
      );
      const used = [root.passwordLastUsed, ...root.accessKeys.map((k) => k.lastUsedDate)]
        .filter((d) => d !== null)
        .sort();
      assets.push({
        ...globalHeader(c, "aws.iam.root", rootArn),
        name: "root",
        config: {
          accessKeysPresent: map.AccountAccessKeysPresent === 1,
          mfaActive,
          hardwareMfaActive: mfaActive && !rootHasVirtual,
          lastUsedDate: used.at(-1) ?? null,
        },
      });
    }
    return { assets };
  },
};

export const iamPasswordPolicyCollector: Collector = {
  id: "iam-password-policy",
  scope: "global",
  resourceTypes: ["aws.iam.password-policy"],
  async collect(c) {
    const out = await c.read.one(
      G("get-account-password-policy"),
      () => c.clients.iam.send(new GetAccountPasswordPolicyCommand({})),
      {
        notConfigured: ["NoSuchEntity"],
      },
    );
    if (!out.ok && out.kind !== "not-configured") return { assets: [] };
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
    return {
      assets: [
        { ...globalHeader(c, "aws.iam.password-policy", c.accountId), name: "password-policy", config },
      ],
    };
  },
};

export const iamRolesCollector: Collector = {
  id: "iam-roles",
  scope: "global",
  resourceTypes: ["aws.iam.role"],
  async collect(c) {
    const out = await c.read.pages(G("list-roles"), () => paginateListRoles({ client: c.clients.iam }, {}));
    if (!out.ok) return { assets: [] };
    const assets = (out.value.Roles ?? []).map(
      (r): AssetOf<"aws.iam.role"> => ({
        ...globalHeader(c, "aws.iam.role", r.Arn ?? "", tagsOf(r.Tags)),
        name: r.RoleName ?? "",
        config: {
          roleName: r.RoleName ?? "",
          path: r.Path ?? "/",
          trustAllowsAnyPrincipal: trustAllowsAnyPrincipal(decodePolicyDocument(r.AssumeRolePolicyDocument)),
          // ListAttachedRolePolicies is not among the calls Vigil makes yet (see README).
          attachedPolicyArns: [],
          roleLastUsedDate: isoOrNull(r.RoleLastUsed?.LastUsedDate),
        },
      }),
    );
    return { assets };
  },
};

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
          if (!version.ok) return undefined;
          const arn = p.Arn ?? "";
          return {
            ...globalHeader(c, "aws.iam.policy", arn, tagsOf(p.Tags)),
            name,
            config: {
              policyName: name,
              awsManaged: /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn),
              attachmentCount: p.AttachmentCount ?? 0,
              allowsFullAdmin: policyAllowsFullAdmin(
                decodePolicyDocument(version.value.PolicyVersion?.Document),
              ),
            },
          };
        },
      );
      for (const p of policies) if (p !== undefined) assets.push(p);
    }
    if (support.ok) {
      assets.push({
        ...globalHeader(c, "aws.iam.account", c.accountId),
        name: "account",
        config: { supportRoleExists: (support.value.PolicyRoles ?? []).length > 0 },
      });
    }
    return { assets };
  },
};
