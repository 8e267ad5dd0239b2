import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from "@aws-sdk/client-s3";
import {
  ReleaseObjectMissingError,
  ReleaseObjectTooLargeError,
  ReleaseStoreUnavailableError,
} from "../errors.ts";
import type { ReleaseStore } from "./port.ts";

interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

function classify(error: unknown, key: string): Error {
  const e = (error ?? {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  if (e.name === "NoSuchKey" || e.name === "NotFound" || status === 404)
    return new ReleaseObjectMissingError(key);
  if (status === undefined || status >= 500 || status === 429 || e.$retryable)
    return new ReleaseStoreUnavailableError(
      `release bucket unreachable reading "${key}": ${(error as Error)?.message ?? String(error)}`,
      { cause: error },
    );
  return error instanceof Error ? error : new Error(String(error));
}

/** The release bucket through the real S3 client. */
export class S3ReleaseStore implements ReleaseStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  locationOf(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }

  async open(key: string, maxBytes: number): Promise<AsyncIterable<Uint8Array>> {
    let response: GetObjectCommandOutput;
    try {
      response = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw classify(error, key);
    }
    const body = response.Body as (AsyncIterable<Uint8Array> & { destroy?: () => void }) | undefined;
    if (!body) throw new ReleaseObjectMissingError(key);
    if (response.ContentLength !== undefined && response.ContentLength > maxBytes) {
      body.destroy?.();
      throw new ReleaseObjectTooLargeError(key, maxBytes);
    }
    return guard(body, key, maxBytes);
  }
}

async function* guard(
  body: AsyncIterable<Uint8Array>,
  key: string,
  maxBytes: number,
): AsyncIterable<Uint8Array> {
  let received = 0;
  try {
    for await (const chunk of body) {
      received += chunk.byteLength;
      // Guards a missing or lying Content-Length: stop at the first byte past the limit.
      if (received > maxBytes) throw new ReleaseObjectTooLargeError(key, maxBytes);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ReleaseObjectTooLargeError) throw error;
    throw new ReleaseStoreUnavailableError(`download of "${key}" broke off: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
