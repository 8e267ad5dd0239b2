import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
  TransactionCanceledException,
} from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { storageUnavailable } from "../src/http/errors.ts";

const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

describe("storageUnavailable: which storage failures are a 503 to retry", () => {
  it("no answer, throttling or a failure on the service's side: 503 storage_unavailable naming the error", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.7:8000"), {
      code: "ECONNREFUSED",
      $metadata: { attempts: 3 },
    });
    const throttled = new ProvisionedThroughputExceededException({ message: "slow down", ...metadata(400) });
    const failing = new InternalServerError({ message: "oops", ...metadata(500) });
    const timeout = Object.assign(new Error("timed out"), { name: "TimeoutError" });
    for (const [err, named] of [
      [refused, "ECONNREFUSED"],
      [throttled, "ProvisionedThroughputExceededException"],
      [failing, "InternalServerError"],
      [timeout, "TimeoutError"],
      // An error that wraps the call's keeps it as its cause.
      [new Error("could not append", { cause: refused }), "ECONNREFUSED"],
    ] as const) {
      const mapped = storageUnavailable(err);
      expect(mapped?.status, named).toBe(503);
      expect(mapped?.code).toBe("storage_unavailable");
      expect(mapped?.message).toContain(`(${named})`);
      expect(mapped?.message).not.toContain("10.0.0.7");
    }
  });

  it("what the service refused as wrong, and the platform's own bugs, are not: they stay 500s", () => {
    for (const err of [
      new ResourceNotFoundException({ message: "no table", ...metadata(400) }),
      new TransactionCanceledException({ message: "condition", ...metadata(400) }),
      new TypeError("x is undefined"),
      Object.assign(new Error("no such file"), { code: "ENOENT" }),
      "a string",
    ])
      expect(storageUnavailable(err)).toBeUndefined();
  });
});
