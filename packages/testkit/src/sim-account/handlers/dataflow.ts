import { apiError } from "../errors.ts";
import {
  type Call,
  type Filter,
  type Handler,
  listPage,
  matchesFilters,
  type Output,
  read,
  readList,
  str,
  strings,
} from "./context.ts";

/**
 * Data movement, streaming and machine learning: Database Migration Service (and the services added
 * with it). Each answer comes from the snapshot file of its call (docs/snapshot-format.md).
 */

// --- DMS: Marker / MaxRecords 20..100 (default 100); Filters by the resource's attributes ---------

/** DMS filter names → the member they test. */
const DMS_FILTERS: Record<string, string> = {
  "replication-instance-arn": "ReplicationInstanceArn",
  "replication-instance-id": "ReplicationInstanceIdentifier",
  "replication-instance-class": "ReplicationInstanceClass",
  "engine-version": "EngineVersion",
  "endpoint-arn": "EndpointArn",
  "endpoint-type": "EndpointType",
  "endpoint-id": "EndpointIdentifier",
  "engine-name": "EngineName",
  "replication-task-arn": "ReplicationTaskArn",
  "replication-task-id": "ReplicationTaskIdentifier",
  "migration-type": "MigrationType",
};

function dmsList(call: Call, command: string, member: string, strip?: (item: Output) => Output): Output {
  const filters = ((call.input.Filters as Filter[] | undefined) ?? []).map((f) => ({
    ...f,
    Name: DMS_FILTERS[f.Name ?? ""] ?? f.Name,
  }));
  const out = listPage(
    call,
    command,
    member,
    { defaultLimit: 100, minLimit: 20, maxLimit: 100 },
    { token: "Marker", limit: "MaxRecords", next: "Marker", keep: (item) => matchesFilters(item, filters) },
  );
  return strip ? { ...out, [member]: (out[member] as Output[]).map(strip) } : out;
}

export const DMS_HANDLERS: Record<string, Handler> = {
  DescribeReplicationInstances: (call) =>
    dmsList(call, "describe-replication-instances", "ReplicationInstances"),
  DescribeEndpoints: (call) => dmsList(call, "describe-endpoints", "Endpoints"),
  DescribeReplicationTasks: (call) =>
    dmsList(
      call,
      "describe-replication-tasks",
      "ReplicationTasks",
      call.input.WithoutSettings === true ? ({ ReplicationTaskSettings: _, ...rest }) => rest : undefined,
    ),
};

// --- MSK: ListClustersV2, NextToken / MaxResults 1..100; filters by name prefix and type ---------

export const KAFKA_HANDLERS: Record<string, Handler> = {
  ListClustersV2: (call) => {
    const prefix = str(call.input, "ClusterNameFilter") ?? "";
    const type = str(call.input, "ClusterTypeFilter");
    return listPage(
      call,
      "list-clusters-v2",
      "ClusterInfoList",
      { defaultLimit: 100, minLimit: 1, maxLimit: 100 },
      {
        keep: (c) =>
          String(c.ClusterName ?? "").startsWith(prefix) && (type === undefined || c.ClusterType === type),
      },
    );
  },
};

// --- Kinesis: ListStreams (NextToken / Limit 1..10000, ExclusiveStartStreamName); streams by name or ARN

function streamName(call: Call): string {
  const arn = str(call.input, "StreamARN");
  const name = str(call.input, "StreamName") ?? (arn ? arn.slice(arn.lastIndexOf("/") + 1) : undefined);
  if (name === undefined || name === "")
    throw apiError("ValidationException", "Either StreamName or StreamARN should be provided.");
  if (!readList<string>(call, "list-streams", "StreamNames").includes(name))
    throw apiError(
      "ResourceNotFoundException",
      `Stream ${name} under account ${call.model.accountId} not found.`,
    );
  return name;
}

