import {
  ECRClient,
  GetLifecyclePolicyCommand,
  type GetLifecyclePolicyResponse,
  GetRegistryScanningConfigurationCommand,
  type GetRegistryScanningConfigurationResponse,
  GetRepositoryPolicyCommand,
  type GetRepositoryPolicyResponse,
  paginateDescribeRepositories,
  type Repository,
} from "@aws-sdk/client-ecr";
import { type AssetOf, policyAllowsPublicAccess } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ ecr: ECRClient });

type EcrRepository = AssetOf<"aws.ecr.repository">;
type Outcome<T> = RawOutcome<T>;

/** ECR repository filters: `*` matches any run of characters (`WILDCARD`, the only filter type). */
function filterMatches(filter: string, name: string): boolean {
  const pattern = filter.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${pattern}$`).test(name);
}

/** Whether a rule of the registry's scanning configuration scans this repository (on push or continuously). */
export function registryScans(
  config: GetRegistryScanningConfigurationResponse["scanningConfiguration"],
  repositoryName: string,
): boolean {
  return (config?.rules ?? []).some(
    (rule) =>
      (rule.scanFrequency === "SCAN_ON_PUSH" || rule.scanFrequency === "CONTINUOUS_SCAN") &&
      (rule.repositoryFilters ?? []).some((f) => filterMatches(f.filter ?? "", repositoryName)),
  );
}

/**
 * A repository as `DescribeRepositories` lists it, with the registry's scanning configuration and
 * its own lifecycle and repository policies (a missing policy is "none", a failed read is unread).
 */
export function ecrRepositoryAsset(
  c: Where,
  r: Repository,
  registry: Outcome<Pick<GetRegistryScanningConfigurationResponse, "scanningConfiguration">>,
  lifecycle: Outcome<Pick<GetLifecyclePolicyResponse, "lifecyclePolicyText">>,
  policy: Outcome<Pick<GetRepositoryPolicyResponse, "policyText">>,
): EcrRepository {
  const name = r.repositoryName ?? "";
  const unread = new UnreadFields();
  const config: Partial<EcrRepository["config"]> = {
    repositoryName: name,
    imageTagMutability: r.imageTagMutability ?? "MUTABLE",
  };
  // The repository's own setting is enough to pass; otherwise the registry's rules decide.
  if (r.imageScanningConfiguration?.scanOnPush === true) config.imageScanning = true;
  else if (!unread.failed(registry, "imageScanning") && registry.ok)
    config.imageScanning = registryScans(registry.value.scanningConfiguration, name);
  if (!unread.failed(lifecycle, "hasLifecyclePolicy"))
    config.hasLifecyclePolicy = lifecycle.ok && Boolean(lifecycle.value.lifecyclePolicyText);
  if (!unread.failed(policy, "policyPublic"))
    config.policyPublic = policy.ok && policyAllowsPublicAccess(policy.value.policyText ?? "");
  return regionalAsset(
    c,
    "aws.ecr.repository",
    { arn: r.repositoryArn ?? `arn:${c.partition}:ecr:${c.region}:${c.accountId}:repository/${name}`, name },
    config,
    unread,
  );
}

export const ecrRepositoriesCollector = listedCollector({
  id: "ecr-repositories",
  type: "aws.ecr.repository",
  service: "ecr",
  command: "describe-repositories",
  pages: (c) => paginateDescribeRepositories({ client: c.clients.ecr, pageSize: 1000 }, {}),
  items: (listing) => listing.repositories,
  shared: (c) =>
    c.read.one({ scope: c.region, service: "ecr", command: "get-registry-scanning-configuration" }, () =>
      c.clients.ecr.send(new GetRegistryScanningConfigurationCommand({})),
    ),
  async asset(c, r, registry) {
    const repositoryName = r.repositoryName ?? "";
    // Repository names may hold `/`; a snapshot's resource key is one path segment (URL-encoded).
    const resource = encodeURIComponent(repositoryName);
    const ref = (command: string) => ({ scope: c.region, service: "ecr", command, resource });
    const [lifecycle, policy] = await Promise.all([
      c.read.one(ref("get-lifecycle-policy"), () =>
        c.clients.ecr.send(new GetLifecyclePolicyCommand({ repositoryName })),
      ),
      c.read.one(ref("get-repository-policy"), () =>
        c.clients.ecr.send(new GetRepositoryPolicyCommand({ repositoryName })),
      ),
    ]);
    return ecrRepositoryAsset(c, r, registry, lifecycle, policy);
  },
});
