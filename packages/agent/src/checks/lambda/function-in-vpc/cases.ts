import type { CheckCase } from "../../_cases/case.ts";
import { fn } from "../../_cases/lambda-vpc.ts";

/** Compliant and non-compliant cases of `vigil.lambda.function-in-vpc`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.lambda.function-in-vpc",
    name: "VpcConfig with a VpcId",
    asset: fn({
      SubnetIds: ["subnet-0a1b", "subnet-0c2d"],
      SecurityGroupIds: ["sg-0e3f"],
      VpcId: "vpc-0a1b2c3d",
    }),
    expect: "pass",
  },
  {
    check: "vigil.lambda.function-in-vpc",
    name: 'VpcConfig empty (VpcId "")',
    asset: fn({ SubnetIds: [], SecurityGroupIds: [], VpcId: "" }),
    expect: "fail",
  },
  { check: "vigil.lambda.function-in-vpc", name: "no VpcConfig", asset: fn(), expect: "fail" },
];
