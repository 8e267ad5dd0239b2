/**
 * An AWS API error the simulated account answers with. It is serialized in the service's own
 * wire format, so the SDK raises the same exception class (and retry classification) as in AWS.
 */
export class AwsApiError extends Error {
  override readonly name = "AwsApiError";
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** HTTP status AWS uses for an error code; anything not listed is a 400 (client error). */
const STATUS_BY_CODE: Record<string, number> = {
  NoSuchEntity: 404,
  NoSuchBucket: 404,
  NoSuchBucketPolicy: 404,
  NoSuchPublicAccessBlockConfiguration: 404,
  ServerSideEncryptionConfigurationNotFoundError: 404,
  NoSuchTagSet: 404,
  ResourceNotFoundException: 404,
  DBInstanceNotFound: 404,
  DBSnapshotNotFound: 404,
  AccessDenied: 403,
  RequestLimitExceeded: 503,
  SlowDown: 503,
  TooManyRequestsException: 429,
  ReportNotPresent: 410,
  ReportInProgress: 404,
};

export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 400;
}

export function apiError(code: string, message: string): AwsApiError {
  return new AwsApiError(code, message, statusForCode(code));
}
