import { apiError } from "../errors.ts";
import {
  type Call,
  type Handler,
  listPage,
  type Output,
  paginate,
  read,
  readList,
  required,
  str,
  strings,
} from "./context.ts";

/**
 * Container services: ECR repositories, ECS task definitions and clusters. Each answer comes from the snapshot file of its call
 * (docs/snapshot-format.md); per-repository files are keyed by the repository's name, URL-encoded
 * (`team%2Fapi`: names may hold `/`, a resource key is one path segment).
 */

function repositoryName(call: Call): string {
  const name = required(call.input, "repositoryName", call.operation);
  if (!readList(call, "describe-repositories", "repositories").some((r) => r.repositoryName === name))
    throw apiError(
      "RepositoryNotFoundException",
      `The repository with name '${name}' does not exist in the registry with id '${call.model.accountId}'`,
    );
  return name;
}

/** ECR and ECS page with `nextToken` / `maxResults`. */
const PAGED = { token: "nextToken", limit: "maxResults", next: "nextToken" } as const;

export const ECR_HANDLERS: Record<string, Handler> = {
  DescribeRepositories: (call) => {
    const names = strings(call.input, "repositoryNames");
    return listPage(
      call,
      "describe-repositories",
      "repositories",
      { defaultLimit: 100, minLimit: 1, maxLimit: 1000 },
      {
        ...PAGED,
        keep: (r) => names.length === 0 || names.includes(String(r.repositoryName)),
      },
    );
  },
  GetRegistryScanningConfiguration: (call) => read(call, "get-registry-scanning-configuration"),
  GetLifecyclePolicy: (call) => {
    const name = repositoryName(call);
    const resource = encodeURIComponent(name);
    return read(call, "get-lifecycle-policy", { resource });
  },
  GetRepositoryPolicy: (call) => {
    const name = repositoryName(call);
    const resource = encodeURIComponent(name);
    return read(call, "get-repository-policy", { resource });
  },
};

// --- ECS: nextToken / maxResults 1..100; clusters by name or ARN -----------------------------------

/** `family`, `family:revision` or a task definition ARN → the family (its latest ACTIVE revision is served). */
function familyOf(call: Call): string {
  const ref = required(call.input, "taskDefinition", call.operation);
  const family = (
    ref.includes(":task-definition/") ? ref.slice(ref.indexOf(":task-definition/") + 17) : ref
  ).split(":")[0] as string;
  if (!readList<string>(call, "list-task-definition-families", "families").includes(family))
    throw apiError("ClientException", "Unable to describe task definition.");
  return family;
}

const ECS_LIMITS = { defaultLimit: 100, minLimit: 1, maxLimit: 100 };

/** The `cluster` a call names (a name or an ARN; `default` when none), which must exist. */
function clusterOf(call: Call): string {
  const ref = str(call.input, "cluster") ?? "default";
  const arn = readList<string>(call, "list-clusters", "clusterArns").find(
    (a) => a === ref || a.endsWith(`/${ref}`),
  );
  if (arn === undefined) throw apiError("ClusterNotFoundException", "Cluster not found.");
  return arn.slice(arn.lastIndexOf("/") + 1);
}

export const ECS_HANDLERS: Record<string, Handler> = {
  ListTaskDefinitionFamilies: (call) => {
    const prefix = str(call.input, "familyPrefix") ?? "";
    return listPage(call, "list-task-definition-families", "families", ECS_LIMITS, {
      ...PAGED,
      keep: (family) => String(family).startsWith(prefix),
    });
  },
  DescribeTaskDefinition: (call) => read(call, "describe-task-definition", { resource: familyOf(call) }),
  ListClusters: (call) => listPage(call, "list-clusters", "clusterArns", ECS_LIMITS, PAGED),
  ListServices: (call) => {
    const cluster = clusterOf(call);
    const { page, next } = paginate(
      readList<string>(call, "list-services", "serviceArns", { resource: cluster }),
      {
        token: call.input.nextToken,
        limit: call.input.maxResults,
        defaultLimit: 10,
        minLimit: 1,
        maxLimit: 100,
      },
    );
    return { serviceArns: page, ...(next ? { nextToken: next } : {}) };
  },
  DescribeServices: (call) => {
    const cluster = clusterOf(call);
    const wanted = strings(call.input, "services");
    if (wanted.length === 0 || wanted.length > 10)
      throw apiError("InvalidParameterException", "services can have at most 10 items and at least 1.");
    const all = readList(call, "describe-services", "services", { resource: cluster });
    const services: Output[] = [];
    const failures: Output[] = [];
    for (const ref of wanted) {
      const s = all.find((x) => x.serviceArn === ref || x.serviceName === ref);
      if (s) services.push(s);
      else failures.push({ arn: ref, reason: "MISSING" });
    }
    return { services, failures };
  },
  DescribeClusters: (call) => {
    const arns = readList<string>(call, "list-clusters", "clusterArns");
    const clusters: Output[] = [];
    const failures: Output[] = [];
    for (const ref of strings(call.input, "clusters")) {
      const arn = arns.find((a) => a === ref || a.endsWith(`/${ref}`));
      if (arn === undefined) {
        failures.push({ arn: ref, reason: "MISSING" });
        continue;
      }
      const name = arn.slice(arn.lastIndexOf("/") + 1);
      clusters.push(...readList(call, "describe-clusters", "clusters", { resource: name }));
    }
    return { clusters, failures };
  },
};
