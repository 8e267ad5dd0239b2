import {
  paginateListSecrets,
  type SecretListEntry,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import { isoOrNull, tagsOf } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ secretsmanager: SecretsManagerClient });

type Secret = AssetOf<"aws.secretsmanager.secret">;

/** A secret as `ListSecrets` describes it: everything the checks need is in the listing. */
export function secretAsset(c: Where, s: SecretListEntry): Secret {
  const name = s.Name ?? "";
  const interval = s.RotationRules?.AutomaticallyAfterDays;
  return regionalAsset(
    c,
    "aws.secretsmanager.secret",
    {
      arn: s.ARN ?? `arn:${c.partition}:secretsmanager:${c.region}:${c.accountId}:secret:${name}`,
      name,
      tags: tagsOf(s.Tags),
    },
    {
      secretName: name,
      createdDate: isoOrNull(s.CreatedDate),
      rotationEnabled: s.RotationEnabled === true,
      rotationIntervalDays: interval !== undefined && interval > 0 ? interval : null,
      lastRotatedDate: isoOrNull(s.LastRotatedDate),
      nextRotationDate: isoOrNull(s.NextRotationDate),
      lastAccessedDate: isoOrNull(s.LastAccessedDate),
    },
    new UnreadFields(),
  );
}

export const secretsManagerSecretsCollector = listedCollector({
  id: "secretsmanager-secrets",
  type: "aws.secretsmanager.secret",
  service: "secretsmanager",
  command: "list-secrets",
  pages: (c) => paginateListSecrets({ client: c.clients.secretsmanager, pageSize: 100 }, {}),
  items: (listing) => listing.SecretList,
  asset: async (c, s) => secretAsset(c, s),
});
