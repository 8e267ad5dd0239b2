/**
 * Event-driven rescans: an EC2 instance state change (EventBridge) assesses that one instance.
 * Changes come in bursts (pending → running, stopping → stopped), so they are debounced per
 * instance: the rescan runs `windowMs` after the last change, or at the latest `maxWaitMs` after
 * the first, whichever is sooner. Pure: state in, state out.
 */

export interface InstanceStateChange {
  readonly instanceId: string;
  readonly state: string;
  readonly region: string;
  readonly accountId: string;
  /** Event time, ms since the epoch. */
  readonly at: number;
}

export type ParsedStateChange =
  | { readonly ok: true; readonly change: InstanceStateChange }
  | { readonly ok: false; readonly reason: string };

/** Reads EventBridge's `aws.ec2` / `EC2 Instance State-change Notification` event. */
export function parseInstanceStateChange(event: unknown): ParsedStateChange {
  const e = event as Record<string, unknown> | null;
  if (typeof e !== "object" || e === null) return { ok: false, reason: "event is not an object" };
  if (e.source !== "aws.ec2") return { ok: false, reason: `source is ${String(e.source)}, expected aws.ec2` };
  if (e["detail-type"] !== "EC2 Instance State-change Notification") {
    return {
      ok: false,
      reason: `detail-type is ${String(e["detail-type"])}, expected EC2 Instance State-change Notification`,
    };
  }
  const detail = e.detail as Record<string, unknown> | undefined;
  const instanceId = detail?.["instance-id"];
  if (typeof instanceId !== "string" || !/^i-[0-9a-f]+$/.test(instanceId)) {
    return { ok: false, reason: `detail.instance-id is ${String(instanceId)}, expected i-<hex>` };
  }
  const at = Date.parse(String(e.time));
  if (Number.isNaN(at)) return { ok: false, reason: `time is ${String(e.time)}, expected ISO 8601` };
  if (typeof e.region !== "string" || typeof e.account !== "string") {
    return { ok: false, reason: "region and account are required" };
  }
  return {
    ok: true,
    change: {
      instanceId,
      state: String(detail?.state ?? "unknown"),
      region: e.region,
      accountId: e.account,
      at,
    },
  };
}

export interface PendingRescan {
  readonly change: InstanceStateChange;
  readonly firstAt: number;
  readonly dueAt: number;
}

/** Pending rescans by instance id. */
export type DebounceState = ReadonlyMap<string, PendingRescan>;

export interface DebounceOptions {
  /** Quiet time after the last change before the rescan (default 60 s). */
  readonly windowMs?: number;
  /** Upper bound after the first change, so a flapping instance is still assessed (default 5 min). */
  readonly maxWaitMs?: number;
}

export const DEFAULT_DEBOUNCE_WINDOW_MS = 60_000;

/** Records a change; the instance's rescan moves to `windowMs` after it (capped by `maxWaitMs`). */
export function offerChange(
  state: DebounceState,
  change: InstanceStateChange,
  options: DebounceOptions = {},
): DebounceState {
  const windowMs = options.windowMs ?? DEFAULT_DEBOUNCE_WINDOW_MS;
  const maxWaitMs = options.maxWaitMs ?? 5 * windowMs;
  const previous = state.get(change.instanceId);
  // An out-of-order (older) event never replaces the newer change it arrived after.
  const latest = previous && previous.change.at > change.at ? previous.change : change;
  const firstAt = previous ? Math.min(previous.firstAt, change.at) : change.at;
  const dueAt = Math.min(Math.max(previous?.dueAt ?? 0, change.at + windowMs), firstAt + maxWaitMs);
  const next = new Map(state);
  next.set(change.instanceId, { change: latest, firstAt, dueAt });
  return next;
}

/** Rescans due at `now` (oldest first) and the state without them. */
export function takeDue(
  state: DebounceState,
  now: number,
): { due: InstanceStateChange[]; state: DebounceState } {
  const due: PendingRescan[] = [];
  const rest = new Map<string, PendingRescan>();
  for (const [id, pending] of state) {
    if (pending.dueAt <= now) due.push(pending);
    else rest.set(id, pending);
  }
  due.sort((a, b) => a.dueAt - b.dueAt || a.change.instanceId.localeCompare(b.change.instanceId));
  return { due: due.map((d) => d.change), state: rest };
}
