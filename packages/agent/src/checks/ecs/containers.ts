import type { EcsContainer } from "../../assets/ecs.ts";

/** The names of the containers that match, for evidence (`web, sidecar`): at most three, kept short. */
export function containerNames(containers: readonly EcsContainer[]): string {
  const names = containers.map((c) => c.name);
  let shown = names.slice(0, 3).join(", ");
  if (shown.length > 50) shown = `${shown.slice(0, 49)}…`;
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}
