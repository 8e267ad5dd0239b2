import { apiError } from "../errors.ts";
import { type Call, type Handler, listPage, read, readList, required, strings } from "./context.ts";

/**
 * Container services: ECR repositories. Each answer comes from the snapshot file of its call
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

const notFound = (error: string, what: string) => (name: string) => ({
  error,
  message: `${what} does not exist for the repository with name '${name}' in the registry with id`,
});
const noLifecyclePolicy = notFound("LifecyclePolicyNotFoundException", "Lifecycle policy");
const noRepositoryPolicy = notFound("RepositoryPolicyNotFoundException", "Repository policy");

export const ECR_HANDLERS: Record<string, Handler> = {
  DescribeRepositories: (call) => {
    const names = strings(call.input, "repositoryNames");
    return listPage(
      call,
      "describe-repositories",
      "repositories",
      { defaultLimit: 100, minLimit: 1, maxLimit: 1000 },
      {
        keep: (r) => names.length === 0 || names.includes(String(r.repositoryName)),
        token: "nextToken",
        limit: "maxResults",
        next: "nextToken",
      },
    );
  },
  GetRegistryScanningConfiguration: (call) => read(call, "get-registry-scanning-configuration"),
  GetLifecyclePolicy: (call) => {
    const name = repositoryName(call);
    const resource = encodeURIComponent(name);
    return read(call, "get-lifecycle-policy", { resource, whenMissing: noLifecyclePolicy(name) });
  },
  GetRepositoryPolicy: (call) => {
    const name = repositoryName(call);
    const resource = encodeURIComponent(name);
    return read(call, "get-repository-policy", { resource, whenMissing: noRepositoryPolicy(name) });
  },
};
