import type { CheckCase } from "../../_cases/case.ts";
import { firewall } from "../../_cases/networkfirewall.ts";

/** Compliant and non-compliant cases of `vigil.networkfirewall.firewall-deletion-protection`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.networkfirewall.firewall-deletion-protection",
    name: "DeleteProtection true",
    asset: firewall({}),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.firewall-deletion-protection",
    name: "DeleteProtection false",
    asset: firewall({ DeleteProtection: false }),
    expect: "fail",
  },
];
