/**
 * The event log table, as data. Infra renders it into CloudFormation and testkit creates it on
 * DynamoDB Local from this same object, so the two never drift. The events engineer owns the
 * store's access pattern; the GSI below (time bucket → time#id) is the replay index `readAll` uses.
 */

export type AttributeType = "S" | "N" | "B";

export interface KeyAttribute {
  readonly name: string;
  readonly type: AttributeType;
}

export interface GlobalSecondaryIndexDefinition {
  readonly name: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly projection: "ALL" | "KEYS_ONLY";
}

export interface EventTableDefinition {
  readonly baseName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly globalSecondaryIndexes: readonly GlobalSecondaryIndexDefinition[];
  readonly billingMode: "PAY_PER_REQUEST";
  /** Point-in-time recovery: the log is the source of truth, so it is worth the few cents. */
  readonly pointInTimeRecovery: boolean;
}

export const eventTable: EventTableDefinition = {
  baseName: "vigil-events",
  partitionKey: { name: "pk", type: "S" },
  sortKey: { name: "sk", type: "N" },
  globalSecondaryIndexes: [
    {
      name: "by-time",
      partitionKey: { name: "timeBucket", type: "S" },
      sortKey: { name: "timeId", type: "S" },
      projection: "ALL",
    },
  ],
  billingMode: "PAY_PER_REQUEST",
  pointInTimeRecovery: true,
};

export function eventTableNameFor(integrationId?: string, table: EventTableDefinition = eventTable): string {
  return integrationId === undefined ? table.baseName : `${table.baseName}-${integrationId}`;
}

/** Every attribute used in a key of the table or an index, deduplicated, for AttributeDefinitions. */
export function keyAttributesOf(table: EventTableDefinition = eventTable): KeyAttribute[] {
  const all = [
    table.partitionKey,
    table.sortKey,
    ...table.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const byName = new Map<string, KeyAttribute>();
  for (const a of all) byName.set(a.name, a);
  return [...byName.values()];
}

/**
 * The table's key schema in the shape both CreateTable and `AWS::DynamoDB::Table` take (their
 * property names are the same), so the SDK call and the template are rendered by one function.
 */
export function tableKeySchema(table: EventTableDefinition = eventTable) {
  return {
    BillingMode: table.billingMode,
    AttributeDefinitions: keyAttributesOf(table).map((a) => ({
      AttributeName: a.name,
      AttributeType: a.type,
    })),
    KeySchema: [
      { AttributeName: table.partitionKey.name, KeyType: "HASH" as const },
      { AttributeName: table.sortKey.name, KeyType: "RANGE" as const },
    ],
    GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.partitionKey.name, KeyType: "HASH" as const },
        { AttributeName: i.sortKey.name, KeyType: "RANGE" as const },
      ],
      Projection: { ProjectionType: i.projection },
    })),
  };
}
