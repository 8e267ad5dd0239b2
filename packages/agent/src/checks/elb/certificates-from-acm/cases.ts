import { ACCOUNT } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { classicListener, clb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elb.certificates-from-acm`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elb.certificates-from-acm", name: "ACM", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.certificates-from-acm",
    name: "IAM server certificate",
    asset: clb({ lb: classicListener("SSL", 443, `arn:aws:iam::${ACCOUNT}:server-certificate/legacy`) }),
    expect: "fail",
  },
  {
    check: "vigil.elb.certificates-from-acm",
    name: "HTTP only",
    asset: clb({ lb: classicListener("HTTP", 80) }),
    expect: "n/a",
  },
];
