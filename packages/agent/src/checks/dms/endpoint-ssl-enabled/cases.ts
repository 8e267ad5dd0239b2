import type { CheckCase } from "../../_cases/case.ts";
import { endpoint } from "../../_cases/dms.ts";

/** Compliant and non-compliant cases of `vigil.dms.endpoint-ssl-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dms.endpoint-ssl-enabled",
    name: "SslMode verify-full",
    asset: endpoint({}),
    expect: "pass",
  },
  {
    check: "vigil.dms.endpoint-ssl-enabled",
    name: "SslMode none",
    asset: endpoint({ SslMode: "none" }),
    expect: "fail",
  },
];
