import type { CheckCase } from "../../_cases/case.ts";
import { environment } from "../../_cases/operations.ts";

/** Compliant and non-compliant cases of `vigil.elasticbeanstalk.environment-enhanced-health-reporting`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elasticbeanstalk.environment-enhanced-health-reporting",
    name: "SystemType enhanced",
    asset: environment(),
    expect: "pass",
  },
  {
    check: "vigil.elasticbeanstalk.environment-enhanced-health-reporting",
    name: "SystemType basic",
    asset: environment([
      { Namespace: "aws:elasticbeanstalk:healthreporting:system", OptionName: "SystemType", Value: "basic" },
    ]),
    expect: "fail",
  },
];
