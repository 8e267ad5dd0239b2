import { apiError } from "../errors.ts";
import {
  type Call,
  type Filter,
  type Handler,
  matchesFilters,
  type Output,
  paginate,
  read,
  readList,
  required,
  setFile,
  str,
  strings,
} from "./context.ts";

// --- STS ------------------------------------------------------------------------------------------

export const STS_HANDLERS: Record<string, Handler> = {
  GetCallerIdentity: (call) => ({
    UserId: "AROAVIGILSIMULATED0001:vigil-scan",
    Account: call.model.accountId,
    Arn: `arn:aws:sts::${call.model.accountId}:assumed-role/VigilScanRole/vigil-scan`,
  }),
};

// --- RDS: Marker / MaxRecords (20..100, default 100) ---------------------------------------------

export function rdsPage(call: Call, items: readonly unknown[], member: string): Output {
  const { page, next } = paginate(items, {
    token: call.input.Marker,
    limit: call.input.MaxRecords,
    defaultLimit: 100,
    minLimit: 20,
    maxLimit: 100,
  });
  return { [member]: page, ...(next ? { Marker: next } : {}) };
}

export function rdsFilters(call: Call): Filter[] {
  const f = call.input.Filters;
  const filters = Array.isArray(f) ? (f as Filter[]) : [];
  // RDS filter names are AWS's own; map the common ones onto member names.
  const names: Record<string, string> = {
    "db-instance-id": "DBInstanceIdentifier",
    "db-snapshot-id": "DBSnapshotIdentifier",
    "snapshot-type": "SnapshotType",
    "db-cluster-id": "DBClusterIdentifier",
    "db-cluster-snapshot-id": "DBClusterSnapshotIdentifier",
    engine: "Engine",
  };
  return filters.map((x) => ({ ...x, Name: names[x.Name ?? ""] ?? x.Name }));
}

const describeDbInstances: Handler = (call) => {
  let items = readList(call, "describe-db-instances", "DBInstances");
  const id = str(call.input, "DBInstanceIdentifier");
  if (id !== undefined) {
    items = items.filter((i) => i.DBInstanceIdentifier === id || i.DBInstanceArn === id);
    if (items.length === 0) throw apiError("DBInstanceNotFound", `DBInstance ${id} not found.`);
  }
  items = items.filter((i) => matchesFilters(i, rdsFilters(call), "TagList"));
  return rdsPage(call, items, "DBInstances");
};

const describeDbSnapshots: Handler = (call) => {
  let items = readList(call, "describe-db-snapshots", "DBSnapshots");
  const id = str(call.input, "DBSnapshotIdentifier");
  const instance = str(call.input, "DBInstanceIdentifier");
  const type = str(call.input, "SnapshotType");
  if (id !== undefined) {
    items = items.filter((s) => s.DBSnapshotIdentifier === id || s.DBSnapshotArn === id);
    if (items.length === 0) throw apiError("DBSnapshotNotFound", `DBSnapshot ${id} not found.`);
  }
  if (instance !== undefined) items = items.filter((s) => s.DBInstanceIdentifier === instance);
  if (type !== undefined) items = items.filter((s) => s.SnapshotType === type);
  items = items.filter((i) => matchesFilters(i, rdsFilters(call), "TagList"));
  return rdsPage(call, items, "DBSnapshots");
};

const describeDbSnapshotAttributes: Handler = (call) => {
  const id = required(call.input, "DBSnapshotIdentifier", call.operation);
  if (!readList(call, "describe-db-snapshots", "DBSnapshots").some((s) => s.DBSnapshotIdentifier === id)) {
    throw apiError("DBSnapshotNotFound", `DBSnapshot ${id} not found.`);
  }
  return read(call, "describe-db-snapshot-attributes", {
    resource: id,
    whenMissing: {
      output: {
        DBSnapshotAttributesResult: {
          DBSnapshotIdentifier: id,
          DBSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: [] }],
        },
      },
    },
  });
};

const describeEventSubscriptions: Handler = (call) => {
  let items = readList(call, "describe-event-subscriptions", "EventSubscriptionsList");
  const name = str(call.input, "SubscriptionName");
  if (name !== undefined) {
    items = items.filter((s) => s.CustSubscriptionId === name);
    if (items.length === 0) throw apiError("SubscriptionNotFound", `Subscription ${name} not found.`);
  }
  return rdsPage(call, items, "EventSubscriptionsList");
};

const describeDbProxies: Handler = (call) => {
  let items = readList(call, "describe-db-proxies", "DBProxies");
  const name = str(call.input, "DBProxyName");
  if (name !== undefined) {
    items = items.filter((p) => p.DBProxyName === name);
    if (items.length === 0) throw apiError("DBProxyNotFoundFault", `DBProxy ${name} not found.`);
  }
  return rdsPage(call, items, "DBProxies");
};

