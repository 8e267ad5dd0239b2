import { ec2Instance } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

const instance = (over: Parameters<typeof ec2Instance>[0] = {}) =>
  ec2Instance({
    InstanceId: "i-0123456789abcdef0",
    State: { Code: 16, Name: "running" },
    InstanceType: "t3.micro",
    VirtualizationType: "hvm",
    ...over,
  });

/** Compliant and non-compliant cases of `vigil.ec2.instance-not-paravirtual`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.ec2.instance-not-paravirtual", name: "HVM", asset: instance(), expect: "pass" },
  {
    check: "vigil.ec2.instance-not-paravirtual",
    name: "paravirtual m1.small",
    asset: instance({ VirtualizationType: "paravirtual", InstanceType: "m1.small" }),
    expect: "fail",
    evidence: /paravirtual/,
  },
  {
    check: "vigil.ec2.instance-not-paravirtual",
    name: "terminated",
    asset: instance({ State: { Code: 48, Name: "terminated" }, VirtualizationType: "paravirtual" }),
    expect: "n/a",
  },
];
