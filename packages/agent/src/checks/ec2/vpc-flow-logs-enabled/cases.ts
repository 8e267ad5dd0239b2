import { vpc } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.ec2.vpc-flow-logs-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.vpc-flow-logs-enabled",
    name: "active flow log",
    asset: vpc({ VpcId: "vpc-0a1b2c3d", IsDefault: false, CidrBlock: "10.0.0.0/16" }, [
      { FlowLogId: "fl-1", ResourceId: "vpc-0a1b2c3d", FlowLogStatus: "ACTIVE", TrafficType: "REJECT" },
    ]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.vpc-flow-logs-enabled",
    name: "flow log on another VPC only",
    asset: vpc({ VpcId: "vpc-0a1b2c3d", IsDefault: true }, [
      { FlowLogId: "fl-2", ResourceId: "vpc-99999999", FlowLogStatus: "ACTIVE", TrafficType: "ALL" },
    ]),
    expect: "fail",
  },
];
