import * as z from "zod";
import { semverSchema } from "../contracts/common.ts";
import { lazySchema } from "../contracts/lazy.ts";

/**
 * What the updater sends a freshly published function version (through the `live` alias) to decide
 * whether to keep it, and what the function must answer. The agent's and updater's handlers
 * recognise this payload before anything else.
 */
export const HealthCheckRequest = lazySchema(() =>
  z.object({
    kind: z.literal("vigil.health-check"),
    /** Release version the caller believes it just deployed. */
    expectedVersion: z.string(),
  }),
);
export type HealthCheckRequest = z.infer<typeof HealthCheckRequest>;

export const HealthCheckResponse = lazySchema(() =>
  z.object({
    ok: z.boolean(),
    version: z.string(),
    detail: z.string().max(1024).optional(),
  }),
);
export type HealthCheckResponse = z.infer<typeof HealthCheckResponse>;

export function isHealthCheckRequest(event: unknown): event is HealthCheckRequest {
  return HealthCheckRequest.safeParse(event).success;
}

/**
 * An on-demand update requested by the platform (delivered to the updater's queue). Until the
 * catalogue carries a `vigil.update.requested` event this plain message is the contract.
 */
export const ForceUpdateRequest = lazySchema(() =>
  z.object({
    kind: z.literal("vigil.force-update"),
    /** Optional target; without it the channel's current release is used. */
    version: semverSchema.optional(),
    requestedBy: z.string().max(256).optional(),
  }),
);
export type ForceUpdateRequest = z.infer<typeof ForceUpdateRequest>;
