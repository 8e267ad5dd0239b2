import type { CollectContext } from "./collector.ts";

/**
 * One per-resource read of a regional service, recorded as `<region>/<service>/<command>/<name>`
 * (the CLI's service and command names, as the snapshot layout wants them).
 */
export function readResource<T extends object>(
  c: CollectContext,
  service: string,
  command: string,
  name: string,
  send: () => Promise<T>,
) {
  return c.read.one({ scope: c.region, service, command, resource: name }, send);
}
