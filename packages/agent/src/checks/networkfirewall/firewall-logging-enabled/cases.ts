import type { CheckCase } from "../../_cases/case.ts";
import { firewall } from "../../_cases/networkfirewall.ts";

/** Compliant and non-compliant cases of `vigil.networkfirewall.firewall-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.networkfirewall.firewall-logging-enabled",
    name: "ALERT and FLOW logs",
    asset: firewall({}),
    expect: "pass",
    evidence: /ALERT and FLOW/,
  },
  {
    check: "vigil.networkfirewall.firewall-logging-enabled",
    name: "no log destination",
    asset: firewall({}, { LogDestinationConfigs: [] }),
    expect: "fail",
  },
];
