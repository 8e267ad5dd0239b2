import type { CheckCase } from "../../_cases/case.ts";
import { firewall } from "../../_cases/networkfirewall.ts";

/** Compliant and non-compliant cases of `vigil.networkfirewall.firewall-multi-az`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.networkfirewall.firewall-multi-az",
    name: "two subnet mappings",
    asset: firewall({}),
    expect: "pass",
  },
  {
    check: "vigil.networkfirewall.firewall-multi-az",
    name: "one subnet mapping",
    asset: firewall({ SubnetMappings: [{ SubnetId: "subnet-0a1b2c3d4e5f60718" }] }),
    expect: "fail",
  },
];
