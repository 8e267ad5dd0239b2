import { UPDATER_OUTCOME_PREFIXES, type VigilEvent } from "@vigil/events";
import { CHECK_INDEX } from "../checks/check-index.ts";
import { resolveSettings, selectionProblem } from "../policies/settings.ts";
import { DEFAULT_DEBOUNCE_WINDOW_MS, type InstanceStateChange } from "../scheduler/debounce.ts";

/** What the agent does with an event SNS pushed to it. Pure. */
export type EventDecision =
  | {
      readonly action: "start-scan";
      readonly scanId: string;
      readonly regions: readonly string[] | undefined;
    }
  | { readonly action: "tear-down" }
  | { readonly action: "record-settings"; readonly changedBy: string }
  /** The EBS scanner's result: into the region's EBS scan stream, then the waiting job can go on. */
  | { readonly action: "record-scanner-result" }
  /** The updater's outcome (applied, refused, rolled back, an alert): relayed to the platform. */
  | { readonly action: "forward-to-platform" }
  | { readonly action: "reject"; readonly reason: string }
  | { readonly action: "acknowledge"; readonly reason: string };

export function decideEvent(event: VigilEvent, integrationId: string): EventDecision {
  if (event.integrationid !== integrationId) {
    return { action: "acknowledge", reason: `for integration ${event.integrationid}, not ${integrationId}` };
  }
  switch (event.type) {
    case "vigil.scan.requested.v1":
      return { action: "start-scan", scanId: event.data.scanId, regions: event.data.regions };
    case "vigil.integration.delete-requested.v1":
      // Stack deletion is the custom resource's Delete; this is the platform or customer asking.
      return event.data.requestedBy === "stack-deletion"
        ? { action: "acknowledge", reason: "stack deletion is handled by the custom resource" }
        : { action: "tear-down" };
    case "vigil.scan.settings-changed.v1": {
      // A policy or check that does not exist would fail every scan job: refused here, with why.
      const problem = selectionProblem(resolveSettings({}, event.data).selection, CHECK_INDEX);
      return problem
        ? { action: "reject", reason: `scan settings ${event.id}: ${problem.message}` }
        : { action: "record-settings", changedBy: event.data.changedBy };
    }
    case "vigil.ebs.scanned.v1":
      return { action: "record-scanner-result" };
    default:
      // The updater publishes only to the topic and holds no platform credentials: the agent, which
      // does, relays what the platform shows (its alerts, the update's outcome).
      if (UPDATER_OUTCOME_PREFIXES.some((prefix) => event.type.startsWith(prefix)))
        return { action: "forward-to-platform" };
      return { action: "acknowledge", reason: `nothing to do for ${event.type}` };
  }
}

/**
 * Regions a scan covers, home region first (the account shard runs there): the request's, else the
 * configured ones, else every enabled region; always within the enabled ones. Pure.
 */
export function scanRegionsFor(input: {
  requested: readonly string[] | undefined;
  configured: readonly string[] | undefined;
  enabled: readonly string[];
  home: string;
}): string[] {
  const enabled = new Set(input.enabled);
  const chosen = (input.requested ?? input.configured ?? input.enabled).filter((r) => enabled.has(r));
  const unique = [...new Set(chosen)].sort();
  return unique.includes(input.home) ? [input.home, ...unique.filter((r) => r !== input.home)] : unique;
}

export interface RescanDecision {
  readonly scanId: string;
  readonly region: string;
  readonly instanceId: string;
  /** How long the rescan's job waits on the queue (SQS DelaySeconds). */
  readonly delayMs: number;
}

/**
 * Debounce with SQS delay, no state kept: a change at `at` falls in the window
 * `[k·windowMs, (k+1)·windowMs)`; the rescan's scan id names the instance and the window, and its
 * job waits until one window after that window ends. Every change of a burst within a window maps
 * to the same scan, so it runs once (its shard completes once; later duplicates are skipped), one
 * window to two windows after the change, when the instance has settled. Pure.
 */
export function decideRescan(
  change: InstanceStateChange,
  now: number,
  windowMs = DEFAULT_DEBOUNCE_WINDOW_MS,
): RescanDecision {
  const windowStart = Math.floor(change.at / windowMs) * windowMs;
  const dueAt = windowStart + 2 * windowMs;
  return {
    scanId: `ec2-${change.region}-${change.instanceId}-${windowStart}`,
    region: change.region,
    instanceId: change.instanceId,
    delayMs: Math.max(0, dueAt - now),
  };
}

/** A heartbeat drains when the job queue holds anything (visible, delayed or in flight). Pure. */
export function shouldDrain(pending: { visible: number; delayed: number; inFlight: number }): boolean {
  return pending.visible + pending.delayed + pending.inFlight > 0;
}

/** Drain until the queue is empty or only `reserveMs` of the invocation remain (~60 s). Pure. */
export const DRAIN_RESERVE_MS = 60_000;
export function keepDraining(received: number, remainingMs: number, reserveMs = DRAIN_RESERVE_MS): boolean {
  return received > 0 && remainingMs > reserveMs;
}
