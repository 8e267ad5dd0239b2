import type { CheckCase } from "../../_cases/case.ts";
import { office, sg, world, world6 } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.security-group-cifs-restricted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.security-group-cifs-restricted",
    name: "445 from office",
    asset: sg([office(445)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-cifs-restricted",
    name: "445 from anywhere",
    asset: sg([world(445)]),
    expect: "fail",
  },
  {
    check: "vigil.ec2.security-group-cifs-restricted",
    name: "445 from ::/0",
    asset: sg([world6(445)]),
    expect: "fail",
  },
];
