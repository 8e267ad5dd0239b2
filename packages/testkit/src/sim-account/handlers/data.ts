import { apiError } from "../errors.ts";
import { type Call, type Handler, read, readList, required } from "./context.ts";

/**
 * Data services: DynamoDB tables. Each answer comes from the snapshot file of its call
 * (docs/snapshot-format.md); per-resource files are keyed by the resource's name.
 */

// --- DynamoDB: ExclusiveStartTableName / LastEvaluatedTableName, Limit 1..100 ---------------------

function tableName(call: Call): string {
  const name = required(call.input, "TableName", call.operation);
  const short = name.includes(":table/") ? name.slice(name.indexOf(":table/") + 7) : name;
  if (!readList<string>(call, "list-tables", "TableNames").includes(short))
    throw apiError("ResourceNotFoundException", `Requested resource not found: Table: ${short} not found`);
  return short;
}

export const DYNAMODB_HANDLERS: Record<string, Handler> = {
  ListTables: (call) => {
    const names = readList<string>(call, "list-tables", "TableNames");
    const after = call.input.ExclusiveStartTableName;
    const start = typeof after === "string" ? names.indexOf(after) + 1 : 0;
    const limit = call.input.Limit === undefined ? 100 : Number(call.input.Limit);
    if (!(limit >= 1 && limit <= 100))
      throw apiError("ValidationException", "Limit must be between 1 and 100 (ListTables).");
    const page = names.slice(start, start + limit);
    const more = start + limit < names.length;
    return { TableNames: page, ...(more ? { LastEvaluatedTableName: page.at(-1) } : {}) };
  },
  DescribeTable: (call) => read(call, "describe-table", { resource: tableName(call) }),
  DescribeContinuousBackups: (call) =>
    read(call, "describe-continuous-backups", { resource: tableName(call) }),
};
