import { ec2Instance } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { instance } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.instance-no-public-ip`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.instance-no-public-ip",
    name: "private",
    asset: ec2Instance(instance({})),
    expect: "pass",
  },
  {
    check: "vigil.ec2.instance-no-public-ip",
    name: "PublicIpAddress set",
    asset: ec2Instance(instance({ PublicIpAddress: "198.51.100.7" })),
    expect: "fail",
  },
];
