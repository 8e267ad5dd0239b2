import type { BucketPolicyFacts } from "./s3.ts";

/**
 * Pure readers of IAM/S3 policy documents that turn a document into the few facts checks need, so
 * the document itself never has to travel with the asset. Collectors call these; they accept the
 * decoded JSON (IAM) or the JSON string (S3 `GetBucketPolicy`).
 */

type Json = unknown;

interface Statement {
  Effect?: string;
  Principal?: Json;
  NotPrincipal?: Json;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, Json>>;
}

function statementsOf(document: Json): Statement[] {
  const doc = typeof document === "string" ? safeParse(document) : document;
  if (doc === null || typeof doc !== "object") return [];
  const raw = (doc as { Statement?: Json }).Statement;
  if (Array.isArray(raw)) return raw.filter((s): s is Statement => s !== null && typeof s === "object");
  return raw !== null && typeof raw === "object" ? [raw as Statement] : [];
}

function safeParse(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function list(value: Json): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function isAnyPrincipal(principal: Json): boolean {
  if (principal === "*") return true;
  if (principal === null || typeof principal !== "object") return false;
  return list((principal as { AWS?: Json }).AWS).includes("*");
}

/** Conditions that tie a public principal to a known caller make a statement non-public (as AWS's policy status does). */
const RESTRICTING_CONDITION_KEYS = [
  "aws:sourcearn",
  "aws:sourceaccount",
  "aws:sourceowner",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:sourceip",
  "aws:principalarn",
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:userid",
  // KMS: the caller's account (AWS managed keys' policies use it with `kms:ViaService`).
  "kms:calleraccount",
];

function isRestricted(condition: Statement["Condition"]): boolean {
  if (!condition) return false;
  for (const operator of Object.values(condition)) {
    if (operator === null || typeof operator !== "object") continue;
    for (const key of Object.keys(operator)) {
      if (RESTRICTING_CONDITION_KEYS.includes(key.toLowerCase())) return true;
    }
  }
  return false;
}

function actionMatches(actions: string[], wanted: readonly string[]): boolean {
  return actions.some((action) => {
    const a = action.toLowerCase();
    if (a === "*" || a === "s3:*") return true;
    return wanted.some((w) => (a.endsWith("*") ? w.startsWith(a.slice(0, -1)) : a === w));
  });
}

const READ_ACTIONS = ["s3:getobject", "s3:listbucket", "s3:getobjectversion"];
const WRITE_ACTIONS = ["s3:putobject", "s3:deleteobject", "s3:deleteobjectversion", "s3:putobjectacl"];

function deniesInsecureTransport(s: Statement): boolean {
  if (s.Effect !== "Deny" || !isAnyPrincipal(s.Principal)) return false;
  if (!actionMatches(list(s.Action), ["s3:getobject", "s3:putobject"])) return false;
  const bool = s.Condition?.Bool;
  if (bool === null || typeof bool !== "object") return false;
  // `Bool` values may be strings or JSON booleans, alone or in a list.
  return Object.entries(bool).some(
    ([key, value]) =>
      key.toLowerCase() === "aws:securetransport" &&
      (Array.isArray(value) ? value : [value]).some((v) => String(v) === "false"),
  );
}

/** The bucket actions FSBP S3.6 (AWS Config's s3-bucket-blacklisted-actions-prohibited) keeps from other accounts. */
export const S3_BLOCKED_ACTIONS = [
  "s3:DeleteBucketPolicy",
  "s3:PutBucketAcl",
  "s3:PutBucketPolicy",
  "s3:PutEncryptionConfiguration",
  "s3:PutObjectAcl",
] as const;

/** The accounts a principal names (`*` for anyone): account ids, `arn:…:iam::<id>:…` ARNs. */
function principalAccounts(principal: Json): string[] {
  if (principal === "*") return ["*"];
  if (principal === null || typeof principal !== "object") return [];
  return list((principal as { AWS?: Json }).AWS).map((p) => {
    if (p === "*") return "*";
    const arn = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(p);
    return arn?.[1] ?? (/^\d{12}$/.test(p) ? p : "*");
  });
}

/** Which of `S3_BLOCKED_ACTIONS` an Allow statement grants outside `owner`'s account. */
function blockedActionsForOthers(s: Statement, owner: string | undefined): string[] {
  if (s.Effect !== "Allow") return [];
  const accounts = principalAccounts(s.Principal);
  const others = accounts.some((a) => a !== owner && !(a === "*" && isRestricted(s.Condition)));
  if (!others) return [];
  return S3_BLOCKED_ACTIONS.filter((blocked) => actionMatches(list(s.Action), [blocked.toLowerCase()]));
}

/**
 * Facts of an S3 bucket policy (the JSON string `GetBucketPolicy` returns, or the parsed object);
 * `owner` is the bucket owner's account (without it, every named account counts as another).
 */
export function analyzeBucketPolicy(document: Json, owner?: string): BucketPolicyFacts {
  const facts: BucketPolicyFacts = {
    deniesInsecureTransport: false,
    isPublic: false,
    allowsPublicRead: false,
    allowsPublicWrite: false,
    otherAccountsBlockedActions: [],
  };
  const blocked = new Set<string>();
  for (const s of statementsOf(document)) {
    for (const action of blockedActionsForOthers(s, owner)) blocked.add(action);
    if (deniesInsecureTransport(s)) facts.deniesInsecureTransport = true;
    if (s.Effect === "Allow" && isAnyPrincipal(s.Principal) && !isRestricted(s.Condition)) {
      facts.isPublic = true;
      const actions = list(s.Action);
      if (actionMatches(actions, READ_ACTIONS)) facts.allowsPublicRead = true;
      if (actionMatches(actions, WRITE_ACTIONS)) facts.allowsPublicWrite = true;
    }
  }
  facts.otherAccountsBlockedActions = [...blocked].sort();
  return facts;
}

/** True when an identity policy has an `Allow` of action `*` on resource `*` (CIS 1.15, FSBP IAM.1). */
export function policyAllowsFullAdmin(document: Json): boolean {
  return statementsOf(document).some(
    (s) => s.Effect === "Allow" && list(s.Action).includes("*") && list(s.Resource).includes("*"),
  );
}

/**
 * The services an identity policy allows every action of (`"Action": "s3:*"`), sorted: what FSBP
 * IAM.21 (AWS Config's iam-policy-no-statements-with-full-access) flags. `*` alone is IAM.1's.
 */
export function policyServiceWildcards(document: Json): string[] {
  const services = new Set<string>();
  for (const s of statementsOf(document)) {
    if (s.Effect !== "Allow") continue;
    for (const action of list(s.Action)) {
      const m = /^([a-z0-9-]+):\*$/i.exec(action);
      if (m?.[1]) services.add(m[1].toLowerCase());
    }
  }
  return [...services].sort();
}

/** `kms:Decrypt` / `kms:ReEncryptFrom` (or a wildcard covering one) on every key: `*`, or all keys' ARN. */
const ALL_KMS_KEYS = /^arn:aws[a-z-]*:kms:\*:[^:]*:key\/\*$/;
const DECRYPT_ACTIONS = ["kms:decrypt", "kms:reencryptfrom"];

/**
 * True when an identity policy allows decrypting with every KMS key (FSBP KMS.1, AWS Config's
 * iam-customer-policy-blocked-kms-actions with kms:Decrypt and kms:ReEncryptFrom).
 */
export function policyAllowsKmsDecryptOnAllKeys(document: Json): boolean {
  return statementsOf(document).some((s) => {
    if (s.Effect !== "Allow") return false;
    const decrypts = list(s.Action).some((action) => {
      const a = action.toLowerCase();
      if (a === "*") return true;
      return DECRYPT_ACTIONS.some((w) => (a.endsWith("*") ? w.startsWith(a.slice(0, -1)) : a === w));
    });
    return decrypts && list(s.Resource).some((r) => r === "*" || ALL_KMS_KEYS.test(r));
  });
}

/** True when a role trust policy lets any AWS principal assume it without a restricting condition. */
export function trustAllowsAnyPrincipal(document: Json): boolean {
  return statementsOf(document).some(
    (s) =>
      s.Effect === "Allow" &&
      isAnyPrincipal(s.Principal) &&
      !isRestricted(s.Condition) &&
      !hasExternalIdCondition(s.Condition),
  );
}

function hasExternalIdCondition(condition: Statement["Condition"]): boolean {
  return Object.values(condition ?? {}).some(
    (entries) =>
      entries !== null &&
      typeof entries === "object" &&
      Object.keys(entries).some((k) => k.toLowerCase() === "sts:externalid"),
  );
}

/**
 * True when a resource policy (SQS queue, SNS topic, ECR repository) allows any principal without
 * a condition that ties it to a known caller: anyone with an AWS account may act on the resource.
 */
export function policyAllowsPublicAccess(document: Json): boolean {
  return statementsOf(document).some(
    (s) => s.Effect === "Allow" && isAnyPrincipal(s.Principal) && !isRestricted(s.Condition),
  );
}
