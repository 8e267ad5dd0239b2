/**
 * Stands in for `@smithy/core/event-streams` inside Lambda bundles (see `LAMBDA_SHIMS`).
 *
 * Only operations with an event-stream member use it (S3 SelectObjectContent, Lambda
 * InvokeWithResponseStream, CloudWatch Logs StartLiveTail); no Lambda of ours sends one. Every
 * client that has such an operation still builds its marshaller when constructed, and the HTTP
 * protocol imports the module lazily, so a single-file bundle carried all ~15 KB of codec anyway.
 * Building a client works as before; using an event stream fails with an error that says why.
 */

export class EventStreamNotBundledError extends Error {
  override readonly name = "EventStreamNotBundledError";
  constructor() {
    super(
      "this Lambda bundle has no AWS event-stream support (an operation with an event-stream member was sent): " +
        "remove @smithy/core/event-streams from LAMBDA_SHIMS in packages/infra/src/build/plugins.ts to bundle it",
    );
  }
}

const unsupported = (): never => {
  throw new EventStreamNotBundledError();
};

/** The clients' marshaller: built eagerly, so it must exist; it fails only when used. */
export const eventStreamSerdeProvider = (_options?: unknown) => ({
  serialize: unsupported,
  deserialize: unsupported,
});

export const resolveEventStreamSerdeConfig = <T extends { eventStreamSerdeProvider: (input: T) => unknown }>(
  input: T,
) => Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });

export class EventStreamSerde {
  constructor(_options?: unknown) {
    unsupported();
  }
}
