/** Error codes AWS services answer with when a caller exceeds a rate limit. */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  "RequestLimitExceeded",
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottled",
  "RequestThrottledException",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "SlowDown",
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "PriorRequestNotComplete",
]);

/** True for an AWS SDK error (or anything shaped like one) that means "slow down". */
export function isThrottlingError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { name?: unknown; Code?: unknown; code?: unknown };
  for (const code of [e.name, e.Code, e.code])
    if (typeof code === "string" && THROTTLING_CODES.has(code)) return true;
  return false;
}
