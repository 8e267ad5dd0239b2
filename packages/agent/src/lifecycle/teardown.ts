import { INTEGRATION_TAG, isCreatedByVigil, isManagedByCloudFormation, isOwnedBy } from "./tags.ts";

/**
 * Teardown when the stack is deleted: every resource Vigil created for this integration — and
 * only those — is removed. A resource is the integration's when it carries both `Created By: Vigil`
 * and `Vigil Integration: <integrationId>` (exact keys and values) and no `aws:cloudformation:*`
 * tag: what CloudFormation created (the nested EBS stack's Auto Scaling group and launch template)
 * CloudFormation deletes. `planTeardown` decides from tags alone (pure); `executeTeardown`
 * re-reads each resource's tags right before deleting it, so a tag changed since listing (or a
 * listing bug) spares the resource.
 */

export type VigilResourceKind = "auto-scaling-group" | "instance" | "launch-template" | "volume" | "snapshot";

export interface TaggedResource {
  kind: VigilResourceKind;
  /** Volume/snapshot/instance/launch template id, or the Auto Scaling group's name. */
  id: string;
  region: string;
  tags: Readonly<Record<string, string>>;
  /** Lifecycle state when the API reports one (`terminated`, `deleting`, …). */
  state?: string;
  /** Volumes: the instances they are attached to. */
  attachedTo?: readonly string[];
  /** Instances: volumes terminating the instance deletes with it (DeleteOnTermination). */
  deletesVolumes?: readonly string[];
}

/**
 * Deletion order: groups first (they would launch new instances), then instances (which release
 * their volumes), then the templates they were launched from, then volumes, then snapshots.
 */
export const TEARDOWN_ORDER: readonly VigilResourceKind[] = [
  "auto-scaling-group",
  "instance",
  "launch-template",
  "volume",
  "snapshot",
];

/** States in which a resource is already going away: nothing to delete. */
const GONE_STATES: ReadonlySet<string> = new Set(["terminated", "shutting-down", "deleting", "deleted"]);

export type KeepReason =
  | "not-created-by-vigil"
  /** `Created By: Vigil`, but no `Vigil Integration` tag or another integration's. */
  | "other-integration"
  /** CloudFormation created it (an `aws:cloudformation:*` tag): the stack deletes it. */
  | "managed-by-cloudformation"
  | "already-gone"
  | "attached-to-foreign-instance"
  /** Ours, attached to an instance of this integration that CloudFormation manages. */
  | "attached-to-stack-instance"
  | "would-delete-foreign-volume";

export interface TeardownPlan {
  /** In deletion order. */
  delete: TaggedResource[];
  keep: { resource: TaggedResource; reason: KeepReason }[];
}

