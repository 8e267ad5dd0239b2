import * as z from "zod";
import type { AssetHeader } from "../assets/index.ts";

/**
 * An exception: a known, accepted failure that should not alert until it expires. Every mute has
 * an owner, a reason and an expiry so that exceptions are reviewed instead of forgotten.
 */
export const muteSchema = z.object({
  id: z.string().min(1),
  owner: z.string().min(1),
  reason: z.string().min(1),
  /** The mute stops applying at this instant. */
  expiresAt: z.iso.datetime({ offset: true }),
  match: z
    .object({
      /** A check id, or `*` for every check. */
      checkId: z.string().min(1),
      arn: z.string().min(1).optional(),
      tag: z.object({ key: z.string().min(1), value: z.string() }).optional(),
    })
    .refine((m) => m.arn !== undefined || m.tag !== undefined, {
      message: "a mute must match an asset ARN or a tag, so it never silences a check everywhere",
    }),
});
export type Mute = z.infer<typeof muteSchema>;

export function isMuteActive(mute: Mute, now: number): boolean {
  return now < Date.parse(mute.expiresAt);
}

export function muteMatches(mute: Mute, checkId: string, asset: Pick<AssetHeader, "arn" | "tags">): boolean {
  const m = mute.match;
  if (m.checkId !== "*" && m.checkId !== checkId) return false;
  if (m.arn !== undefined && m.arn !== asset.arn) return false;
  if (m.tag !== undefined && asset.tags[m.tag.key] !== m.tag.value) return false;
  return true;
}

/** Active mutes grouped by check id (`*` mutes under every id), built once per scan. */
export function indexActiveMutes(
  mutes: readonly Mute[],
  checkIds: readonly string[],
  now: number,
): Map<string, Mute[]> {
  const index = new Map<string, Mute[]>();
  for (const mute of mutes) {
    if (!isMuteActive(mute, now)) continue;
    const targets = mute.match.checkId === "*" ? checkIds : [mute.match.checkId];
    for (const id of targets) {
      const list = index.get(id);
      if (list) list.push(mute);
      else index.set(id, [mute]);
    }
  }
  return index;
}
