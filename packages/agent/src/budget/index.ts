export { ApiBudget, type ApiBudgetOptions, type BudgetKey, type BudgetStats, keyString } from "./budget.ts";
export { type BudgetedCall, type BudgetedCallOptions, budgetedCall, type CallInfo } from "./call.ts";
export { type Clock, ManualClock, settle, systemClock } from "./clock.ts";
export { isThrottlingError, RateLimitedError, THROTTLING_CODES } from "./errors.ts";
export {
  AWS_RATE_LIMITS,
  apiFamilyOf,
  type BudgetFamily,
  budgetLimit,
  DEFAULT_HEADROOM,
  isApiFamily,
  type RateLimit,
} from "./limits.ts";
export { SDK_MAX_ATTEMPTS, type SdkRetryConfig, sdkRetryConfig } from "./sdk.ts";
export { type BucketState, fullBucket, lowerBoundMs, refill, reserve } from "./token-bucket.ts";
export { VirtualTime } from "./virtual-time.ts";