export function planTeardown(resources: readonly TaggedResource[], integrationId: string): TeardownPlan {
  const plan: TeardownPlan = { delete: [], keep: [] };
  const seen = new Set<string>();
  const unique = resources.filter((r) => {
    const id = `${r.region}/${r.kind}/${r.id}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const goingAway = (r: TaggedResource) => r.state !== undefined && GONE_STATES.has(r.state);
  const ours = (r: TaggedResource) => isOwnedBy(r.tags, integrationId);
  const key = (region: string, id: string) => `${region}/${id}`;
  const ourVolumes = new Set(
    unique.filter((r) => r.kind === "volume" && ours(r)).map((r) => key(r.region, r.id)),
  );
  // Terminating an instance deletes its DeleteOnTermination volumes: never when one is not ours.
  const takesForeignVolume = (r: TaggedResource) =>
    r.kind === "instance" && (r.deletesVolumes ?? []).some((v) => !ourVolumes.has(key(r.region, v)));
  // Instances this teardown removes (or that are gone already): volumes on them are released.
  const ourInstances = new Set(
    unique
      .filter((r) => r.kind === "instance" && ours(r) && !takesForeignVolume(r))
      .map((r) => key(r.region, r.id)),
  );
  // Instances of this integration that CloudFormation manages (launched by the stack's group).
  const stackInstances = new Set(
    unique
      .filter(
        (r) =>
          r.kind === "instance" &&
          isCreatedByVigil(r.tags) &&
          r.tags[INTEGRATION_TAG.key] === integrationId &&
          isManagedByCloudFormation(r.tags),
      )
      .map((r) => key(r.region, r.id)),
  );
  for (const resource of unique) {
    const attachedTo = (resource.attachedTo ?? []).filter((i) => !ourInstances.has(key(resource.region, i)));
    if (!isCreatedByVigil(resource.tags)) plan.keep.push({ resource, reason: "not-created-by-vigil" });
    else if (resource.tags[INTEGRATION_TAG.key] !== integrationId)
      plan.keep.push({ resource, reason: "other-integration" });
    else if (isManagedByCloudFormation(resource.tags))
      plan.keep.push({ resource, reason: "managed-by-cloudformation" });
    else if (goingAway(resource)) plan.keep.push({ resource, reason: "already-gone" });
    else if (takesForeignVolume(resource))
      plan.keep.push({ resource, reason: "would-delete-foreign-volume" });
    else if (attachedTo.length > 0)
      // Detaching it would change an instance this teardown does not remove: left for a person
      // (or, on the stack's own instance, until CloudFormation has deleted it).
      plan.keep.push({
        resource,
        reason: attachedTo.every((i) => stackInstances.has(key(resource.region, i)))
          ? "attached-to-stack-instance"
          : "attached-to-foreign-instance",
      });
    else plan.delete.push(resource);
  }
  plan.delete.sort(
    (a, b) =>
      TEARDOWN_ORDER.indexOf(a.kind) - TEARDOWN_ORDER.indexOf(b.kind) ||
      a.region.localeCompare(b.region) ||
      a.id.localeCompare(b.id),
  );
  return plan;
}

/** The EC2 and Auto Scaling calls teardown needs, per region. */
export interface TeardownApi {
  /**
   * Resources carrying both Vigil tags for `integrationId`, found with tag filters (the plan
   * re-checks the tags, and leaves CloudFormation's).
   */
  listTagged(region: string, integrationId: string): Promise<TaggedResource[]>;
  /** The resource's tags now, or undefined when it no longer exists. */
  currentTags(resource: TaggedResource): Promise<Record<string, string> | undefined>;
  delete(resource: TaggedResource): Promise<void>;
}

export interface TeardownFailure {
  resource: string;
  error: { code: string; message: string; retryable: boolean };
}

export interface TeardownResult {
  /** Deleted, by kind (the `resources-cleaned-up` event's `removed`). */
  removed: Record<string, number>;
  /** Deletions that failed (retrying the stack deletion retries them). */
  failures: TeardownFailure[];
  /** Our resources deliberately left: attached to an instance this teardown does not remove. */
  left: TeardownFailure[];
  /** Listed as ours, but the tags no longer said so when re-checked, or the resource was gone. */
  spared: string[];
}

const KIND_PLURAL: Record<VigilResourceKind, string> = {
  "auto-scaling-group": "autoScalingGroups",
  instance: "instances",
  "launch-template": "launchTemplates",
  volume: "volumes",
  snapshot: "snapshots",
};

export async function executeTeardown(
  plan: TeardownPlan,
  api: TeardownApi,
  integrationId: string,
): Promise<TeardownResult> {
  const result: TeardownResult = {
    removed: {},
    failures: [],
    spared: [],
    left: plan.keep.flatMap(({ resource, reason }) => {
      const label = `${resource.region}/${resource.kind}/${resource.id}`;
      if (reason === "attached-to-foreign-instance")
        return [
          {
            resource: label,
            error: {
              code: "AttachedToForeignInstance",
              message: `attached to ${(resource.attachedTo ?? []).join(", ")}, which Vigil did not create; detach and delete it by hand`,
              retryable: false,
            },
          },
        ];
      if (reason === "attached-to-stack-instance")
        return [
          {
            resource: label,
            error: {
              code: "AttachedToStackInstance",
              message: `attached to ${(resource.attachedTo ?? []).join(", ")}, which the stack's CloudFormation deletes; delete the volume once the stack is deleted`,
              retryable: false,
            },
          },
        ];
      if (reason === "would-delete-foreign-volume")
        return [
          {
            resource: label,
            error: {
              code: "WouldDeleteForeignVolume",
              message: `terminating it would delete volumes Vigil did not create (DeleteOnTermination); detach them, then terminate it by hand`,
              retryable: false,
            },
          },
        ];
      return [];
    }),
  };
  for (const resource of plan.delete) {
    const label = `${resource.region}/${resource.kind}/${resource.id}`;
    try {
      const tags = await api.currentTags(resource);
      if (!isOwnedBy(tags, integrationId)) {
        result.spared.push(label);
        continue;
      }
      await api.delete(resource);
      const kind = KIND_PLURAL[resource.kind];
      result.removed[kind] = (result.removed[kind] ?? 0) + 1;
    } catch (error) {
      const e = error as { name?: string; message?: string; $retryable?: unknown };
      result.failures.push({
        resource: label,
        error: {
          code: e.name ?? "Error",
          message: (e.message ?? String(error)).slice(0, 1024),
          retryable: Boolean(e.$retryable),
        },
      });
    }
  }
  return result;
}

/** List every region, plan, execute: the resources of `integrationId`, nobody else's. */
export async function tearDown(
  api: TeardownApi,
  regions: readonly string[],
  integrationId: string,
): Promise<TeardownResult & { plan: TeardownPlan }> {
  const listed = (await Promise.all(regions.map((region) => api.listTagged(region, integrationId)))).flat();
  const plan = planTeardown(listed, integrationId);
  return { ...(await executeTeardown(plan, api, integrationId)), plan };
}