export const RDS_HANDLERS: Record<string, Handler> = {
  DescribeEventSubscriptions: describeEventSubscriptions,
  DescribeDBProxies: describeDbProxies,
  DescribeDBInstances: describeDbInstances,
  DescribeDBSnapshots: describeDbSnapshots,
  DescribeDBSnapshotAttributes: describeDbSnapshotAttributes,
};

// --- CloudTrail: trails by name or ARN; status and selectors live in the trail's home region ----

function trailOf(call: Call, member: string): Output {
  const ref = required(call.input, member, call.operation);
  const trail = readList(call, "describe-trails", "trailList").find(
    (t) => t.Name === ref || t.TrailARN === ref,
  );
  if (!trail)
    throw apiError("TrailNotFoundException", `Unknown trail: ${ref} for the user: ${call.model.accountId}`);
  return trail;
}

function inHomeRegion(call: Call, trail: Output, command: string): Output {
  const home = String(trail.HomeRegion ?? call.region);
  return read({ ...call, region: home }, command, { resource: String(trail.Name) });
}

export const CLOUDTRAIL_HANDLERS: Record<string, Handler> = {
  DescribeTrails: (call) => {
    const names = strings(call.input, "trailNameList");
    const shadows = call.input.includeShadowTrails !== false;
    const trails = readList(call, "describe-trails", "trailList").filter(
      (t) =>
        (shadows || t.HomeRegion === call.region) &&
        (names.length === 0 || names.includes(String(t.Name)) || names.includes(String(t.TrailARN))),
    );
    return { trailList: trails };
  },
  GetTrailStatus: (call) => inHomeRegion(call, trailOf(call, "Name"), "get-trail-status"),
  GetEventSelectors: (call) => inHomeRegion(call, trailOf(call, "TrailName"), "get-event-selectors"),
};

// --- KMS ------------------------------------------------------------------------------------------

function keyIdOf(call: Call): string {
  const ref = required(call.input, "KeyId", call.operation);
  const id = ref.includes(":key/") ? ref.slice(ref.indexOf(":key/") + 5) : ref;
  const keys = readList(call, "list-keys", "Keys");
  if (!keys.some((k) => k.KeyId === id)) {
    throw apiError("NotFoundException", `Key '${ref}' does not exist`);
  }
  return id;
}

export const KMS_HANDLERS: Record<string, Handler> = {
  ListKeys: (call) => {
    const { page, next } = paginate(readList(call, "list-keys", "Keys"), {
      token: call.input.Marker,
      limit: call.input.Limit,
      defaultLimit: 100,
      maxLimit: 1000,
    });
    return { Keys: page, Truncated: next !== undefined, ...(next ? { NextMarker: next } : {}) };
  },
  DescribeKey: (call) => read(call, "describe-key", { resource: keyIdOf(call) }),
  GetKeyRotationStatus: (call) => read(call, "get-key-rotation-status", { resource: keyIdOf(call) }),
  GetKeyPolicy: (call) => {
    const policyName = str(call.input, "PolicyName") ?? "default";
    if (policyName !== "default")
      throw apiError(
        "NotFoundException",
        `Policy ${policyName} does not exist on key ${String(call.input.KeyId)}`,
      );
    return read(call, "get-key-policy", { resource: keyIdOf(call) });
  },
};

// --- CloudWatch Logs and CloudWatch -------------------------------------------------------------

export const LOGS_HANDLERS: Record<string, Handler> = {
  DescribeMetricFilters: (call) => {
    const group = str(call.input, "logGroupName");
    const prefix = str(call.input, "filterNamePrefix") ?? "";
    const metric = str(call.input, "metricName");
    const namespace = str(call.input, "metricNamespace");
    const filters = readList(call, "describe-metric-filters", "metricFilters").filter((f) => {
      const transforms = (f.metricTransformations as Output[] | undefined) ?? [];
      return (
        (group === undefined || f.logGroupName === group) &&
        String(f.filterName).startsWith(prefix) &&
        (metric === undefined || transforms.some((t) => t.metricName === metric)) &&
        (namespace === undefined || transforms.some((t) => t.metricNamespace === namespace))
      );
    });
    const { page, next } = paginate(filters, {
      token: call.input.nextToken,
      limit: call.input.limit,
      defaultLimit: 50,
      maxLimit: 50,
    });
    return { metricFilters: page, ...(next ? { nextToken: next } : {}) };
  },
};

