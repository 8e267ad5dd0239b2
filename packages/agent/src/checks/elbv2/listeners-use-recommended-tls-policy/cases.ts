import type { CheckCase } from "../../_cases/case.ts";
import { alb, HTTPS, nlb, REDIRECT_TO_HTTPS } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elbv2.listeners-use-recommended-tls-policy`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elbv2.listeners-use-recommended-tls-policy",
    name: "TLS13-1-2-2021-06",
    asset: alb(),
    expect: "pass",
  },
  {
    check: "vigil.elbv2.listeners-use-recommended-tls-policy",
    name: "NLB with TLS 1.3 only",
    asset: nlb([{ Port: 443, Protocol: "TLS", SslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" }]),
    expect: "pass",
  },
  {
    check: "vigil.elbv2.listeners-use-recommended-tls-policy",
    name: "FS-1-2-Res-2020-10 (TLS 1.2, not recommended)",
    asset: alb({ listeners: [REDIRECT_TO_HTTPS, HTTPS("ELBSecurityPolicy-FS-1-2-Res-2020-10")] }),
    expect: "fail",
    evidence: /port 443 ELBSecurityPolicy-FS-1-2-Res-2020-10/,
  },
  {
    check: "vigil.elbv2.listeners-use-recommended-tls-policy",
    name: "TLS13-1-0 (accepts TLS 1.0)",
    asset: nlb([{ Port: 443, Protocol: "TLS", SslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06" }]),
    expect: "fail",
  },
  {
    check: "vigil.elbv2.listeners-use-recommended-tls-policy",
    name: "no TLS listener",
    asset: nlb([{ Port: 53, Protocol: "UDP" }]),
    expect: "pass",
  },
];
