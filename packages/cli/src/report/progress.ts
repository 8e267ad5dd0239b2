import type { DiscoveryProgress } from "@vigil/agent";

interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Live progress per region. On a TTY one status line is redrawn in place and each finished
 * region is printed once; elsewhere (CI, pipes) only plain lines, one per finished region.
 */
export function progressRenderer(out: Writable = process.stderr): {
  onProgress: (p: DiscoveryProgress) => void;
  done: () => void;
} {
  const tty = out.isTTY === true;
  const running = new Map<string, { done: number; total: number; assets: number }>();
  const redraw = () => {
    if (!tty) return;
    const parts = [...running.entries()].map(([r, s]) => `${r} ${s.done}/${s.total}`);
    out.write(`\r\x1b[K${parts.length > 0 ? `collecting: ${parts.join("  ")}` : ""}`);
  };
  const line = (text: string) => {
    if (tty) out.write("\r\x1b[K");
    out.write(`${text}\n`);
    redraw();
  };
  return {
    onProgress(p) {
      switch (p.kind) {
        case "regions":
          line(
            `regions: ${p.regions.filter((r) => r.status === "enabled").length} enabled, ${p.regions.filter((r) => r.status === "opted-out").length} opted out`,
          );
          break;
        case "region-started":
          running.set(p.region, { done: 0, total: p.collectors, assets: 0 });
          redraw();
          break;
        case "collector-finished": {
          const s = running.get(p.region);
          if (s) {
            s.done++;
            s.assets += p.assets;
          }
          redraw();
          break;
        }
        case "region-finished":
          running.delete(p.region);
          line(`  ✓ ${p.region.padEnd(16)} ${String(p.assets).padStart(6)} assets`);
          break;
      }
    },
    done() {
      if (tty) out.write("\r\x1b[K");
    },
  };
}
