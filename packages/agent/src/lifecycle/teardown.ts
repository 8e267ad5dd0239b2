/**
 * Teardown when the stack is deleted: every resource Vigil created — and only those — is removed.
 * A resource is Vigil's when it carries the tag `Created By: Vigil` (exact key and value).
 * `planTeardown` decides from tags alone (pure); `executeTeardown` re-reads each resource's tags
 * right before deleting it, so a tag removed since listing (or a listing bug) spares the resource.
 */

export const CREATED_BY_TAG = { key: "Created By", value: "Vigil" } as const;

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
  | "already-gone"
  | "attached-to-foreign-instance"
  | "would-delete-foreign-volume";

export interface TeardownPlan {
  /** In deletion order. */
  delete: TaggedResource[];
  keep: { resource: TaggedResource; reason: KeepReason }[];
}

export function isCreatedByVigil(tags: Readonly<Record<string, string>> | undefined): boolean {
  return tags?.[CREATED_BY_TAG.key] === CREATED_BY_TAG.value;
}

export function planTeardown(resources: readonly TaggedResource[]): TeardownPlan {
  const plan: TeardownPlan = { delete: [], keep: [] };
  const seen = new Set<string>();
  const unique = resources.filter((r) => {
    const id = `${r.region}/${r.kind}/${r.id}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const goingAway = (r: TaggedResource) => r.state !== undefined && GONE_STATES.has(r.state);
  const vigilVolumes = new Set(
    unique.filter((r) => r.kind === "volume" && isCreatedByVigil(r.tags)).map((r) => `${r.region}/${r.id}`),
  );
  // Terminating an instance deletes its DeleteOnTermination volumes: never when one is not Vigil's.
  const takesForeignVolume = (r: TaggedResource) =>
    r.kind === "instance" && (r.deletesVolumes ?? []).some((v) => !vigilVolumes.has(`${r.region}/${v}`));
  // Instances this teardown removes (or that are gone already): volumes on them are released.
  const vigilInstances = new Set(
    unique
      .filter((r) => r.kind === "instance" && isCreatedByVigil(r.tags) && !takesForeignVolume(r))
      .map((r) => `${r.region}/${r.id}`),
  );
  for (const resource of unique) {
    if (!isCreatedByVigil(resource.tags)) plan.keep.push({ resource, reason: "not-created-by-vigil" });
    else if (goingAway(resource)) plan.keep.push({ resource, reason: "already-gone" });
    else if (takesForeignVolume(resource))
      plan.keep.push({ resource, reason: "would-delete-foreign-volume" });
    else if ((resource.attachedTo ?? []).some((i) => !vigilInstances.has(`${resource.region}/${i}`)))
      // Detaching it would change an instance Vigil did not create: left for a person to decide.
      plan.keep.push({ resource, reason: "attached-to-foreign-instance" });
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
  /** Resources carrying the Vigil tag, found with tag filters (the plan re-checks the tag). */
  listTagged(region: string): Promise<TaggedResource[]>;
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
  /** Vigil's resources deliberately left: attached to an instance Vigil did not create. */
  left: TeardownFailure[];
  /** Listed as Vigil's, but the tag was gone when re-checked, or the resource was. */
  spared: string[];
}

const KIND_PLURAL: Record<VigilResourceKind, string> = {
  "auto-scaling-group": "autoScalingGroups",
  instance: "instances",
  "launch-template": "launchTemplates",
  volume: "volumes",
  snapshot: "snapshots",
};

export async function executeTeardown(plan: TeardownPlan, api: TeardownApi): Promise<TeardownResult> {
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
      if (!isCreatedByVigil(tags)) {
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

/** List every region, plan, execute. */
export async function tearDown(
  api: TeardownApi,
  regions: readonly string[],
): Promise<TeardownResult & { plan: TeardownPlan }> {
  const listed = (await Promise.all(regions.map((region) => api.listTagged(region)))).flat();
  const plan = planTeardown(listed);
  return { ...(await executeTeardown(plan, api)), plan };
}
