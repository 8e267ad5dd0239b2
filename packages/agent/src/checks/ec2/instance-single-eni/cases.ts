import { ec2Instance } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { eni, instance } from "../../_cases/ec2.ts";

const check = "vigil.ec2.instance-single-eni";

/** Compliant and non-compliant cases of `vigil.ec2.instance-single-eni`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "the primary interface only", asset: ec2Instance(instance({})), expect: "pass" },
  {
    check,
    name: "a second interface attached",
    asset: ec2Instance(instance({ NetworkInterfaces: [eni(0), eni(1)] })),
    expect: "fail",
    evidence: /2 network interfaces/,
  },
  {
    check,
    name: "an EFA besides the primary interface",
    asset: ec2Instance(instance({ NetworkInterfaces: [eni(0), eni(1, "efa")] })),
    expect: "fail",
  },
];
