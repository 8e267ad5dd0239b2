import type { EventStore, ReadAllResult } from "./port.ts";

/**
 * `readAll` page by page from `since` to the end of the log, one page ahead: the request for the
 * next page is sent before the caller gets the current one, and is served while the caller works
 * on it, so validating and projecting a page costs no extra time against a store whose reads wait
 * on another process or the network (DynamoDB). The same pages, in the same order, as calling
 * `readAll` in a loop.
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
    if (page.more) {
      next = read(page.position);
      // Let the read ahead reach the wire before handing out the page: the caller's work on a page
      // is synchronous (parse, fold), and a client's request is sent only after a chain of promise
      // steps (the SDK's middleware: endpoint, credentials, signing), which would otherwise wait
      // behind that work — the store then sat idle while the caller worked, and the read began after.
      await new Promise<void>((resolve) => setImmediate(resolve));
    } else next = undefined;
    yield page;
  }
}
