import {
  ApplicationAutoScalingClient,
  type DescribeScalableTargetsCommandOutput,
  paginateDescribeScalableTargets,
} from "@aws-sdk/client-application-auto-scaling";
import {
  DescribeContinuousBackupsCommand,
  type DescribeContinuousBackupsCommandOutput,
  DescribeTableCommand,
  type DescribeTableCommandOutput,
  DynamoDBClient,
  paginateListTables,
} from "@aws-sdk/client-dynamodb";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type CollectContext, lazyRead } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ dynamodb: DynamoDBClient, applicationautoscaling: ApplicationAutoScalingClient });

type TargetsListing = Pick<DescribeScalableTargetsCommandOutput, "ScalableTargets">;
type ScalableTargets = RawOutcome<TargetsListing>;

type Table = AssetOf<"aws.dynamodb.table">;

/**
 * A table as its reads describe it: `DescribeTable` (deletion protection, encryption, billing mode,
 * indexes), `DescribeContinuousBackups` (point-in-time recovery) and the region's
 * `DescribeScalableTargets` of the `dynamodb` namespace (auto scaling of provisioned capacity; not
 * needed for an on-demand table). A read that failed leaves its fields unread.
 */
export function dynamoDbTableAsset(
  c: Where,
  name: string,
  table: RawOutcome<Pick<DescribeTableCommandOutput, "Table">>,
  backups: RawOutcome<Pick<DescribeContinuousBackupsCommandOutput, "ContinuousBackupsDescription">>,
  targets: ScalableTargets,
): Table {
  const unread = new UnreadFields();
  const config: Partial<Table["config"]> = { tableName: name };
  let arn = `arn:${c.partition}:dynamodb:${c.region}:${c.accountId}:table/${name}`;
  if (
    !unread.failed(
      table,
      "deletionProtectionEnabled",
      "sseType",
      "billingMode",
      "capacityWithoutAutoScaling",
    ) &&
    table.ok
  ) {
    const t = table.value.Table;
    arn = t?.TableArn ?? arn;
    config.billingMode =
      t?.BillingModeSummary?.BillingMode === "PAY_PER_REQUEST" ? "PAY_PER_REQUEST" : "PROVISIONED";
    if (config.billingMode === "PAY_PER_REQUEST") config.capacityWithoutAutoScaling = [];
    else if (!unread.failed(targets, "capacityWithoutAutoScaling") && targets.ok)
      config.capacityWithoutAutoScaling = unscaledCapacity(
        name,
        (t?.GlobalSecondaryIndexes ?? []).flatMap((i) => (i.IndexName ? [i.IndexName] : [])),
        targets.value.ScalableTargets ?? [],
      );
    config.deletionProtectionEnabled = t?.DeletionProtectionEnabled === true;
    // No SSEDescription: the default, a key AWS owns. KMS (AWS managed or customer managed) otherwise.
    const sse = t?.SSEDescription;
    config.sseType = sse?.SSEType === "KMS" && sse.Status !== "DISABLED" ? "KMS" : "AWS_OWNED";
  }
  if (!unread.failed(backups, "pointInTimeRecoveryEnabled") && backups.ok) {
    const pitr = backups.value.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    config.pointInTimeRecoveryEnabled = pitr?.PointInTimeRecoveryStatus === "ENABLED";
  }
  return regionalAsset(c, "aws.dynamodb.table", { arn, name }, config, unread);
}

/**
 * The provisioned capacities of a table and its global secondary indexes that no scalable target
 * covers: each needs a target for read and one for write (`dynamodb:table:ReadCapacityUnits`, ...).
 */
function unscaledCapacity(
  table: string,
  indexes: readonly string[],
  targets: NonNullable<DescribeScalableTargetsCommandOutput["ScalableTargets"]>,
): string[] {
  const scaled = new Set(targets.map((t) => `${t.ResourceId}|${t.ScalableDimension}`));
  const resources = [
    { id: `table/${table}`, kind: "table" },
    ...indexes.map((i) => ({ id: `table/${table}/index/${i}`, kind: "index" })),
  ];
  return resources.flatMap(({ id, kind }) =>
    (["Read", "Write"] as const)
      .filter((way) => !scaled.has(`${id}|dynamodb:${kind}:${way}CapacityUnits`))
      .map((way) => `${id}:${way.toLowerCase()}`),
  );
}

/** The region's scalable targets of DynamoDB, read once for every table (and only if one is provisioned). */
const lazyScalableTargets = (c: CollectContext) =>
  lazyRead<TargetsListing>(() =>
    c.read.pages(
      { scope: c.region, service: "application-autoscaling", command: "describe-scalable-targets" },
      () =>
        paginateDescribeScalableTargets(
          { client: c.clients.applicationautoscaling, pageSize: 50 },
          { ServiceNamespace: "dynamodb" },
        ),
    ),
  );

export const dynamoDbTablesCollector = listedCollector({
  id: "dynamodb-tables",
  type: "aws.dynamodb.table",
  service: "dynamodb",
  command: "list-tables",
  pages: (c) => paginateListTables({ client: c.clients.dynamodb, pageSize: 100 }, {}),
  items: (listing) => listing.TableNames,
  shared: async (c) => lazyScalableTargets(c),
  async asset(c, name, targets) {
    const ref = (command: string) => ({ scope: c.region, service: "dynamodb", command, resource: name });
    const [table, backups] = await Promise.all([
      c.read.one(ref("describe-table"), () =>
        c.clients.dynamodb.send(new DescribeTableCommand({ TableName: name })),
      ),
      c.read.one(ref("describe-continuous-backups"), () =>
        c.clients.dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: name })),
      ),
    ]);
    const provisioned = table.ok && table.value.Table?.BillingModeSummary?.BillingMode !== "PAY_PER_REQUEST";
    const scaling: ScalableTargets = provisioned ? await targets() : { ok: true, value: {} };
    return dynamoDbTableAsset(c, name, table, backups, scaling);
  },
});
