import { type LocalAws, startLocalAws } from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runUpdateDemo } from "../src/index.ts";

let aws: LocalAws<false>;
beforeAll(async () => {
  aws = await startLocalAws({ dynamodb: false });
});
afterAll(async () => {
  await aws?.stop();
});

describe("runUpdateDemo", () => {
  it("applies a release from the local S3, then refuses a tampered one", async () => {
    const lines: string[] = [];
    const result = await runUpdateDemo(aws, (l) => lines.push(l));
    expect(result.applied).toMatchObject({ kind: "applied", from: "1.0.0", to: "1.1.0" });
    expect(result.tampered).toMatchObject({ kind: "refused", reason: "sha256-mismatch", version: "1.2.0" });
    expect(result.agentLive.releaseVersion).toBe("1.1.0");
    expect(result.events.map((e) => e.type)).toContain("vigil.update.refused.v1");
    expect(lines.join("\n")).toMatch(/flipped one bit/);
  });
});
