import type { ApiBudget } from "./budget.ts";
import type { RateLimitedError } from "./errors.ts";
import { apiFamilyOf } from "./limits.ts";

/** What the agent's `call(family, fn)` seam (src/aws/clients.ts) says about each AWS call. */
export interface CallInfo {
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  /** The command's input, when the seam passes it: tells filtered/paginated EC2 calls from the rest. */
  readonly input?: Record<string, unknown> | undefined;
}

export type BudgetedCall = <T>(info: CallInfo, fn: () => Promise<T>) => Promise<T>;

export interface BudgetedCallOptions {
  readonly accountId: string;
  /** Told about every call that stayed throttled after the SDK's retries, even if a collector swallows it. */
  readonly onRateLimited?: (error: RateLimitedError) => void;
}

/**
 * The budget as the agent's call wrapper: `createAwsClients({ call: budgetedCall(budget, { accountId }) })`.
 * Every call waits for a token of its (account, region, family) budget.
 */
export function budgetedCall(budget: ApiBudget, options: BudgetedCallOptions): BudgetedCall {
  return async (info, fn) => {
    const family = apiFamilyOf(info.service, info.operation, info.input ?? {});
    try {
      return await budget.call(
        { accountId: options.accountId, region: info.region, family },
        fn,
        `${info.service}:${info.operation}`,
      );
    } catch (error) {
      if ((error as Error | undefined)?.name === "RateLimitedError")
        options.onRateLimited?.(error as RateLimitedError);
      throw error;
    }
  };
}
