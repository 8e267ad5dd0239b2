import {
  DescribeKeyCommand,
  type DescribeKeyResponse,
  GetKeyPolicyCommand,
  type GetKeyPolicyResponse,
  GetKeyRotationStatusCommand,
  type GetKeyRotationStatusResponse,
  type KeyListEntry,
  type KeyMetadata,
  KMSClient,
  paginateListKeys,
} from "@aws-sdk/client-kms";
import { type AssetOf, policyAllowsPublicAccess } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type Collector, mapLimit, notListed } from "./collector.ts";
import type { Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ kms: KMSClient });

/** Rotation applies to customer managed symmetric keys with key material from KMS, not pending deletion. */
export function rotationApplies(meta: KeyMetadata): boolean {
  return (
    meta.KeyManager !== "AWS" &&
    (meta.KeySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" &&
    (meta.Origin ?? "AWS_KMS") === "AWS_KMS" &&
    meta.KeyState !== "PendingDeletion"
  );
}

/** The key policy is read for customer managed keys not pending deletion (AWS writes AWS managed keys' policies). */
export function policyApplies(meta: KeyMetadata): boolean {
  return meta.KeyManager !== "AWS" && meta.KeyState !== "PendingDeletion";
}

type KeyConfig = AssetOf<"aws.kms.key">["config"];
type Read<T> = RawOutcome<T> | undefined;

/** `field` from a read that applies to the key: unread when it failed or was not made. */
function fromRead<T>(
  unread: UnreadFields,
  outcome: Read<T>,
  field: string,
  call: string,
  value: (out: T) => boolean,
): boolean | undefined {
  if (outcome === undefined) {
    unread.markAs({ call, kind: "failed", code: "NotRead", message: "not read" }, field);
    return undefined;
  }
  if (unread.failed(outcome, field) || !outcome.ok) return undefined;
  return value(outcome.value);
}

/**
 * A key `ListKeys` named, as `DescribeKey` describes it (its fields unread when that failed), with
 * `GetKeyRotationStatus` where rotation applies (`rotationApplies`) and `GetKeyPolicy` where the
 * policy is the customer's (`policyApplies`); `null` where they do not apply.
 */
export function kmsKeyAsset(
  c: Where,
  k: KeyListEntry,
  described: RawOutcome<Pick<DescribeKeyResponse, "KeyMetadata">>,
  rotation: Read<Pick<GetKeyRotationStatusResponse, "KeyRotationEnabled">>,
  policy: Read<Pick<GetKeyPolicyResponse, "Policy">>,
): AssetOf<"aws.kms.key"> {
  const keyId = k.KeyId ?? "";
  const meta = described.ok ? described.value.KeyMetadata : undefined;
  const unread = new UnreadFields();
  const header = {
    arn: meta?.Arn ?? k.KeyArn ?? `arn:${c.partition}:kms:${c.region}:${c.accountId}:key/${keyId}`,
    type: "aws.kms.key" as const,
    region: c.region,
    accountId: c.accountId,
    name: keyId,
    tags: {},
  };
  const config: Partial<KeyConfig> = { keyId };
  if (meta === undefined) {
    // The key exists (ListKeys named it); what it is could not be read.
    const fields = ["keyManager", "keySpec", "keyState", "origin", "keyRotationEnabled", "keyPolicyPublic"];
    if (!unread.failed(described, ...fields))
      unread.markAs(
        { call: "kms:DescribeKey", kind: "failed", code: "NoKeyMetadata", message: "no KeyMetadata" },
        ...fields,
      );
    return unread.attach({ ...header, config: config as KeyConfig });
  }
  config.keyManager = meta.KeyManager === "AWS" ? "AWS" : "CUSTOMER";
  config.keySpec = meta.KeySpec ?? "SYMMETRIC_DEFAULT";
  config.origin = meta.Origin ?? "AWS_KMS";
  config.keyState = meta.KeyState ?? "Enabled";
  const rotationOn = rotationApplies(meta)
    ? fromRead(
        unread,
        rotation,
        "keyRotationEnabled",
        "kms:GetKeyRotationStatus",
        (r) => r.KeyRotationEnabled === true,
      )
    : null;
  if (rotationOn !== undefined) config.keyRotationEnabled = rotationOn;
  const policyPublic = policyApplies(meta)
    ? fromRead(unread, policy, "keyPolicyPublic", "kms:GetKeyPolicy", (p) =>
        policyAllowsPublicAccess(p.Policy ?? ""),
      )
    : null;
  if (policyPublic !== undefined) config.keyPolicyPublic = policyPublic;
  return unread.attach({ ...header, config: config as KeyConfig });
}

export const kmsKeysCollector: Collector = {
  id: "kms-keys",
  scope: "regional",
  resourceTypes: ["aws.kms.key"],
  async collect(c) {
    const out = await c.read.pages({ scope: c.region, service: "kms", command: "list-keys" }, () =>
      paginateListKeys({ client: c.clients.kms, pageSize: 1000 }, {}),
    );
    if (!out.ok) return notListed(c, kmsKeysCollector);
    const assets = await mapLimit(out.value.Keys ?? [], 8, async (k): Promise<AssetOf<"aws.kms.key">> => {
      const keyId = k.KeyId ?? "";
      const described = await c.read.one(
        { scope: c.region, service: "kms", command: "describe-key", resource: keyId },
        () => c.clients.kms.send(new DescribeKeyCommand({ KeyId: keyId })),
      );
      const meta = described.ok ? described.value.KeyMetadata : undefined;
      const ref = (command: string) => ({ scope: c.region, service: "kms", command, resource: keyId });
      const [rotation, policy] = await Promise.all([
        meta && rotationApplies(meta)
          ? c.read.one(ref("get-key-rotation-status"), () =>
              c.clients.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId })),
            )
          : undefined,
        meta && policyApplies(meta)
          ? c.read.one(ref("get-key-policy"), () =>
              c.clients.kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: "default" })),
            )
          : undefined,
      ]);
      return kmsKeyAsset(c, k, described, rotation, policy);
    });
    return { assets };
  },
};
