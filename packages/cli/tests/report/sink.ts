import { Writable } from "node:stream";

/** A stream that collects what a command writes, a terminal (`isTTY`) or not, standing in for stdout/stderr. */
export function sink(isTTY = false): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  if (isTTY) Object.assign(stream, { isTTY: true });
  return { stream, text: () => text };
}
