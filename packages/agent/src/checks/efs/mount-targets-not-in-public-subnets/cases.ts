import type { CheckCase } from "../../_cases/case.ts";
import { fs } from "../../_cases/compute.ts";

const check = "vigil.efs.mount-targets-not-in-public-subnets";

/** Compliant and non-compliant cases of `vigil.efs.mount-targets-not-in-public-subnets`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "mount target in a private subnet",
    asset: fs(true, "ENABLED", "subnet-0a1b"),
    expect: "pass",
  },
  {
    check,
    name: "mount target in a subnet with MapPublicIpOnLaunch",
    asset: fs(true, "ENABLED", "subnet-0c2d"),
    expect: "fail",
    evidence: /subnet-0c2d/,
  },
];
