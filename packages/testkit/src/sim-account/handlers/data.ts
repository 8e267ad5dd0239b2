import { ServiceNamespace } from "@aws-sdk/client-application-auto-scaling";
import { apiError } from "../errors.ts";
import {
  type Call,
  type Handler,
  listPage,
  paginate,
  read,
  readList,
  required,
  str,
  strings,
} from "./context.ts";

/**
 * Data, messaging and secrets services: DynamoDB tables, SQS queues, SNS topics, Secrets Manager,
 * ElastiCache replication groups. Each answer comes from the snapshot file of its call
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

// --- Application Auto Scaling: DynamoDB's scalable targets; NextToken / MaxResults 1..50 ----------

/** The namespaces the API knows, from the SDK's model (what it refuses, the simulated account refuses). */
const NAMESPACES = new Set<string>(Object.values(ServiceNamespace));

export const APPLICATION_AUTOSCALING_HANDLERS: Record<string, Handler> = {
  DescribeScalableTargets: (call) => {
    const namespace = required(call.input, "ServiceNamespace", call.operation);
    if (!NAMESPACES.has(namespace))
      throw apiError(
        "ValidationException",
        `1 validation error detected: Value '${namespace}' at 'serviceNamespace' failed to satisfy constraint: Member must satisfy enum value set`,
      );
    const limit = call.input.MaxResults;
    if (limit !== undefined && !(Number(limit) >= 1 && Number(limit) <= 50))
      throw apiError("ValidationException", "MaxResults must be between 1 and 50 (DescribeScalableTargets).");
    const ids = strings(call.input, "ResourceIds");
    const dimension = str(call.input, "ScalableDimension");
    // The snapshot holds the `dynamodb` namespace (the one the agent reads); others have no targets.
    if (namespace !== "dynamodb") return { ScalableTargets: [] };
    return listPage(
      call,
      "describe-scalable-targets",
      "ScalableTargets",
      { defaultLimit: 50, maxLimit: 50 },
      {
        keep: (t) =>
          (ids.length === 0 || ids.includes(String(t.ResourceId))) &&
          (dimension === undefined || t.ScalableDimension === dimension),
      },
    );
  },
};

// --- SQS: queues by URL; NextToken / MaxResults 1..1000 -----------------------------------------

function queueName(call: Call): string {
  const url = required(call.input, "QueueUrl", call.operation);
  if (!readList<string>(call, "list-queues", "QueueUrls").includes(url))
    throw apiError("QueueDoesNotExist", "The specified queue does not exist.");
  return url.slice(url.lastIndexOf("/") + 1);
}

export const SQS_HANDLERS: Record<string, Handler> = {
  ListQueues: (call) => {
    const prefix = str(call.input, "QueueNamePrefix") ?? "";
    const urls = readList<string>(call, "list-queues", "QueueUrls").filter((u) =>
      u.slice(u.lastIndexOf("/") + 1).startsWith(prefix),
    );
    const { page, next } = paginate(urls, {
      token: call.input.NextToken,
      limit: call.input.MaxResults,
      defaultLimit: 1000,
      minLimit: 1,
      maxLimit: 1000,
    });
    return page.length === 0 ? {} : { QueueUrls: page, ...(next ? { NextToken: next } : {}) };
  },
  GetQueueAttributes: (call) => {
    const file = read(call, "get-queue-attributes", { resource: queueName(call) });
    const wanted = strings(call.input, "AttributeNames");
    if (wanted.length === 0 || wanted.includes("All")) return file;
    const all = (file.Attributes ?? {}) as Record<string, string>;
    return { Attributes: Object.fromEntries(Object.entries(all).filter(([k]) => wanted.includes(k))) };
  },
};

// --- SNS: topics by ARN; NextToken, 100 a page ---------------------------------------------------

export const SNS_HANDLERS: Record<string, Handler> = {
  ListTopics: (call) => listPage(call, "list-topics", "Topics", { defaultLimit: 100 }),
  GetTopicAttributes: (call) => {
    const arn = required(call.input, "TopicArn", call.operation);
    if (!readList(call, "list-topics", "Topics").some((t) => t.TopicArn === arn))
      throw apiError("NotFound", "Topic does not exist");
    return read(call, "get-topic-attributes", { resource: arn.slice(arn.lastIndexOf(":") + 1) });
  },
};

// --- Secrets Manager: NextToken / MaxResults 1..100 ---------------------------------------------

export const SECRETS_MANAGER_HANDLERS: Record<string, Handler> = {
  ListSecrets: (call) =>
    listPage(call, "list-secrets", "SecretList", { defaultLimit: 100, minLimit: 1, maxLimit: 100 }),
};

// --- ElastiCache: Marker / MaxRecords 20..100 -----------------------------------------------------

/**
 * An ElastiCache listing: one item when `idMember` names it (AWS's `notFound` fault when none has
 * it), otherwise every item `keep` lets through, a page at a time.
 */
function elastiCacheList(
  command: string,
  list: string,
  idMember: string,
  notFound: string,
  keep: (call: Parameters<Handler>[0], item: Record<string, unknown>) => boolean = () => true,
): Handler {
  return (call) => {
    const id = str(call.input, idMember);
    if (id !== undefined && !readList(call, command, list).some((x) => x[idMember] === id))
      throw apiError(notFound, `${notFound.replace(/NotFound(Fault)?$/, "")} ${id} not found.`);
    return listPage(
      call,
      command,
      list,
      { defaultLimit: 100, minLimit: 20, maxLimit: 100 },
      {
        token: "Marker",
        limit: "MaxRecords",
        next: "Marker",
        keep: (x) => (id === undefined || x[idMember] === id) && keep(call, x),
      },
    );
  };
}

export const ELASTICACHE_HANDLERS: Record<string, Handler> = {
  DescribeCacheClusters: elastiCacheList(
    "describe-cache-clusters",
    "CacheClusters",
    "CacheClusterId",
    "CacheClusterNotFound",
    // Only the clusters of no replication group, when asked.
    (call, c) =>
      call.input.ShowCacheClustersNotInReplicationGroups !== true || c.ReplicationGroupId === undefined,
  ),
  DescribeReplicationGroups: elastiCacheList(
    "describe-replication-groups",
    "ReplicationGroups",
    "ReplicationGroupId",
    "ReplicationGroupNotFoundFault",
  ),
};
