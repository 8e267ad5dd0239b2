import type { CheckCase } from "../../_cases/case.ts";
import { fn } from "../../_cases/lambda-vpc.ts";

const check = "vigil.lambda.function-multi-az";

/** Compliant and non-compliant cases of `vigil.lambda.function-multi-az`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "subnets in two zones",
    asset: fn({
      SubnetIds: ["subnet-0a1b", "subnet-0c2d"],
      SecurityGroupIds: ["sg-0e3f"],
      VpcId: "vpc-0a1b2c3d",
    }),
    expect: "pass",
  },
  {
    check,
    name: "one subnet, one zone",
    asset: fn({ SubnetIds: ["subnet-0a1b"], SecurityGroupIds: ["sg-0e3f"], VpcId: "vpc-0a1b2c3d" }),
    expect: "fail",
    evidence: /one Availability Zone/,
  },
  { check, name: "not attached to a VPC", asset: fn(), expect: "n/a" },
];
