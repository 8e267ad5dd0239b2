/**
 * Retry settings for every AWS SDK client the agent creates. `adaptive` adds client-side rate
 * limiting on top of exponential backoff once AWS throttles; 5 attempts ride out a short burst of
 * throttling without holding a Lambda for long. What still fails after them pauses the scan.
 */
export const SDK_MAX_ATTEMPTS = 5;

export interface SdkRetryConfig {
  readonly retryMode: "adaptive" | "standard";
  readonly maxAttempts: number;
}

export function sdkRetryConfig(overrides: Partial<SdkRetryConfig> = {}): SdkRetryConfig {
  return { retryMode: "adaptive", maxAttempts: SDK_MAX_ATTEMPTS, ...overrides };
}
