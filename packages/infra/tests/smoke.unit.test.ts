import { describe, expect, it } from "vitest";
import { packageName } from "../src/index.ts";

describe("infra", () => {
  it("exports its name", () => {
    expect(packageName).toBe("@vigil/infra");
  });
});
