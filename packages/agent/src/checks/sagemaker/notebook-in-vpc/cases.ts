import type { CheckCase } from "../../_cases/case.ts";
import { notebook } from "../../_cases/sagemaker.ts";

/** Compliant and non-compliant cases of `vigil.sagemaker.notebook-in-vpc`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.sagemaker.notebook-in-vpc", name: "SubnetId set", asset: notebook({}), expect: "pass" },
  {
    check: "vigil.sagemaker.notebook-in-vpc",
    name: "no SubnetId (SageMaker's VPC)",
    asset: notebook({ SubnetId: undefined, SecurityGroups: undefined, NetworkInterfaceId: undefined }),
    expect: "fail",
  },
];
