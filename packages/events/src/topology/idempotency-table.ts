/**
 * The consumers' idempotency table, as data (added for the bus): one item per handled event per
 * consumer, `key` = `<consumer>#<source>#<id>`, expired by DynamoDB TTL on `expiresAt`. Infra
 * renders it next to the event log; `createIdempotencyTable` creates it locally from this object.
 */
import type { KeyAttribute } from "./event-table.ts";

export interface IdempotencyTableDefinition {
  readonly baseName: string;
  readonly partitionKey: KeyAttribute;
  /** Epoch seconds; enable DynamoDB TTL on it. Readers never rely on TTL having deleted an item. */
  readonly ttlAttribute: string;
  readonly billingMode: "PAY_PER_REQUEST";
}

export const idempotencyTable: IdempotencyTableDefinition = {
  baseName: "vigil-idempotency",
  partitionKey: { name: "key", type: "S" },
  ttlAttribute: "expiresAt",
  billingMode: "PAY_PER_REQUEST",
};

export function idempotencyTableNameFor(
  integrationId?: string,
  table: IdempotencyTableDefinition = idempotencyTable,
): string {
  return integrationId === undefined ? table.baseName : `${table.baseName}-${integrationId}`;
}
