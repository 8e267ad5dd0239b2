import { describe, expect, it } from "vitest";
import { JavaNotFoundError, locateJava, startLocalAws } from "../src/index.ts";

describe("Java lookup for DynamoDB Local", () => {
  it("says how to install Java when it is not on PATH", () => {
    const error = (() => {
      try {
        locateJava("java", "/nonexistent/bin:/also/missing");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(JavaNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain('"java" was not found on PATH');
    expect(message).toContain("apt-get install -y openjdk-17-jre-headless");
    expect(message).toContain("{ dynamodb: false }");
  });

  it("rejects a java command path that does not exist", () => {
    expect(() => locateJava("/opt/no-such-jdk/bin/java")).toThrow(JavaNotFoundError);
  });

  it("finds an executable on the PATH it is given", () => {
    // `sh` stands in for java: the lookup is about PATH, not about Java.
    expect(locateJava("sh", "/nonexistent:/bin:/usr/bin")).toMatch(/\/sh$/);
  });

  it("makes startLocalAws fail before starting anything", async () => {
    await expect(startLocalAws({ dynamodb: { searchPath: "/nonexistent" } })).rejects.toBeInstanceOf(
      JavaNotFoundError,
    );
  });
});
