import { ec2Instance } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { instance } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.instance-imdsv2-required`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.instance-imdsv2-required",
    name: "HttpTokens required",
    asset: ec2Instance(instance({})),
    expect: "pass",
  },
  {
    check: "vigil.ec2.instance-imdsv2-required",
    name: "HttpTokens optional",
    asset: ec2Instance(instance({ MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled" } })),
    expect: "fail",
    evidence: /IMDSv1/,
  },
  {
    check: "vigil.ec2.instance-imdsv2-required",
    name: "metadata endpoint disabled",
    asset: ec2Instance(instance({ MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "disabled" } })),
    expect: "pass",
  },
  {
    check: "vigil.ec2.instance-imdsv2-required",
    name: "terminated instance",
    asset: ec2Instance(instance({ State: { Code: 48, Name: "terminated" } })),
    expect: "n/a",
  },
];
