import type { AssetOf, ResourceType } from "../assets/index.ts";
import { type CollectContext, type Collector, mapLimit, notListed } from "./collector.ts";
import type { UnreadFields } from "./unread.ts";

/** Where an asset is: what a pure asset builder needs of the collect context. */
export type Where = Pick<CollectContext, "accountId" | "region" | "partition">;

/**
 * A regional asset from what its reads gave: `config` holds the fields read, `unread` says why the
 * others are missing (never a default that would read as a fact).
 */
export function regionalAsset<T extends ResourceType>(
  c: Where,
  type: T,
  head: { arn: string; name: string; tags?: Record<string, string> },
  config: Partial<AssetOf<T>["config"]>,
  unread: UnreadFields,
): AssetOf<T> {
  return unread.attach({
    arn: head.arn,
    type,
    region: c.region,
    accountId: c.accountId,
    name: head.name,
    tags: head.tags ?? {},
    config,
  } as AssetOf<T>);
}

/**
 * A regional collector of one resource type listed by one call (`<cli-service> <command>`: its
 * `pages`, or one `page` where the API has no pagination), each resource then described by its own
 * reads (and by `shared`, read once per region). A failed listing leaves the (region, type)
 * uncovered; a failed per-resource read only leaves that asset's fields unread.
 */
export function listedCollector<T extends ResourceType, Page extends object, Item, Shared = undefined>(
  spec: {
    readonly id: string;
    readonly type: T;
    readonly service: string;
    readonly command: string;
    /** The listed resources of this region (`c`: for listings that may name other regions'). */
    readonly items: (listing: Page, c: CollectContext) => readonly Item[] | undefined;
    readonly shared?: (c: CollectContext) => Promise<Shared>;
    readonly asset: (c: CollectContext, item: Item, shared: Shared) => Promise<AssetOf<T>>;
  } & (
    | { readonly pages: (c: CollectContext) => AsyncIterable<Page>; readonly page?: never }
    | { readonly page: (c: CollectContext) => Promise<Page>; readonly pages?: never }
  ),
): Collector {
  const collector: Collector = {
    id: spec.id,
    scope: "regional",
    resourceTypes: [spec.type],
    async collect(c) {
      const ref = { scope: c.region, service: spec.service, command: spec.command };
      const out = spec.page
        ? await c.read.one(ref, () => spec.page(c))
        : await c.read.pages(ref, () => spec.pages(c));
      if (!out.ok) return notListed(c, collector);
      const items = spec.items(out.value, c) ?? [];
      const shared = (items.length > 0 && spec.shared ? await spec.shared(c) : undefined) as Shared;
      return { assets: await mapLimit(items, 8, (item) => spec.asset(c, item, shared)) };
    },
  };
  return collector;
}
