import type { AnyCheck } from "../checks/check.ts";
import { PROWLER_EQUIVALENTS } from "./prowler-equivalents.ts";

/** One requirement of a framework: a CIS recommendation, an FSBP control, … */
export interface Requirement {
  readonly id: string;
  readonly title: string;
  /** How the publisher says it is assessed (CIS marks recommendations Automated or Manual). */
  readonly assessment?: "automated" | "manual";
  /** The Prowler checks that assess it, in a framework taken from Prowler's compliance mappings. */
  readonly prowlerChecks?: readonly string[];
}

/**
 * A framework as data: its requirements as published (with the source named), and how a check is
 * found to decide a requirement: through one of the check's own `mappings` ("cis", "fsbp"), or
 * ("prowler") through the requirement's Prowler checks and the Vigil checks equivalent to them
 * (PROWLER_EQUIVALENTS).
 */
export interface FrameworkDefinition {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly mappingKey: "cis" | "fsbp" | "prowler";
  readonly requirements: readonly Requirement[];
}

/**
 * A requirement and the checks that decide it. None: no Vigil check decides it, and it is `manual`,
 * to be assessed by hand or with another tool (for a Prowler-mapped framework, Prowler may have a
 * check for it that Vigil has not).
 */
export interface MappedRequirement extends Requirement {
  readonly checkIds: readonly string[];
}

export interface Framework extends Omit<FrameworkDefinition, "requirements"> {
  readonly requirements: readonly MappedRequirement[];
}

/** The framework's requirements with their checks, from the catalogue's mappings. Pure. */
export function mapFramework(
  definition: FrameworkDefinition,
  catalogue: readonly AnyCheck[],
  equivalents: Readonly<Record<string, readonly string[]>> = PROWLER_EQUIVALENTS,
): Framework {
  const { mappingKey } = definition;
  const decides = (check: AnyCheck, r: Requirement): boolean =>
    mappingKey === "prowler"
      ? (equivalents[check.id] ?? []).some((name) => r.prowlerChecks?.includes(name))
      : check.mappings[mappingKey].includes(r.id);
  return {
    ...definition,
    requirements: definition.requirements.map((r) => ({
      ...r,
      checkIds: catalogue.filter((c) => decides(c, r)).map((c) => c.id),
    })),
  };
}

/** Requirements from rows of a table taken from a Prowler compliance file: id, title, comma-separated Prowler checks. */
export function prowlerRequirements(rows: readonly (readonly [string, string, string])[]): Requirement[] {
  return rows.map(([id, title, checks]) => ({
    id,
    title,
    prowlerChecks: checks === "" ? [] : checks.split(","),
  }));
}

export type RequirementStatus = "pass" | "fail" | "not-assessed" | "manual";

export interface RequirementScore extends MappedRequirement {
  readonly status: RequirementStatus;
  /** Results of its checks over every asset: how many passed, failed (unmuted), were muted or not assessed. */
  readonly results: { pass: number; fail: number; muted: number; error: number };
}

export interface FrameworkScore {
  readonly framework: { id: string; title: string; source: string };
  readonly requirements: readonly RequirementScore[];
  readonly totals: Record<RequirementStatus, number>;
  /** Passing requirements over those decided (pass + fail), 0..100; undefined when none was decided. */
  readonly score: number | undefined;
}

/**
 * Scores an account against a framework from its findings: a requirement fails when one of its
 * checks failed on some asset, passes when its checks passed and none failed or went unassessed,
 * is not assessed when a check could not decide (or had nothing to look at), and is manual when no
 * check decides it. Pure.
 */
export function scoreFramework(
  framework: Framework,
  results: Iterable<{ checkId: string; status: "pass" | "fail" | "muted" | "error" }>,
): FrameworkScore {
  const byCheck = new Map<string, { pass: number; fail: number; muted: number; error: number }>();
  for (const r of results) {
    const c = byCheck.get(r.checkId) ?? { pass: 0, fail: 0, muted: 0, error: 0 };
    c[r.status]++;
    byCheck.set(r.checkId, c);
  }
  const requirements = framework.requirements.map((req): RequirementScore => {
    const sum = { pass: 0, fail: 0, muted: 0, error: 0 };
    for (const id of req.checkIds) {
      const c = byCheck.get(id);
      if (!c) continue;
      sum.pass += c.pass;
      sum.fail += c.fail;
      sum.muted += c.muted;
      sum.error += c.error;
    }
    const status: RequirementStatus =
      req.checkIds.length === 0
        ? "manual"
        : sum.fail > 0
          ? "fail"
          : sum.error > 0 || sum.pass + sum.muted === 0
            ? "not-assessed"
            : "pass";
    return { ...req, status, results: sum };
  });
  const totals = { pass: 0, fail: 0, "not-assessed": 0, manual: 0 };
  for (const r of requirements) totals[r.status]++;
  const decided = totals.pass + totals.fail;
  return {
    framework: { id: framework.id, title: framework.title, source: framework.source },
    requirements,
    totals,
    score: decided === 0 ? undefined : Math.round((totals.pass / decided) * 1000) / 10,
  };
}
