import type { CheckCase } from "../../_cases/case.ts";
import { environment } from "../../_cases/operations.ts";

/** Compliant and non-compliant cases of `vigil.elasticbeanstalk.environment-managed-updates-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elasticbeanstalk.environment-managed-updates-enabled",
    name: "ManagedActionsEnabled true",
    asset: environment(),
    expect: "pass",
  },
  {
    check: "vigil.elasticbeanstalk.environment-managed-updates-enabled",
    name: "ManagedActionsEnabled false",
    asset: environment([
      {
        Namespace: "aws:elasticbeanstalk:managedactions",
        OptionName: "ManagedActionsEnabled",
        Value: "false",
      },
    ]),
    expect: "fail",
  },
];
