/**
 * The checks of the services a shard scans, loaded with it: each service's checks are a chunk of
 * the agent bundle (`./services/<service>.ts`, reached by `import()`), so the Lambda's cold start
 * holds none of them, only their index (`CHECK_INDEX`: ids, resource types, severities, mappings).
 */
import type { AnyCheck } from "./check.ts";
import { SERVICE_CHECKS } from "./services/index.ts";

/** The folder a resource type's checks live in: `aws.s3.bucket` → `s3`; the instances' OS → `os`. */
export function checkServiceOf(resourceType: string): string {
  return resourceType === "aws.ec2.instance-os" ? "os" : (resourceType.split(".")[1] ?? "");
}

const loaded = new Map<string, Promise<readonly AnyCheck[]>>();

/** Every check of the services these resource types belong to (each service loaded once per instance). */
export async function checksFor(resourceTypes: readonly string[]): Promise<readonly AnyCheck[]> {
  const services = [...new Set(resourceTypes.map(checkServiceOf))].sort();
  const lists = await Promise.all(
    services.map((service) => {
      const load = SERVICE_CHECKS[service];
      if (!load) return Promise.resolve([] as readonly AnyCheck[]);
      let list = loaded.get(service);
      if (!list) {
        list = load().then((m) => m.CHECKS);
        loaded.set(service, list);
        list.catch(() => loaded.delete(service)); // a failed load is tried again next time
      }
      return list;
    }),
  );
  const wanted = new Set(resourceTypes);
  return lists.flat().filter((c) => wanted.has(c.resourceType));
}
