import { describe, expect, it } from "vitest";
import { hintFor } from "../src/error-hints.ts";

describe("hintFor: what to do about a failure in the user's own setup", () => {
  it("the SDK's missing region, also when wrapped as a cause", () => {
    expect(hintFor(new Error("Region is missing"))).toMatch(/^no AWS region: pass --region/);
    const wrapped = new Error("could not look up queue", { cause: new Error("Region is missing") });
    expect(hintFor(wrapped)).toMatch(/AWS_REGION/);
  });

  it("missing credentials", () => {
    const sdk = Object.assign(new Error("Could not load credentials from any providers"), {
      name: "CredentialsProviderError",
    });
    expect(hintFor(new Error("scan failed", { cause: sdk }))).toMatch(/^no AWS credentials: set AWS_PROFILE/);
  });

  it("an endpoint that refuses the connection, by message or by code", () => {
    expect(hintFor(new Error("connect ECONNREFUSED 127.0.0.1:1"))).toMatch(/nothing answers/);
    const byCode = Object.assign(new Error("fetch failed"), { code: "ECONNREFUSED" });
    expect(hintFor(new Error("outer", { cause: byCode }))).toMatch(/nothing answers/);
  });

  it("nothing to add for anything else, and no endless walk on a cause cycle", () => {
    expect(hintFor(new Error("the platform refused: 409 event_id_conflict"))).toBeUndefined();
    expect(hintFor("a string")).toBeUndefined();
    expect(hintFor(undefined)).toBeUndefined();
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(hintFor(a)).toBeUndefined();
  });
});
