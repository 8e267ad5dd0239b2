import type { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { TeardownApi } from "./teardown.ts";

/**
 * `ec2TeardownApi`, loaded with the EC2 and Auto Scaling clients on its first call: only a stack
 * deletion tears down, so every other invocation starts without them.
 */
export function lazyEc2TeardownApi(
  clientsFor: (region: string) => { ec2: EC2Client; autoscaling: AutoScalingClient },
): TeardownApi {
  let api: Promise<TeardownApi> | undefined;
  const load = () => {
    api ??= import("./teardown-ec2.ts").then(
      (m) => m.ec2TeardownApi(clientsFor),
      (error: unknown) => {
        api = undefined;
        throw error;
      },
    );
    return api;
  };
  return {
    listTagged: async (region, integrationId) => (await load()).listTagged(region, integrationId),
    currentTags: async (resource) => (await load()).currentTags(resource),
    delete: async (resource) => (await load()).delete(resource),
  };
}
