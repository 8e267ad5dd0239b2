import { INTEGRATION_ID_ATTRIBUTE, TYPE_ATTRIBUTE } from "../topology/topology.ts";

/** Message attributes the bus reads and writes; string-valued only. */
export type MessageAttributes = Record<string, string>;

export { INTEGRATION_ID_ATTRIBUTE, TYPE_ATTRIBUTE };
/** Why a message is in a dead-letter queue (set when the bus dead-letters it itself). */
export const DLQ_REASON_ATTRIBUTE = "vigil-dlq-reason";
/** Name of the queue the dead letter came from, so `redrive` knows where to send it back. */
export const DLQ_SOURCE_QUEUE_ATTRIBUTE = "vigil-source-queue";
/** Present when the body is a claim-check reference, not the event itself. */
export const CLAIM_CHECK_ATTRIBUTE = "vigil-claim-check";

/** SQS/SNS message attributes are at most 10 per message. */
export const MAX_MESSAGE_ATTRIBUTES = 10;

/** Attributes set on every published event: the filter policies match on `type`. */
export function eventAttributes(event: { type: string; integrationid: string }): MessageAttributes {
  return { [TYPE_ATTRIBUTE]: event.type, [INTEGRATION_ID_ATTRIBUTE]: event.integrationid };
}

/** SDK shape (`{ DataType, StringValue }`) of string attributes, for SNS and SQS calls. */
export function toSdkAttributes(
  attributes: MessageAttributes,
): Record<string, { DataType: "String"; StringValue: string }> {
  const out: Record<string, { DataType: "String"; StringValue: string }> = {};
  for (const [name, value] of Object.entries(attributes))
    out[name] = { DataType: "String", StringValue: value };
  return out;
}

/** Back from the SDK shape; non-string attributes (binary) are not ours and are dropped. */
export function fromSdkAttributes(
  attributes:
    | Record<string, { StringValue?: string | undefined; stringValue?: string | undefined } | undefined>
    | undefined,
): MessageAttributes {
  const out: MessageAttributes = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    const s = value?.StringValue ?? value?.stringValue;
    if (typeof s === "string") out[name] = s;
  }
  return out;
}
