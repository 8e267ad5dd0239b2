import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParameterStore, type SecureStringCipher, SsmError } from "../src/index.ts";

const clock = (start = Date.UTC(2026, 0, 1)) => {
  let tick = 0;
  return () => {
    tick += 1;
    return new Date(start + tick * 1000);
  };
};

/** A visible stand-in for KMS so tests can tell ciphertext from plaintext. */
const rot: SecureStringCipher = {
  encrypt: (keyId, text) => `enc(${keyId}):${[...text].reverse().join("")}`,
  decrypt: (keyId, blob) => [...blob.slice(`enc(${keyId}):`.length)].reverse().join(""),
};

const store = () =>
  new ParameterStore({ region: "eu-west-1", accountId: "123456789012", cipher: rot, now: clock() });

function rejects(fn: () => unknown, type: SsmError["type"]): SsmError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SsmError);
    expect((error as SsmError).type).toBe(type);
    return error as SsmError;
  }
  throw new Error(`expected ${type}, but nothing was thrown`);
}

describe("ParameterStore", () => {
  it("puts and gets a String with version, date and ARN", () => {
    const s = store();
    expect(s.putParameter({ Name: "/vigil/a", Value: "one" })).toEqual({ Version: 1, Tier: "Standard" });
    expect(s.getParameter({ Name: "/vigil/a" }).Parameter).toEqual({
      Name: "/vigil/a",
      Type: "String",
      Value: "one",
      Version: 1,
      LastModifiedDate: new Date(Date.UTC(2026, 0, 1, 0, 0, 1)),
      ARN: "arn:aws:ssm:eu-west-1:123456789012:parameter/vigil/a",
      DataType: "text",
    });
    s.putParameter({ Name: "plain", Value: "x" });
    expect(s.getParameter({ Name: "plain" }).Parameter.ARN).toBe(
      "arn:aws:ssm:eu-west-1:123456789012:parameter/plain",
    );
  });

  it("refuses to overwrite without Overwrite, and counts versions when overwriting", () => {
    const s = store();
    s.putParameter({ Name: "/a", Value: "1" });
    const error = rejects(() => s.putParameter({ Name: "/a", Value: "2" }), "ParameterAlreadyExists");
    expect(error.message).toContain("Overwrite");
    expect(s.putParameter({ Name: "/a", Value: "2", Overwrite: true }).Version).toBe(2);
    const { Parameter } = s.getParameter({ Name: "/a" });
    expect(Parameter).toMatchObject({
      Value: "2",
      Version: 2,
      LastModifiedDate: new Date(Date.UTC(2026, 0, 1, 0, 0, 2)),
    });
  });

  it("keeps SecureString values encrypted unless asked to decrypt", () => {
    const s = store();
    s.putParameter({ Name: "/secret", Value: "hunter2", Type: "SecureString", KeyId: "alias/vigil" });
    s.putParameter({ Name: "/default-key", Value: "abc", Type: "SecureString" });
    expect(s.getParameter({ Name: "/secret" }).Parameter.Value).toBe("enc(alias/vigil):2retnuh");
    expect(s.getParameter({ Name: "/secret", WithDecryption: true }).Parameter.Value).toBe("hunter2");
    expect(s.getParameter({ Name: "/default-key" }).Parameter.Value).toBe("enc(alias/aws/ssm):cba");
    // Overwriting keeps type and key when they are not given again.
    s.putParameter({ Name: "/secret", Value: "new", Overwrite: true });
    expect(s.getParameter({ Name: "/secret" }).Parameter).toMatchObject({
      Type: "SecureString",
      Value: "enc(alias/vigil):wen",
    });
  });

  it("never exposes the plaintext of a SecureString with the default cipher", () => {
    const s = new ParameterStore();
    s.putParameter({ Name: "/k", Value: "correct horse battery staple", Type: "SecureString" });
    const opaque = s.getParameter({ Name: "/k" }).Parameter.Value;
    expect(opaque).not.toContain("correct horse");
    expect(Buffer.from(opaque, "base64").toString("utf8")).not.toContain("correct horse");
    expect(s.getParameter({ Name: "/k", WithDecryption: true }).Parameter.Value).toBe(
      "correct horse battery staple",
    );
  });

  it("validates names, values, types, KeyId and tags like AWS", () => {
    const s = store();
    rejects(() => s.putParameter({ Name: "a/b", Value: "x" }), "ValidationException");
    rejects(() => s.putParameter({ Name: "/aws/x", Value: "x" }), "ValidationException");
    rejects(() => s.putParameter({ Name: "/has space", Value: "x" }), "ValidationException");
    rejects(() => s.putParameter({ Name: "/a", Value: "" }), "ValidationException");
    rejects(() => s.putParameter({ Name: "/a", Value: "x".repeat(4097) }), "ValidationException");
    rejects(() => s.putParameter({ Name: "/a", Value: "x", KeyId: "alias/k" }), "ValidationException");
    rejects(
      () => s.putParameter({ Name: "/a", Value: "x", Type: "Integer" as "String" }),
      "ValidationException",
    );
    s.putParameter({ Name: "/a", Value: "x", Tags: [{ Key: "team", Value: "sec" }] });
    rejects(
      () => s.putParameter({ Name: "/a", Value: "y", Overwrite: true, Tags: [{ Key: "k", Value: "v" }] }),
      "ValidationException",
    );
  });

  it("gets several parameters at once and lists the missing ones", () => {
    const s = store();
    s.putParameter({ Name: "/a", Value: "1" });
    s.putParameter({ Name: "/b", Value: "v1,v2", Type: "StringList" });
    const result = s.getParameters({ Names: ["/a", "/missing", "/b"] });
    expect(result.Parameters.map((p) => [p.Name, p.Type, p.Value])).toEqual([
      ["/a", "String", "1"],
      ["/b", "StringList", "v1,v2"],
    ]);
    expect(result.InvalidParameters).toEqual(["/missing"]);
    rejects(() => s.getParameters({ Names: [] }), "ValidationException");
    rejects(
      () => s.getParameters({ Names: Array.from({ length: 11 }, (_, i) => `/p${i}`) }),
      "ValidationException",
    );
  });

  it("lists a path's direct children, or its whole subtree when recursive", () => {
    const s = store();
    for (const name of ["/app/a", "/app/b", "/app/deep/c", "/application/x", "/other/y", "root"]) {
      s.putParameter({ Name: name, Value: "v" });
    }
    const names = (path: string, recursive: boolean) =>
      s.getParametersByPath({ Path: path, Recursive: recursive }).Parameters.map((p) => p.Name);
    expect(names("/app", false)).toEqual(["/app/a", "/app/b"]);
    expect(names("/app/", true)).toEqual(["/app/a", "/app/b", "/app/deep/c"]);
    expect(names("/", false)).toEqual(["root"]);
    rejects(() => s.getParametersByPath({ Path: "app" }), "ValidationException");
    rejects(() => s.getParametersByPath({ Path: "/app", MaxResults: 11 }), "ValidationException");
    rejects(() => s.getParametersByPath({ Path: "/app", NextToken: "garbage" }), "InvalidNextToken");
  });

  it("pages through any subtree, returning every parameter exactly once in name order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.array(fc.constantFrom("a", "b", "c"), { minLength: 1, maxLength: 3 }), {
          minLength: 0,
          maxLength: 30,
          selector: (segments) => segments.join("/"),
        }),
        fc.integer({ min: 1, max: 10 }),
        (paths, maxResults) => {
          const s = store();
          // "/t/a" and "/t/a/b" can both exist in SSM: a name is not a folder.
          const all = paths.map((segments) => `/t/${segments.join("/")}`);
          for (const name of all) s.putParameter({ Name: name, Value: "v" });
          const seen: string[] = [];
          let token: string | undefined;
          do {
            const page = s.getParametersByPath({
              Path: "/t",
              Recursive: true,
              MaxResults: maxResults,
              NextToken: token,
            });
            expect(page.Parameters.length).toBeLessThanOrEqual(maxResults);
            seen.push(...page.Parameters.map((p) => p.Name));
            token = page.NextToken;
          } while (token !== undefined);
          expect(seen).toEqual([...all].sort());
        },
      ),
    );
  });

  it("deletes one or several parameters", () => {
    const s = store();
    s.putParameter({ Name: "/a", Value: "1" });
    s.putParameter({ Name: "/b", Value: "2" });
    s.putParameter({ Name: "/c", Value: "3" });
    expect(s.deleteParameter({ Name: "/a" })).toEqual({});
    rejects(() => s.getParameter({ Name: "/a" }), "ParameterNotFound");
    rejects(() => s.deleteParameter({ Name: "/a" }), "ParameterNotFound");
    expect(s.deleteParameters({ Names: ["/b", "/nope", "/c"] })).toEqual({
      DeletedParameters: ["/b", "/c"],
      InvalidParameters: ["/nope"],
    });
    expect(s.getParametersByPath({ Path: "/" }).Parameters).toEqual([]);
    // A re-created parameter starts again at version 1.
    expect(s.putParameter({ Name: "/a", Value: "again" }).Version).toBe(1);
  });
});
