import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { consumersFor, filterPolicyMatches, subscriptionsOf } from "../src/index.ts";

/**
 * The event types the updater's Lambda handler acts on, read from its source (`e.type === …` /
 * `e.type !== …`): the deployed subscription must let each of them through, or SNS never pushes it.
 */
const updaterHandler = readFileSync(new URL("../../updater/src/handlers/lambda.ts", import.meta.url), "utf8");
const actedOn = [...updaterHandler.matchAll(/\.type\s*[!=]==\s*"(vigil\.[a-z.-]+\.v\d+)"/g)].map(
  (m) => m[1] ?? "",
);

describe("the updater's subscription", () => {
  it("lets through every command the updater's handler acts on", () => {
    expect(actedOn).toContain("vigil.update.requested.v1");
    const filter = subscriptionsOf("updater")[0]?.filterPolicy;
    expect(filter).toBeDefined();
    for (const type of actedOn) expect(filter && filterPolicyMatches(filter, type)).toBe(true);
  });

  it("delivers a forced update request to the updater (any version) and the platform", () => {
    expect(consumersFor("vigil.update.requested.v1").sort()).toEqual(["platform", "updater"]);
    expect(consumersFor("vigil.update.requested.v2")).toContain("updater");
    expect(consumersFor("vigil.update.requested-later.v1")).not.toContain("updater");
  });
});
