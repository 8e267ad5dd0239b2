import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDemo } from "../src/demo/run.ts";

describe("vigil demo", () => {
  it("installs the built release in the emulated account, scans, updates, deletes, and prints the platform's report", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "vigil-demo-")), "report.html");
    const lines: string[] = [];
    const code = await runDemo({ instances: 3, out, keep: false }, (l) => lines.push(l));
    const printed = lines.join("\n");
    expect(code, printed).toBe(0);
    // Without --keep the platform stops with the demo: no URL that would not answer.
    expect(printed).toContain("Dashboard:   stopped with the demo; `vigil demo --keep` keeps it running");
    expect(printed).not.toMatch(/http:\/\/127\.0\.0\.1:\d+\/dashboard/);
    // The summary table names the emulated account and failing checks of the seeded misconfigurations.
    expect(printed).toContain("123456789012");
    expect(printed).toMatch(/vigil\.ec2\.security-group-admin-ports-ipv4|ec2\.security-group/);
    const html = await readFile(out, "utf8");
    expect(html).toContain("<html");
    expect(html).toMatch(/FAIL|fail/);
  }, 300_000);
});
