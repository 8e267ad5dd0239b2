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
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ dynamodb: DynamoDBClient });

type Table = AssetOf<"aws.dynamodb.table">;

/**
 * A table as its two reads describe it: `DescribeTable` (deletion protection, encryption) and
 * `DescribeContinuousBackups` (point-in-time recovery). A read that failed leaves its fields unread.
 */
export function dynamoDbTableAsset(
  c: Where,
  name: string,
  table: RawOutcome<Pick<DescribeTableCommandOutput, "Table">>,
  backups: RawOutcome<Pick<DescribeContinuousBackupsCommandOutput, "ContinuousBackupsDescription">>,
): Table {
  const unread = new UnreadFields();
  const config: Partial<Table["config"]> = { tableName: name };
  let arn = `arn:${c.partition}:dynamodb:${c.region}:${c.accountId}:table/${name}`;
  if (!unread.failed(table, "deletionProtectionEnabled", "sseType") && table.ok) {
    const t = table.value.Table;
    arn = t?.TableArn ?? arn;
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

export const dynamoDbTablesCollector = listedCollector({
  id: "dynamodb-tables",
  type: "aws.dynamodb.table",
  service: "dynamodb",
  command: "list-tables",
  pages: (c) => paginateListTables({ client: c.clients.dynamodb, pageSize: 100 }, {}),
  items: (listing) => listing.TableNames,
  async asset(c, name) {
    const ref = (command: string) => ({ scope: c.region, service: "dynamodb", command, resource: name });
    const [table, backups] = await Promise.all([
      c.read.one(ref("describe-table"), () =>
        c.clients.dynamodb.send(new DescribeTableCommand({ TableName: name })),
      ),
      c.read.one(ref("describe-continuous-backups"), () =>
        c.clients.dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: name })),
      ),
    ]);
    return dynamoDbTableAsset(c, name, table, backups);
  },
});
