import type { ScanProgressEvent } from "@vigil/agent";

interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Live progress of a scan's shards. On a TTY one status line is redrawn in place; elsewhere (CI,
 * pipes) plain lines: the plan, then one line per tenth of the shards done.
 */
export function progressRenderer(out: Writable = process.stderr): {
  onProgress: (p: ScanProgressEvent) => void;
  done: () => void;
} {
  const tty = out.isTTY === true;
  let assets = 0;
  let lastTenth = 0;
  return {
    onProgress(p) {
      switch (p.kind) {
        case "planned": {
          const optedOut = p.regions.filter((r) => r.status === "opted-out").length;
          out.write(
            `scanning ${p.scannedRegions.length} region(s) (${optedOut} opted out) in ${p.shards} shard(s)\n`,
          );
          break;
        }
        case "shard-finished": {
          assets += p.assets;
          const status = `shards ${p.done}/${p.total}, ${assets} assets assessed`;
          if (tty) out.write(`\r\x1b[K${status}`);
          else if (Math.floor((p.done * 10) / p.total) > lastTenth || p.done === p.total) {
            lastTenth = Math.floor((p.done * 10) / p.total);
            out.write(`  ${status}\n`);
          }
          break;
        }
        case "paused":
          if (tty) out.write("\r\x1b[K");
          out.write(`  rate limited: jobs wait until ${new Date(p.until).toISOString()}\n`);
          break;
      }
    },
    done() {
      if (tty) out.write("\r\x1b[K");
    },
  };
}