export const KINESIS_HANDLERS: Record<string, Handler> = {
  ListStreams: (call) => {
    const after = str(call.input, "ExclusiveStartStreamName");
    const names = readList<string>(call, "list-streams", "StreamNames");
    const start = after === undefined ? 0 : names.indexOf(after) + 1;
    const out = listPage(
      call,
      "list-streams",
      "StreamNames",
      { defaultLimit: 100, minLimit: 1, maxLimit: 10000 },
      { limit: "Limit", keep: (name) => names.indexOf(name as unknown as string) >= start },
    );
    // The page's summaries, as AWS answers them beside the names.
    const page = new Set(out.StreamNames as unknown as string[]);
    const summaries = readList<{ StreamName?: string }>(call, "list-streams", "StreamSummaries").filter(
      (s) => s.StreamName !== undefined && page.has(s.StreamName),
    );
    return { ...out, StreamSummaries: summaries, HasMoreStreams: out.NextToken !== undefined };
  },
  DescribeStreamSummary: (call) => read(call, "describe-stream-summary", { resource: streamName(call) }),
};

// --- SageMaker: NextToken / MaxResults 1..100; Describe* by name (ValidationException when unknown)

function sageMakerName(call: Call, member: string, list: string, listMember: string, what: string): string {
  const name = str(call.input, member);
  if (name === undefined || name === "")
    throw apiError(
      "ValidationException",
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  if (!readList(call, list, listMember).some((x) => x[member] === name))
    throw apiError(
      "ValidationException",
      what === "notebook" ? "RecordNotFound" : `Could not find ${what} "${name}".`,
    );
  return name;
}

const SAGEMAKER_LIMITS = { defaultLimit: 10, minLimit: 1, maxLimit: 100 };

export const SAGEMAKER_HANDLERS: Record<string, Handler> = {
  ListNotebookInstances: (call) =>
    listPage(call, "list-notebook-instances", "NotebookInstances", SAGEMAKER_LIMITS),
  DescribeNotebookInstance: (call) =>
    read(call, "describe-notebook-instance", {
      resource: sageMakerName(
        call,
        "NotebookInstanceName",
        "list-notebook-instances",
        "NotebookInstances",
        "notebook",
      ),
    }),
  ListEndpointConfigs: (call) => listPage(call, "list-endpoint-configs", "EndpointConfigs", SAGEMAKER_LIMITS),
  DescribeEndpointConfig: (call) =>
    read(call, "describe-endpoint-config", {
      resource: sageMakerName(
        call,
        "EndpointConfigName",
        "list-endpoint-configs",
        "EndpointConfigs",
        "endpoint configuration",
      ),
    }),
  ListModels: (call) => listPage(call, "list-models", "Models", SAGEMAKER_LIMITS),
  DescribeModel: (call) =>
    read(call, "describe-model", {
      resource: sageMakerName(call, "ModelName", "list-models", "Models", "model"),
    }),
};

// --- Network Firewall: NextToken / MaxResults 1..100; resources by ARN or name --------------------

/** The name of the resource a Describe* call addresses (by `<arnMember>` or `<nameMember>`), if listed. */
function firewallResource(
  call: Call,
  list: string,
  listMember: string,
  arnMember: string,
  nameMember: string,
): string {
  const arn = str(call.input, arnMember);
  const name = str(call.input, nameMember);
  const found = readList(call, list, listMember).find(
    (r) =>
      (arn !== undefined && r.Arn === arn) || (arn === undefined && name !== undefined && r.Name === name),
  );
  if (arn === undefined && name === undefined)
    throw apiError(
      "InvalidRequestException",
      `You must specify the ARN or the name, and you can specify both.`,
    );
  if (found === undefined)
    throw apiError("ResourceNotFoundException", `${arnMember.replace(/Arn$/, "")} not found: ${arn ?? name}`);
  return String(found.Name);
}

const FIREWALL_LIMITS = { defaultLimit: 100, minLimit: 1, maxLimit: 100 };

/** `ListFirewalls` lists `FirewallName` / `FirewallArn`; the others `Name` / `Arn`. */
const firewallsAsNamed = (call: Call) =>
  readList(call, "list-firewalls", "Firewalls").map((f) => ({ Name: f.FirewallName, Arn: f.FirewallArn }));

export const NETWORK_FIREWALL_HANDLERS: Record<string, Handler> = {
  ListFirewalls: (call) => {
    const vpcs = strings(call.input, "VpcIds");
    const described = (name: unknown) =>
      read(call, "describe-firewall", { resource: String(name) }).Firewall as Output | undefined;
    return listPage(call, "list-firewalls", "Firewalls", FIREWALL_LIMITS, {
      keep: (f) => vpcs.length === 0 || vpcs.includes(String(described(f.FirewallName)?.VpcId)),
    });
  },
  DescribeFirewall: (call) => {
    const arn = str(call.input, "FirewallArn");
    const name = str(call.input, "FirewallName");
    const found = firewallsAsNamed(call).find((f) => (arn !== undefined ? f.Arn === arn : f.Name === name));
    if (arn === undefined && name === undefined)
      throw apiError(
        "InvalidRequestException",
        "You must specify the ARN or the name, and you can specify both.",
      );
    if (found === undefined)
      throw apiError("ResourceNotFoundException", `Firewall not found: ${arn ?? name}`);
    return read(call, "describe-firewall", { resource: String(found.Name) });
  },
  DescribeLoggingConfiguration: (call) => {
    const arn = str(call.input, "FirewallArn");
    const name = str(call.input, "FirewallName");
    const found = firewallsAsNamed(call).find((f) => (arn !== undefined ? f.Arn === arn : f.Name === name));
    if (found === undefined)
      throw apiError("ResourceNotFoundException", `Firewall not found: ${arn ?? name}`);
    // No logging configured: AWS answers with the firewall and no destinations.
    return read(call, "describe-logging-configuration", {
      resource: String(found.Name),
      whenMissing: {
        output: { FirewallArn: found.Arn, LoggingConfiguration: { LogDestinationConfigs: [] } },
      },
    });
  },
  ListFirewallPolicies: (call) =>
    listPage(call, "list-firewall-policies", "FirewallPolicies", FIREWALL_LIMITS),
  DescribeFirewallPolicy: (call) =>
    read(call, "describe-firewall-policy", {
      resource: firewallResource(
        call,
        "list-firewall-policies",
        "FirewallPolicies",
        "FirewallPolicyArn",
        "FirewallPolicyName",
      ),
    }),
  ListRuleGroups: (call) => {
    const type = str(call.input, "Type");
    return listPage(call, "list-rule-groups", "RuleGroups", FIREWALL_LIMITS, {
      keep: (g) => type === undefined || String(g.Arn).includes(`:${type.toLowerCase()}-rulegroup/`),
    });
  },
  DescribeRuleGroup: (call) =>
    read(call, "describe-rule-group", {
      resource: firewallResource(call, "list-rule-groups", "RuleGroups", "RuleGroupArn", "RuleGroupName"),
    }),
};

// --- MSK Connect: ListConnectors, nextToken / maxResults 1..100, by name prefix -------------------

export const KAFKA_CONNECT_HANDLERS: Record<string, Handler> = {
  ListConnectors: (call) => {
    const prefix = str(call.input, "connectorNamePrefix") ?? "";
    return listPage(
      call,
      "list-connectors",
      "connectors",
      { defaultLimit: 100, minLimit: 1, maxLimit: 100 },
      {
        token: "nextToken",
        limit: "maxResults",
        next: "nextToken",
        keep: (c) => String(c.connectorName ?? "").startsWith(prefix),
      },
    );
  },
};

// --- DynamoDB Accelerator: DescribeClusters, NextToken / MaxResults 20..100, by name ---------------

export const DAX_HANDLERS: Record<string, Handler> = {
  DescribeClusters: (call) => {
    const names = (call.input.ClusterNames ?? []) as string[];
    const listed = readList(call, "describe-clusters", "Clusters").map((c) => String(c.ClusterName));
    const missing = names.filter((n) => !listed.includes(n));
    if (missing.length > 0) throw apiError("ClusterNotFoundFault", `Cluster ${missing[0]} not found.`);
    return listPage(
      call,
      "describe-clusters",
      "Clusters",
      { defaultLimit: 100, minLimit: 20, maxLimit: 100 },
      { keep: (c) => names.length === 0 || names.includes(String(c.ClusterName)) },
    );
  },
};
