import { ec2Instance } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { instance } from "../../_cases/ec2.ts";

const STOPPED = { Code: 80, Name: "stopped" as const };

/** Compliant and non-compliant cases of `vigil.ec2.stopped-instance-removed`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.stopped-instance-removed",
    name: "running",
    asset: ec2Instance(instance({})),
    expect: "pass",
  },
  {
    check: "vigil.ec2.stopped-instance-removed",
    name: "stopped 10 days ago",
    asset: ec2Instance(
      instance({ State: STOPPED, StateTransitionReason: "User initiated (2025-05-22 08:15:00 GMT)" }),
    ),
    expect: "pass",
    evidence: /stopped 9 days ago/,
  },
  {
    check: "vigil.ec2.stopped-instance-removed",
    name: "stopped since February",
    asset: ec2Instance(
      instance({ State: STOPPED, StateTransitionReason: "User initiated (2025-02-01 17:57:29 GMT)" }),
    ),
    expect: "fail",
    evidence: /stopped for 119 days/,
  },
  {
    check: "vigil.ec2.stopped-instance-removed",
    name: "stopped, reason without a time",
    asset: ec2Instance(instance({ State: STOPPED, StateTransitionReason: "Server.ScheduledStop" })),
    expect: "n/a",
  },
];
