import { LAYOUT_BEGIN, LAYOUT_END, snapshotLayoutTable } from "./layout.ts";

/** The document with its generated snapshot layout table replaced by the current one. */
export function withSnapshotLayout(document: string): string {
  const begin = document.indexOf(LAYOUT_BEGIN);
  const end = document.indexOf(LAYOUT_END);
  if (begin < 0 || end < begin)
    throw new Error(`the document has no ${LAYOUT_BEGIN} … ${LAYOUT_END} section`);
  return `${document.slice(0, begin + LAYOUT_BEGIN.length)}\n${snapshotLayoutTable()}\n${document.slice(end)}`;
}
