import type { CheckCase } from "../../_cases/case.ts";
import { alb, HTTPS, nlb, REDIRECT_TO_HTTPS } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elbv2.listeners-use-secure-tls-policy`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elbv2.listeners-use-secure-tls-policy", name: "TLS 1.2+", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.listeners-use-secure-tls-policy",
    name: "the 2016-08 default",
    asset: alb({ listeners: [REDIRECT_TO_HTTPS, HTTPS("ELBSecurityPolicy-2016-08")] }),
    expect: "fail",
  },
  {
    check: "vigil.elbv2.listeners-use-secure-tls-policy",
    name: "NLB TLS listener with TLS13-1-0",
    asset: nlb([{ Port: 443, Protocol: "TLS", SslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06" }]),
    expect: "fail",
  },
  {
    check: "vigil.elbv2.listeners-use-secure-tls-policy",
    name: "no TLS listener",
    asset: nlb([{ Port: 53, Protocol: "UDP" }]),
    expect: "pass",
  },
];
