import type { AssetOf, ResourceType } from "../assets/index.ts";

export const SEVERITIES = ["critical", "high", "medium", "low", "informational"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Everything a check may know besides the asset. Time is passed in so checks stay pure. */
export interface CheckContext {
  /** Evaluation time, epoch milliseconds. */
  readonly now: number;
}

/** What a check decided, with a short human-readable reason (never raw configuration or secrets). */
export interface CheckOutcome {
  readonly status: "pass" | "fail";
  readonly evidence: string;
}

export interface CheckMappings {
  /** CIS AWS Foundations Benchmark v5.0 recommendation numbers, e.g. `2.1.4`. */
  readonly cis: readonly string[];
  /**
   * Controls of the AWS Foundational Security Best Practices standard, e.g. `S3.8`: only those the
   * standard holds (docs/reference/fsbp-controls.tsv; a test keeps them there).
   */
  readonly fsbp: readonly string[];
  /** Security Hub controls of other standards only (CIS's, e.g. `EC2.53`; NIST 800-53's, e.g. `S3.14`), never FSBP's. */
  readonly securityHub?: readonly string[];
  /**
   * CIS Distribution Independent Linux Benchmark v2.0.0 recommendation numbers, for the OS checks
   * the EBS scanner evaluates (`aws.ec2.instance-os`), e.g. `5.2.10`.
   */
  readonly cisLinux?: readonly string[];
}

export interface CheckMetadata {
  /** `vigil.<service>.<what-must-be-true>`, stable forever: mutes and reports refer to it. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly resourceType: ResourceType;
  readonly rationale: string;
  readonly remediation: string;
  readonly references: readonly string[];
  readonly mappings: CheckMappings;
}

export interface Check<T extends ResourceType = ResourceType> extends CheckMetadata {
  readonly resourceType: T;
  /**
   * The config fields the check decides from (and so the calls behind them). A field the collector
   * could not read makes the check `error` when it touches it; a test proves the check touches no
   * field it does not declare.
   */
  readonly reads: readonly (keyof AssetOf<T>["config"] & string)[];
  /**
   * Pure decision over one asset. Returns `undefined` when the check does not apply to this
   * particular asset (e.g. an AWS managed key for a rotation check), so no result is reported.
   */
  readonly evaluate: (asset: AssetOf<T>, context: CheckContext) => CheckOutcome | undefined;
}

/** A check of any resource type (a union, so `evaluate` stays correctly typed per member). */
export type AnyCheck = { [T in ResourceType]: Check<T> }[ResourceType];

/**
 * What selection, policies and frameworks need of a check, without its text or its code: the
 * agent's cold start holds these for every check (`CHECK_INDEX`) and loads the checks themselves
 * with the shard that scans their service.
 */
export type CheckEntry = Pick<CheckMetadata, "id" | "resourceType" | "severity" | "mappings">;

export function defineCheck<T extends ResourceType>(check: Check<T>): Check<T> {
  return Object.freeze(check);
}

export function pass(evidence: string): CheckOutcome {
  return { status: "pass", evidence };
}

export function fail(evidence: string): CheckOutcome {
  return { status: "fail", evidence };
}

export const DAY_MS = 86_400_000;

/** Whole days from `iso` to `now`. */
export function daysSince(iso: string, now: number): number {
  return Math.floor((now - Date.parse(iso)) / DAY_MS);
}
