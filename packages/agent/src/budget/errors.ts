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
  const e = error as {
    name?: unknown;
    Code?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  for (const code of [e.name, e.Code, e.code])
    if (typeof code === "string" && THROTTLING_CODES.has(code)) return true;
  return false;
}

/**
 * A call that AWS still throttled after the SDK's own retries. The scheduler answers it with an
 * account-wide pause (see `PauseGate`); it is never a reason to fail a scan.
 */
export class RateLimitedError extends Error {
  override readonly name = "RateLimitedError";
  constructor(
    /** `service:Operation` when known, else the family, e.g. `ec2:DescribeInstances`. */
    readonly api: string,
    readonly region: string,
    readonly family: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${api} in ${region} was still throttled after the SDK's retries (family ${family}). Every scan job ` +
        "pauses until the recorded pause ends, then resumes by itself; if this repeats, lower the budget's headroom.",
      options,
    );
  }
}
