// The codes AWS answers "slow down" with are shared with the platform: one list, in the events package.
export { isThrottlingError, THROTTLING_CODES } from "@vigil/events";

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
