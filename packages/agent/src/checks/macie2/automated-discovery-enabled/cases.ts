import type { CheckCase } from "../../_cases/case.ts";
import { macie } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.macie2.automated-discovery-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.macie2.automated-discovery-enabled",
    name: "automated discovery ENABLED",
    asset: macie("ENABLED"),
    expect: "pass",
  },
  {
    check: "vigil.macie2.automated-discovery-enabled",
    name: "automated discovery DISABLED",
    asset: macie("ENABLED", "DISABLED"),
    expect: "fail",
  },
  { check: "vigil.macie2.automated-discovery-enabled", name: "Macie off", asset: macie(null), expect: "n/a" },
];
