import {
  DescribeKeyCommand,
  type DescribeKeyResponse,
  GetKeyRotationStatusCommand,
  type GetKeyRotationStatusResponse,
  type KeyListEntry,
  type KeyMetadata,
  KMSClient,
  paginateListKeys,
} from "@aws-sdk/client-kms";
import type { AssetOf } from "../assets/index.ts";
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

/**
 * A key `ListKeys` named, as `DescribeKey` describes it (its fields unread when that failed), with
 * `GetKeyRotationStatus` where rotation applies (`rotationApplies`; undefined where it does not).
 */
export function kmsKeyAsset(
  c: Where,
  k: KeyListEntry,
  described: RawOutcome<Pick<DescribeKeyResponse, "KeyMetadata">>,
  rotation: RawOutcome<Pick<GetKeyRotationStatusResponse, "KeyRotationEnabled">> | undefined,
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
  if (meta === undefined) {
    // The key exists (ListKeys named it); what it is could not be read.
    if (!unread.failed(described, "keyManager", "keySpec", "keyState", "origin", "keyRotationEnabled"))
      unread.markAs(
        { call: "kms:DescribeKey", kind: "failed", code: "NoKeyMetadata", message: "no KeyMetadata" },
        "keyManager",
        "keySpec",
        "keyState",
        "origin",
        "keyRotationEnabled",
      );
    return unread.attach({ ...header, config: { keyId } as AssetOf<"aws.kms.key">["config"] });
  }
  const keyManager = meta.KeyManager === "AWS" ? "AWS" : "CUSTOMER";
  const keySpec = meta.KeySpec ?? "SYMMETRIC_DEFAULT";
  const origin = meta.Origin ?? "AWS_KMS";
  const keyState = meta.KeyState ?? "Enabled";
  let keyRotationEnabled: boolean | null = null;
  if (rotationApplies(meta)) {
    if (rotation === undefined || unread.failed(rotation, "keyRotationEnabled") || !rotation.ok) {
      if (rotation === undefined)
        unread.markAs(
          {
            call: "kms:GetKeyRotationStatus",
            kind: "failed",
            code: "NotRead",
            message: "rotation status not read",
          },
          "keyRotationEnabled",
        );
      const config = { keyId, keyManager, keySpec, keyState, origin };
      return unread.attach({ ...header, config: config as AssetOf<"aws.kms.key">["config"] });
    }
    keyRotationEnabled = rotation.value.KeyRotationEnabled === true;
  }
  return { ...header, config: { keyId, keyManager, keySpec, keyState, origin, keyRotationEnabled } };
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
      const rotation =
        meta && rotationApplies(meta)
          ? await c.read.one(
              { scope: c.region, service: "kms", command: "get-key-rotation-status", resource: keyId },
              () => c.clients.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId })),
            )
          : undefined;
      return kmsKeyAsset(c, k, described, rotation);
    });
    return { assets };
  },
};
