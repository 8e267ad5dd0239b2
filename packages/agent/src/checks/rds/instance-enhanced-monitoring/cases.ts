import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-enhanced-monitoring`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.instance-enhanced-monitoring", name: "every 60 seconds", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-enhanced-monitoring",
    name: "MonitoringInterval 0",
    asset: db({ MonitoringInterval: 0, MonitoringRoleArn: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.rds.instance-enhanced-monitoring",
    name: "never configured (AWS omits the interval)",
    asset: db({ MonitoringInterval: undefined, MonitoringRoleArn: undefined }),
    expect: "fail",
  },
];
