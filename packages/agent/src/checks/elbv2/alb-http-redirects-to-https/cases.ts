import type { CheckCase } from "../../_cases/case.ts";
import { alb, FORWARD_HTTP, HTTPS, nlb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elbv2.alb-http-redirects-to-https`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elbv2.alb-http-redirects-to-https", name: "HTTP redirects", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.alb-http-redirects-to-https",
    name: "HTTPS only",
    asset: alb({ listeners: [HTTPS("ELBSecurityPolicy-TLS13-1-2-2021-06")] }),
    expect: "pass",
  },
  {
    check: "vigil.elbv2.alb-http-redirects-to-https",
    name: "HTTP forwards",
    asset: alb({ listeners: [FORWARD_HTTP, HTTPS("ELBSecurityPolicy-TLS13-1-2-2021-06")] }),
    expect: "fail",
  },
  { check: "vigil.elbv2.alb-http-redirects-to-https", name: "NLB", asset: nlb([]), expect: "n/a" },
];
