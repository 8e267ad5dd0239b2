import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The repository's Markdown (README, docs/, each package's README and docs/) links to files and
 * headings by relative path; a moved file or a renamed heading must fail here, not in a reader's
 * browser. Anchors are GitHub's: the heading lower-cased, punctuation but `-` and `_` dropped,
 * spaces to `-`.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SKIP = new Set([
  "node_modules",
  "dist",
  ".git",
  ".turbo",
  ".tsc",
  ".vigil",
  "coverage",
  "test-results",
]);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

function slugOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, "")
    .replaceAll(" ", "-");
}

function anchorsOf(markdown: string): Set<string> {
  const prose = markdown.replace(/```[\s\S]*?```/g, "");
  return new Set([...prose.matchAll(/^#+\s+(.*)$/gm)].map((m) => slugOf(m[1] ?? "")));
}

/** Every relative link of `file` that does not resolve: `path` or `path#anchor`. */
function brokenLinks(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  const broken: string[] = [];
  for (const [, target = ""] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target)) continue;
    const [path = "", anchor] = target.split("#");
    const resolved = path === "" ? file : resolve(dirname(file), path);
    if (!existsSync(resolved)) broken.push(target);
    else if (anchor && resolved.endsWith(".md") && !anchorsOf(readFileSync(resolved, "utf8")).has(anchor))
      broken.push(target);
  }
  return broken;
}

describe("the repository's Markdown links", () => {
  it("anchors are GitHub's heading slugs", () => {
    expect(slugOf("Runtime: the agent Lambda (`src/handlers/`)")).toBe(
      "runtime-the-agent-lambda-srchandlers",
    );
    expect(slugOf("SNS → Lambda (`snsHandler`)")).toBe("sns--lambda-snshandler");
    expect(slugOf("The emulated AWS account (installs)")).toBe("the-emulated-aws-account-installs");
  });

  it("finds a link to a missing file or heading, not one inside a code block", () => {
    const dir = mkdtempSync(join(tmpdir(), "vigil-links-"));
    try {
      writeFileSync(join(dir, "b.md"), "# B title\n\n```\n# not a heading\n```\n## Sub (x)\n");
      writeFileSync(
        join(dir, "a.md"),
        [
          "[ok](b.md) [ok](b.md#b-title) [ok](b.md#sub-x) [ok](#here) [web](https://example.com/x.md)",
          "[bad](b.md#not-a-heading) [bad](c.md) [bad](#nowhere)",
          "```",
          "[in code](d.md)",
          "```",
          "## Here",
        ].join("\n"),
      );
      expect(brokenLinks(join(dir, "a.md"))).toEqual(["b.md#not-a-heading", "c.md", "#nowhere"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every relative link in every README and docs page resolves, to the file and the heading", () => {
    const files = markdownFiles(ROOT);
    // The root README, docs/, and each package's README and docs/ at least.
    expect(files.length).toBeGreaterThan(30);
    expect(files.map((f) => relative(ROOT, f))).toContain("packages/agent/docs/runtime.md");
    const broken = files.flatMap((f) => brokenLinks(f).map((link) => `${relative(ROOT, f)}: ${link}`));
    expect(broken).toEqual([]);
  });
});
