import type { Asset, AssetHeader, ResourceType, UnreadField } from "../assets/index.ts";
import {
  type CheckSelection,
  CheckSelectionError,
  indexActiveMutes,
  type Mute,
  muteMatches,
  type Policy,
  selectChecks,
} from "../policies/index.ts";
import type { AnyCheck, CheckContext, CheckEntry, CheckOutcome, Severity } from "./check.ts";

export type ResultStatus = "pass" | "fail" | "muted" | "error";

/** Results are frozen and may be shared between assets: treat them as values. */
export interface CheckResult {
  readonly checkId: string;
  readonly status: ResultStatus;
  readonly severity: Severity;
  readonly title: string;
  /** Why the check decided so; for `error`, the message of what the check threw. */
  readonly evidence?: string;
  /** For `muted`: the id of the mute that applied. */
  readonly muteId?: string;
}

export interface AssetReport {
  readonly asset: AssetHeader;
  readonly results: CheckResult[];
}

export interface ScanSummary {
  assets: number;
  evaluations: number;
  pass: number;
  fail: number;
  muted: number;
  error: number;
  /** Failed (unmuted) results per severity. */
  failBySeverity: Record<Severity, number>;
}

export interface ScanReport {
  readonly reports: AssetReport[];
  readonly summary: ScanSummary;
}

export interface EvaluateOptions {
  /** Evaluation time (epoch ms, Date or ISO string): ages and mute expiry are measured against it. */
  readonly now: number | Date | string;
  /** Which policies/checks run; defaults to the `vigil-default` policy. */
  readonly selection?: CheckSelection;
  readonly mutes?: readonly Mute[];
  /** Replaces the built-in catalogue (tests, custom checks). */
  readonly catalogue?: readonly AnyCheck[];
  /** Replaces the built-in policies. */
  readonly policies?: readonly Policy[];
}

/**
 * A plan over the checks at hand. `catalogue` holds the checks whose code is loaded (a shard's
 * services, or every check); `index`, when set, is what the selection is resolved over — every
 * check's id and mappings — so a selection naming a check of another service is still valid, and
 * only the loaded ones run. `planEvaluation` in `./full.ts` defaults `catalogue` to every check.
 */
export interface PlanOptions extends EvaluateOptions {
  readonly catalogue: readonly AnyCheck[];
  readonly index?: readonly CheckEntry[];
}

type EvaluateFn = (asset: Asset, context: CheckContext) => CheckOutcome | undefined;

interface PlannedCheck {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly evaluate: EvaluateFn;
  readonly mutes: readonly Mute[] | undefined;
  /**
   * Most checks return module-level outcome constants, so the same outcome yields the same
   * (read-only) result object: one slot per status avoids allocating in the common case.
   */
  lastPass: CheckOutcome | undefined;
  lastPassResult: CheckResult | undefined;
  lastFail: CheckOutcome | undefined;
  lastFailResult: CheckResult | undefined;
}

/** The checks to run, indexed by resource type, with their active mutes: built once per scan. */
export interface EvaluationPlan {
  readonly context: CheckContext;
  readonly checks: readonly AnyCheck[];
  readonly byType: ReadonlyMap<ResourceType, readonly PlannedCheck[]>;
}

function toEpochMs(now: EvaluateOptions["now"]): number {
  const ms = typeof now === "number" ? now : typeof now === "string" ? Date.parse(now) : now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`evaluate: "now" must be a valid time, got ${String(now)}`);
  return ms;
}

/** Resolves the selection and mutes once; throws `CheckSelectionError` for unknown policy or check ids. */
export function planEvaluation(options: PlanOptions): EvaluationPlan {
  const { catalogue } = options;
  const resolved = selectChecks(options.selection ?? {}, options.index ?? catalogue, options.policies);
  if (!resolved.ok) throw resolved.error;
  const ids = new Set(resolved.checks.map((c) => c.id));
  const selected = {
    checks: options.index ? catalogue.filter((c) => ids.has(c.id)) : (resolved.checks as readonly AnyCheck[]),
  };
  const now = toEpochMs(options.now);
  const mutes = indexActiveMutes(
    options.mutes ?? [],
    selected.checks.map((c) => c.id),
    now,
  );
  const byType = new Map<ResourceType, PlannedCheck[]>();
  for (const check of selected.checks) {
    const planned: PlannedCheck = {
      id: check.id,
      severity: check.severity,
      title: check.title,
      evaluate: check.evaluate as EvaluateFn,
      mutes: mutes.get(check.id),
      lastPass: undefined,
      lastPassResult: undefined,
      lastFail: undefined,
      lastFailResult: undefined,
    };
    const list = byType.get(check.resourceType);
    if (list) list.push(planned);
    else byType.set(check.resourceType, [planned]);
  }
  return { context: Object.freeze({ now }), checks: selected.checks, byType };
}

export function emptySummary(): ScanSummary {
  return {
    assets: 0,
    evaluations: 0,
    pass: 0,
    fail: 0,
    muted: 0,
    error: 0,
    failBySeverity: { critical: 0, high: 0, medium: 0, low: 0, informational: 0 },
  };
}

