import { type Mute, muteSchema } from "@vigil/events";
import type { AssetHeader } from "../assets/index.ts";

/** The mute contract lives with the events that carry it (`vigil.scan.settings-changed.v1`). */
export { type Mute, muteSchema };

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
