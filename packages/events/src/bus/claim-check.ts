import { createHash } from "node:crypto";
import type { S3Client } from "@aws-sdk/client-s3";
import { CLAIM_CHECK_ATTRIBUTE, type MessageAttributes } from "./attributes.ts";
import { MAX_PAYLOAD_BYTES, messageBytes, type OutgoingMessage } from "./batching.ts";
import { MessageClaimCheckError } from "./errors.ts";

/** Where a claim-checked message body lives, and how to tell it came back intact. */
export interface ClaimReference {
  bucket: string;
  key: string;
  sha256: string;
  bytes: number;
}

/** Port: somewhere to park message bodies too large for SNS/SQS (S3 in AWS, a Map in tests). */
export interface PayloadStore {
  put(key: string, body: string): Promise<{ bucket: string; key: string }>;
  /** Throws `MessageClaimCheckError` (retryable) when the object cannot be read. */
  get(reference: { bucket: string; key: string }): Promise<string>;
}

export class S3PayloadStore implements PayloadStore {
  readonly #s3: S3Client;
  readonly #bucket: string;
  constructor(options: { s3: S3Client; bucket: string }) {
    this.#s3 = options.s3;
    this.#bucket = options.bucket;
  }

  async put(key: string, body: string) {
    const { putJsonObject } = await import("../store/s3-objects.ts");
    await putJsonObject(this.#s3, this.#bucket, key, body);
    return { bucket: this.#bucket, key };
  }

  async get(reference: { bucket: string; key: string }): Promise<string> {
    try {
      const { getObjectText } = await import("../store/s3-objects.ts");
      return await getObjectText(this.#s3, reference.bucket, reference.key);
    } catch (error) {
      throw new MessageClaimCheckError(
        reference,
        `could not be read (${(error as Error).name}: ${(error as Error).message})`,
        true,
      );
    }
  }
}

export class InMemoryPayloadStore implements PayloadStore {
  readonly objects = new Map<string, string>();
  constructor(readonly bucket = "in-memory") {}
  async put(key: string, body: string) {
    this.objects.set(key, body);
    return { bucket: this.bucket, key };
  }
  async get(reference: { bucket: string; key: string }): Promise<string> {
    const body = this.objects.get(reference.key);
    if (body === undefined) throw new MessageClaimCheckError(reference, "no such object", true);
    return body;
  }
}

/** Body of a claim-checked message: only the reference (attributes such as `type` stay on the message). */
interface ClaimCheckBody {
  vigilClaimCheck: ClaimReference;
}

/** Messages over this many bytes (body + attributes) travel by claim check. */
export const MESSAGE_CLAIM_CHECK_THRESHOLD_BYTES = MAX_PAYLOAD_BYTES;

/**
 * Replace a too-large body by a reference to the payload store. Keyed by event id (hashed), so a
 * retried publish overwrites the same object instead of orphaning a new one.
 */
export async function checkInIfLarge(
  message: OutgoingMessage,
  store: PayloadStore | undefined,
  prefix = "bus-payloads/",
): Promise<OutgoingMessage> {
  if (messageBytes(message) <= MESSAGE_CLAIM_CHECK_THRESHOLD_BYTES || !store) return message;
  const sha256 = createHash("sha256").update(message.body).digest("hex");
  const key = `${prefix}${createHash("sha256").update(message.eventId).digest("hex").slice(0, 32)}/${sha256}.json`;
  const where = await store.put(key, message.body);
  const reference: ClaimReference = { ...where, sha256, bytes: Buffer.byteLength(message.body) };
  const body: ClaimCheckBody = { vigilClaimCheck: reference };
  return {
    eventId: message.eventId,
    body: JSON.stringify(body),
    attributes: { ...message.attributes, [CLAIM_CHECK_ATTRIBUTE]: "s3" },
  };
}

/** The original body of a message, fetched back from the payload store when it was claim-checked. */
export async function checkOut(
  body: string,
  attributes: MessageAttributes,
  store: PayloadStore | undefined,
): Promise<string> {
  if (attributes[CLAIM_CHECK_ATTRIBUTE] === undefined) return body;
  let reference: ClaimReference | undefined;
  try {
    reference = (JSON.parse(body) as Partial<ClaimCheckBody>).vigilClaimCheck;
  } catch {
    reference = undefined;
  }
  if (!reference || typeof reference.bucket !== "string" || typeof reference.key !== "string") {
    throw new MessageClaimCheckError(
      { bucket: "?", key: "?" },
      `message has attribute ${CLAIM_CHECK_ATTRIBUTE} but its body is not a claim-check reference`,
      false,
    );
  }
  if (!store) {
    throw new MessageClaimCheckError(
      reference,
      "the consumer has no payload store configured to read it",
      true,
    );
  }
  const payload = await store.get(reference);
  if (createHash("sha256").update(payload).digest("hex") !== reference.sha256) {
    throw new MessageClaimCheckError(
      reference,
      "content does not match the SHA-256 in the message (modified or truncated)",
      false,
    );
  }
  return payload;
}
