import { describe, expect, it } from "vitest";
import { planEvaluation } from "../../src/checks/evaluate.ts";
import { CATALOGUE, CHECK_INDEX, CheckSelectionError, checksFor } from "../../src/checks/index.ts";
import { checkServiceOf } from "../../src/checks/load.ts";

describe("a shard's checks, loaded with it", () => {
  it("loads exactly the catalogue's checks of the resource types asked for, in catalogue order", async () => {
    const types = ["aws.s3.bucket", "aws.iam.user", "aws.ec2.instance-os"];
    const loaded = await checksFor(types);
    expect(loaded.map((c) => c.id)).toEqual(
      CATALOGUE.filter((c) => types.includes(c.resourceType))
        .sort((a, b) => checkServiceOf(a.resourceType).localeCompare(checkServiceOf(b.resourceType)))
        .map((c) => c.id),
    );
    expect(loaded.some((c) => c.resourceType === "aws.ec2.instance-os")).toBe(true);
    expect(await checksFor(["aws.nothing.here"])).toEqual([]);
  });

  it("resolves the selection over every check's index, and runs only the loaded ones", async () => {
    const s3 = await checksFor(["aws.s3.bucket"]);
    const otherService = CATALOGUE.find((c) => c.resourceType === "aws.iam.user")?.id as string;
    const disabled = s3[0]?.id as string;
    const plan = planEvaluation({
      now: 0,
      selection: { disabledChecks: [otherService, disabled] },
      catalogue: s3,
      index: CHECK_INDEX,
    });
    expect(plan.checks.map((c) => c.id)).toEqual(s3.filter((c) => c.id !== disabled).map((c) => c.id));
    // Without the index, a check of another service is unknown; with it, a made-up one still is.
    expect(() =>
      planEvaluation({ now: 0, selection: { disabledChecks: [otherService] }, catalogue: s3 }),
    ).toThrow(CheckSelectionError);
    expect(() =>
      planEvaluation({
        now: 0,
        selection: { disabledChecks: ["vigil.s3.no-such-check"] },
        catalogue: s3,
        index: CHECK_INDEX,
      }),
    ).toThrow(CheckSelectionError);
  });
});
