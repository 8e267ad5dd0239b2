import type { CheckCase } from "../../_cases/case.ts";
import { alb, FORWARD_HTTP, HTTPS, nlb } from "../../_cases/elb.ts";

const HTTPS_ONLY = [HTTPS("ELBSecurityPolicy-TLS13-1-2-2021-06")];

/** Compliant and non-compliant cases of `vigil.elbv2.listeners-encrypt-in-transit`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elbv2.listeners-encrypt-in-transit",
    name: "HTTPS only",
    asset: alb({ listeners: HTTPS_ONLY }),
    expect: "pass",
  },
  {
    check: "vigil.elbv2.listeners-encrypt-in-transit",
    name: "NLB TLS listener",
    asset: nlb([{ Port: 443, Protocol: "TLS", SslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }]),
    expect: "pass",
  },
  {
    check: "vigil.elbv2.listeners-encrypt-in-transit",
    name: "HTTP forwarding",
    asset: alb({ listeners: [FORWARD_HTTP, ...HTTPS_ONLY] }),
    expect: "fail",
    evidence: /HTTP on port 80$/,
  },
  {
    check: "vigil.elbv2.listeners-encrypt-in-transit",
    name: "HTTP redirecting (still clear text)",
    asset: alb(),
    expect: "fail",
    evidence: /HTTP on port 80 \(redirects to HTTPS\)/,
  },
  {
    check: "vigil.elbv2.listeners-encrypt-in-transit",
    name: "NLB TCP listener",
    asset: nlb([{ Port: 5432, Protocol: "TCP" }]),
    expect: "fail",
    evidence: /TCP on port 5432/,
  },
];
