import { builtInPolicies, CATALOGUE, OPTIONAL_ENV, REQUIRED_ENV } from "@vigil/agent";
import { agentEnvironment, POLICY_IDS, rootParameters } from "@vigil/infra";
import { describe, expect, it } from "vitest";

/** What the template hands the agent and what the agent reads must be the same names. */
describe("the template and the agent agree", () => {
  it("on the policy ids the Policies parameter accepts", () => {
    expect([...POLICY_IDS].sort()).toEqual(
      builtInPolicies(CATALOGUE)
        .map((p) => p.id)
        .sort(),
    );
    const pattern = new RegExp(rootParameters.Policies?.AllowedPattern ?? "^$");
    expect(pattern.test("vigil-default,cis-aws-5.0,aws-fsbp")).toBe(true);
    expect(pattern.test("cis-aws-5x0")).toBe(false);
    expect(pattern.test("vigil-default,pci")).toBe(false);
  });

  it("on the agent's environment variables (AWS_REGION is Lambda's own)", () => {
    const contract = [...REQUIRED_ENV, ...OPTIONAL_ENV].filter((name) => name !== "AWS_REGION");
    const given = Object.keys(agentEnvironment());
    // VIGIL_DEAD_LETTER_QUEUE_URL defaults to the DLQ beside the job queue: the template need not set it.
    expect(contract.filter((name) => !given.includes(name))).toEqual(["VIGIL_DEAD_LETTER_QUEUE_URL"]);
    expect(given.filter((name) => !(contract as string[]).includes(name))).toEqual([]);
  });

  it("on the checks DisabledChecks may name: every check id fits its pattern", () => {
    const pattern = new RegExp(rootParameters.DisabledChecks?.AllowedPattern ?? "^$");
    expect(pattern.test(CATALOGUE.map((c) => c.id).join(","))).toBe(true);
    expect(pattern.test("vigil.ec2.instance-no-public-ip, spaces")).toBe(false);
  });
});