export const CLOUDWATCH_HANDLERS: Record<string, Handler> = {
  DescribeAlarms: (call) => {
    const file = read(call, "describe-alarms");
    const names = strings(call.input, "AlarmNames");
    const prefix = str(call.input, "AlarmNamePrefix") ?? "";
    const state = str(call.input, "StateValue");
    const keep = (a: Output) =>
      (names.length === 0 || names.includes(String(a.AlarmName))) &&
      String(a.AlarmName).startsWith(prefix) &&
      (state === undefined || a.StateValue === state);
    const types = strings(call.input, "AlarmTypes");
    const metric = ((file.MetricAlarms as Output[] | undefined) ?? []).filter(keep);
    const composite = ((file.CompositeAlarms as Output[] | undefined) ?? []).filter(keep);
    const wanted = [
      ...(types.length === 0 || types.includes("MetricAlarm") ? metric.map((a) => ["m", a] as const) : []),
      ...(types.includes("CompositeAlarm") ? composite.map((a) => ["c", a] as const) : []),
    ];
    const { page, next } = paginate(wanted, {
      token: call.input.NextToken,
      limit: call.input.MaxRecords,
      defaultLimit: 50,
      maxLimit: 100,
    });
    return {
      MetricAlarms: page.filter(([k]) => k === "m").map(([, a]) => a),
      CompositeAlarms: page.filter(([k]) => k === "c").map(([, a]) => a),
      ...(next ? { NextToken: next } : {}),
    };
  },
};

// --- Lambda and EKS -------------------------------------------------------------------------------

export const LAMBDA_HANDLERS: Record<string, Handler> = {
  ListFunctions: (call) => {
    const { page, next } = paginate(readList(call, "list-functions", "Functions"), {
      token: call.input.Marker,
      limit: call.input.MaxItems,
      defaultLimit: 50,
      maxLimit: 50,
    });
    return { Functions: page, ...(next ? { NextMarker: next } : {}) };
  },
  GetPolicy: (call) => {
    const ref = required(call.input, "FunctionName", call.operation);
    // A name, a partial ARN (`123456789012:function:name`) or a full ARN.
    const name = ref.includes(":function:") ? (ref.split(":function:")[1]?.split(":")[0] ?? ref) : ref;
    if (!readList(call, "list-functions", "Functions").some((f) => f.FunctionName === name))
      throw apiError("ResourceNotFoundException", `Function not found: ${ref}`);
    return read(call, "get-policy", { resource: name });
  },
};

export const EKS_HANDLERS: Record<string, Handler> = {
  ListClusters: (call) => {
    const { page, next } = paginate(readList<string>(call, "list-clusters", "clusters"), {
      token: call.input.nextToken,
      limit: call.input.maxResults,
      defaultLimit: 100,
      maxLimit: 100,
    });
    return { clusters: page, ...(next ? { nextToken: next } : {}) };
  },
  DescribeCluster: (call) => {
    const name = required(call.input, "name", call.operation);
    return read(call, "describe-cluster", {
      resource: name,
      whenMissing: { error: "ResourceNotFoundException", message: `No cluster found for name: ${name}.` },
    });
  },
};

// --- Auto Scaling ---------------------------------------------------------------------------------

export const AUTOSCALING_HANDLERS: Record<string, Handler> = {
  DescribeAutoScalingGroups: (call) => {
    const names = strings(call.input, "AutoScalingGroupNames");
    const filters = Array.isArray(call.input.Filters) ? (call.input.Filters as Filter[]) : [];
    const groups = readList(call, "describe-auto-scaling-groups", "AutoScalingGroups").filter(
      (g) =>
        (names.length === 0 || names.includes(String(g.AutoScalingGroupName))) && matchesFilters(g, filters),
    );
    const { page, next } = paginate(groups, {
      token: call.input.NextToken,
      limit: call.input.MaxRecords,
      defaultLimit: 50,
      maxLimit: 100,
    });
    return { AutoScalingGroups: page, ...(next ? { NextToken: next } : {}) };
  },
  DeleteAutoScalingGroup: (call) => {
    const name = required(call.input, "AutoScalingGroupName", call.operation);
    const file = read(call, "describe-auto-scaling-groups");
    const groups = (file.AutoScalingGroups as Output[] | undefined) ?? [];
    const group = groups.find((g) => g.AutoScalingGroupName === name);
    if (!group)
      throw apiError(
        "ValidationError",
        `AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`,
      );
    const instances = (group.Instances as unknown[] | undefined) ?? [];
    if (instances.length > 0 && call.input.ForceDelete !== true) {
      throw apiError(
        "ResourceInUse",
        `You cannot delete an AutoScalingGroup while there are instances still in the group.`,
      );
    }
    setFile(call, "describe-auto-scaling-groups", {
      ...file,
      AutoScalingGroups: groups.filter((g) => g !== group),
    });
    return {};
  },
};

export const AUTOSCALING_WRITES = new Set(["DeleteAutoScalingGroup"]);
