import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDemo } from "../src/demo/run.ts";

describe("vigil demo", () => {
  it("runs the whole flow on the local stack and prints the report the platform's views hold", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "vigil-demo-")), "report.html");
    const lines: string[] = [];
    const code = await runDemo({ seed: "demo-test", regions: 2, assets: 2, out, keep: false }, (l) =>
      lines.push(l),
    );
    const printed = lines.join("\n");
    expect(code, printed).toBe(0);
    expect(printed).toMatch(/Dashboard: {3}http:\/\/127\.0\.0\.1:\d+\/dashboard/);
    // The summary table lists the account and at least one failing check from the generator's
    // misconfigurations, taken from the platform's asset reports.
    expect(printed).toMatch(/\d{12}/);
    expect(printed).toMatch(/vigil\.[a-z0-9-]+\.[a-z0-9-]+/);
    const html = await readFile(out, "utf8");
    expect(html).toContain("<html");
    expect(html).toMatch(/FAIL|fail/);
  });
});
