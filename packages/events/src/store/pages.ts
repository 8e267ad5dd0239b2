import type { EventStore, ReadAllResult } from "./port.ts";

/**
 * `readAll` page by page from `since` to the end of the log, one page ahead: the request for the
 * next page is in flight while the caller works on the current one, so validating and projecting
 * a page costs no extra time against a store whose reads wait on the network (DynamoDB). The same
 * pages, in the same order, as calling `readAll` in a loop.
 */
export async function* readAllPages(
  store: Pick<EventStore, "readAll">,
  options: { since?: string | undefined; limit?: number } = {},
): AsyncGenerator<ReadAllResult, void, undefined> {
  const read = (since: string | undefined) => {
    const page = store.readAll({ ...(since !== undefined ? { since } : {}), limit: options.limit ?? 1000 });
    // The read ahead may fail while the caller is still busy with the page before it: marked handled
    // now, so it is not an unhandled rejection (a crash, by Node's default) — awaiting it below still
    // throws, at the page where the caller asks for it.
    page.catch(() => undefined);
    return page;
  };
  let next: Promise<ReadAllResult> | undefined = read(options.since);
  while (next) {
    const page: ReadAllResult = await next;
    next = page.more ? read(page.position) : undefined;
    yield page;
  }
}
