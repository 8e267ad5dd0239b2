import { ec2Instance } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { instance } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.instance-uses-iam-role`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.instance-uses-iam-role",
    name: "instance profile",
    asset: ec2Instance(instance({})),
    expect: "pass",
  },
  {
    check: "vigil.ec2.instance-uses-iam-role",
    name: "no instance profile",
    asset: ec2Instance(instance({ IamInstanceProfile: undefined })),
    expect: "fail",
  },
];