function headerOf(asset: Asset): AssetHeader {
  const header: AssetHeader = {
    arn: asset.arn,
    type: asset.type,
    region: asset.region,
    accountId: asset.accountId,
    tags: asset.tags,
  };
  if (asset.name !== undefined) header.name = asset.name;
  return header;
}

/** A check touched a config field the collector could not read: it decides nothing. */
export class UnreadFieldError extends Error {
  override readonly name = "UnreadFieldError";
  constructor(
    readonly field: string,
    readonly reason: UnreadField,
  ) {
    super(`could not be assessed: ${reason.call} ${reason.kind} (${whyUnread(reason)})`);
  }
}

/**
 * The error code; for a call that failed otherwise than denied or throttled, with the first line
 * of its message too (`TypeError` alone does not say what went wrong), unless that line restates
 * the code (`/etc/shadow: EIO`).
 */
function whyUnread(reason: UnreadField): string {
  if (reason.kind !== "failed") return reason.code;
  const line = reason.message.split("\n", 1)[0]?.trim() ?? "";
  if (line === "" || line.includes(reason.code)) return reason.code;
  return `${reason.code}: ${line.length > 160 ? `${line.slice(0, 159)}…` : line}`;
}

/** The evidence of a check that decided nothing: within the contract's 1,024 characters. */
function errorMessage(error: unknown): string {
  if (error instanceof UnreadFieldError) return error.message;
  const message = `check failed to run: ${error instanceof Error ? error.message : String(error)}`;
  return message.length > 1024 ? `${message.slice(0, 1023)}…` : message;
}

/**
 * The asset as a check sees it when some of its config could not be read: reading such a field
 * throws `UnreadFieldError`, so a check decides only from fields that were read (one that can
 * decide without the missing field still does). Assets read in full are passed as they are.
 */
export function guardedAsset<A extends { config: object; unread?: Record<string, UnreadField> | undefined }>(
  asset: A,
): A {
  const unread = asset.unread;
  if (unread === undefined) return asset;
  let any = false;
  for (const _ in unread) {
    any = true;
    break;
  }
  if (!any) return asset;
  const config = new Proxy(asset.config, {
    get(target, key, receiver) {
      if (typeof key === "string" && Object.hasOwn(unread, key))
        throw new UnreadFieldError(key, unread[key] as UnreadField);
      return Reflect.get(target, key, receiver);
    },
  });
  return { ...asset, config };
}

/**
 * Runs every planned check that applies to the asset's type. A check that throws yields an
 * `error` result for that check only; the rest of the scan carries on. `summary` is updated in place.
 */
export function evaluateAsset(plan: EvaluationPlan, asset: Asset, summary: ScanSummary): AssetReport {
  const checks = plan.byType.get(asset.type);
  const results: CheckResult[] = [];
  summary.assets++;
  if (checks !== undefined) {
    const context = plan.context;
    const seen = guardedAsset(asset);
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i] as PlannedCheck;
      let outcome: CheckOutcome | undefined;
      try {
        outcome = check.evaluate(seen, context);
      } catch (error) {
        summary.evaluations++;
        summary.error++;
        results.push({
          checkId: check.id,
          status: "error",
          severity: check.severity,
          title: check.title,
          evidence: errorMessage(error),
        });
        continue;
      }
      if (outcome === undefined) continue;
      summary.evaluations++;
      if (outcome.status === "pass") {
        summary.pass++;
        if (outcome !== check.lastPass || check.lastPassResult === undefined) {
          check.lastPass = outcome;
          check.lastPassResult = resultOf(check, "pass", outcome.evidence);
        }
        results.push(check.lastPassResult);
        continue;
      }
      const mute = check.mutes === undefined ? undefined : findMute(check.mutes, check.id, asset);
      if (mute === undefined) {
        summary.fail++;
        summary.failBySeverity[check.severity]++;
        if (outcome !== check.lastFail || check.lastFailResult === undefined) {
          check.lastFail = outcome;
          check.lastFailResult = resultOf(check, "fail", outcome.evidence);
        }
        results.push(check.lastFailResult);
      } else {
        summary.muted++;
        results.push({
          checkId: check.id,
          status: "muted",
          severity: check.severity,
          title: check.title,
          evidence: outcome.evidence,
          muteId: mute.id,
        });
      }
    }
  }
  return { asset: headerOf(asset), results };
}

function resultOf(check: PlannedCheck, status: "pass" | "fail", evidence: string): CheckResult {
  return Object.freeze({ checkId: check.id, status, severity: check.severity, title: check.title, evidence });
}

function findMute(mutes: readonly Mute[], checkId: string, asset: Asset): Mute | undefined {
  for (const mute of mutes) if (muteMatches(mute, checkId, asset)) return mute;
  return undefined;
}

/**
 * Assesses assets against the selected checks. Only failures can be muted: a passing check needs
 * no exception, and reporting it as muted would hide that the problem was fixed.
 */
export function evaluate(assets: Iterable<Asset>, options: PlanOptions): ScanReport {
  const plan = planEvaluation(options);
  const summary = emptySummary();
  const reports: AssetReport[] = [];
  for (const asset of assets) reports.push(evaluateAsset(plan, asset, summary));
  return { reports, summary };
}

export { CheckSelectionError };
