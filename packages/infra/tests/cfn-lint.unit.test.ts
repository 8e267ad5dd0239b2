import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderAllTemplates, renderTemplate, rootTemplate } from "../src/index.ts";

/**
 * cfn-lint over every published template (root, nested EBS scanning, organization StackSet): zero
 * errors and zero warnings. A rule that must not apply to one resource is ignored in that
 * resource's `Metadata.cfn-lint`, with the reason next to it, never for the whole template.
 */

const INSTALL = "pip install cfn-lint==1.51.*";
const WANTED = /^cfn-lint 1\.51\./;
const LINT_TIMEOUT = 120_000;

interface CfnLintMatch {
  readonly Rule: { readonly Id: string };
  readonly Level: string;
  readonly Message: string;
  readonly Filename: string;
  readonly Location: { readonly Path?: readonly (string | number)[] };
}

type Tool = { ok: true; version: string } | { ok: false; problem: string };
let tool: Tool | undefined;

/** `cfn-lint --version`, or why it cannot be used, with the command that installs it (asked once). */
function cfnLint(): Tool {
  tool ??= probe();
  return tool;
}

function probe(): Tool {
  const out = spawnSync("cfn-lint", ["--version"], { encoding: "utf8" });
  if (out.error || out.status !== 0)
    return { ok: false, problem: `cfn-lint is not on PATH; install it with: ${INSTALL}` };
  const version = `${out.stdout}${out.stderr}`.trim();
  if (!WANTED.test(version))
    return {
      ok: false,
      problem: `found ${version}, the tests pin cfn-lint 1.51; install it with: ${INSTALL}`,
    };
  return { ok: true, version };
}

const dir = mkdtempSync(join(tmpdir(), "vigil-cfn-lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(files: Record<string, string>): CfnLintMatch[] {
  const found = cfnLint();
  // Never skipped: a machine without cfn-lint fails here, saying how to install it.
  if (!found.ok) throw new Error(found.problem);
  const paths = Object.entries(files).map(([name, rendered]) => {
    const path = join(dir, name);
    writeFileSync(path, rendered);
    return path;
  });
  const out = spawnSync("cfn-lint", ["--format", "json", "--", ...paths], {
    encoding: "utf8",
    timeout: LINT_TIMEOUT,
  });
  // Exit codes are a bit mask of the levels found (2 error, 4 warning, 8 info); the JSON says which.
  try {
    return JSON.parse(out.stdout) as CfnLintMatch[];
  } catch {
    throw new Error(`cfn-lint gave no JSON report (exit ${out.status}): ${out.stderr || out.stdout}`);
  }
}

const describeMatch = (m: CfnLintMatch) =>
  `${m.Level} ${m.Rule.Id} ${(m.Location.Path ?? []).join("/")}: ${m.Message}`;

describe("cfn-lint", () => {
  it(`is installed in the version the tests pin (${INSTALL})`, () => {
    const tool = cfnLint();
    if (!tool.ok) throw new Error(tool.problem);
    expect(tool.version).toMatch(WANTED);
  });

  const templates = renderAllTemplates();
  // One cfn-lint run for the three (its start-up is most of the time); each template is judged on its own.
  let report: CfnLintMatch[] | undefined;
  it.each(Object.keys(templates))(
    "%s has no cfn-lint error or warning",
    (file) => {
      report ??= lint(templates);
      const matches = report.filter((m) => m.Filename.endsWith(`/${file}`));
      expect(matches.map(describeMatch)).toEqual([]);
      // Nothing is lost to the filter: every match names one of the three files.
      const unplaced = report.filter(
        (m) => !Object.keys(templates).some((f) => m.Filename.endsWith(`/${f}`)),
      );
      expect(unplaced.map(describeMatch)).toEqual([]);
    },
    LINT_TIMEOUT,
  );

  it(
    "reports a broken template (so an empty report means something)",
    () => {
      const broken = rootTemplate();
      const fn = broken.Resources.AgentFunction as { Properties: Record<string, unknown> };
      fn.Properties.Runtime = "nodejs9.x";
      delete fn.Properties.Role;
      const ids = lint({ "broken.template.json": renderTemplate(broken) }).map((m) => m.Rule.Id);
      expect(ids).toContain("E3003"); // Role is required
      expect(ids.some((id) => id.startsWith("E"))).toBe(true);
    },
    LINT_TIMEOUT,
  );
});
