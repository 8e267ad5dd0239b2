import type { CheckCase } from "../../_cases/case.ts";
import { classicListener, clb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elb.listeners-use-tls`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elb.listeners-use-tls", name: "HTTPS", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.listeners-use-tls",
    name: "HTTP",
    asset: clb({ lb: classicListener("HTTP", 80) }),
    expect: "fail",
  },
  {
    check: "vigil.elb.listeners-use-tls",
    name: "no listener",
    asset: clb({ lb: { ListenerDescriptions: [] } }),
    expect: "n/a",
  },
];
