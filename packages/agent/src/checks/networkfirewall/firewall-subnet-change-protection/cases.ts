import type { CheckCase } from "../../_cases/case.ts";
import { firewall } from "../../_cases/networkfirewall.ts";

/** Compliant and non-compliant cases of `vigil.networkfirewall.firewall-subnet-change-protection`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.networkfirewall.firewall-subnet-change-protection",
    name: "SubnetChangeProtection true",
    asset: firewall({}),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.firewall-subnet-change-protection",
    name: "SubnetChangeProtection false",
    asset: firewall({ SubnetChangeProtection: false }),
    expect: "fail",
  },
];
