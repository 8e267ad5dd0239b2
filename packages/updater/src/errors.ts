/**
 * Failures a retry may fix (network, throttling, 5xx) versus everything else. Ports throw these so
 * the domain can decide to retry without knowing which SDK or protocol sits behind them.
 */
export class TransientError extends Error {
  override readonly name: string = "TransientError";
  readonly retryable = true;
}

/** The release bucket could not be reached or answered with a server error. */
export class ReleaseStoreUnavailableError extends TransientError {
  override readonly name = "ReleaseStoreUnavailableError";
}

/** The platform's release-hash endpoint could not be reached or answered with a server error. */
export class PlatformUnavailableError extends TransientError {
  override readonly name = "PlatformUnavailableError";
}

/** A key the manifest names does not exist in the release bucket. */
export class ReleaseObjectMissingError extends Error {
  override readonly name = "ReleaseObjectMissingError";
  constructor(readonly key: string) {
    super(`release bucket has no object "${key}": the release was published incompletely or removed`);
  }
}

/** An object was larger than the caller allowed; the download was stopped. */
export class ReleaseObjectTooLargeError extends Error {
  override readonly name = "ReleaseObjectTooLargeError";
  constructor(
    readonly key: string,
    readonly limit: number,
  ) {
    super(`release object "${key}" is larger than the ${limit} bytes allowed`);
  }
}

export function isTransient(error: unknown): error is TransientError {
  return error instanceof TransientError;
}
