import type { CheckCase } from "../../_cases/case.ts";
import { template } from "../../_cases/launch-templates.ts";

/** Compliant and non-compliant cases of `vigil.ec2.launch-template-imdsv2-required`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.launch-template-imdsv2-required",
    name: "HttpTokens required",
    asset: template(),
    expect: "pass",
  },
  {
    check: "vigil.ec2.launch-template-imdsv2-required",
    name: "HttpEndpoint disabled",
    asset: template({ MetadataOptions: { HttpEndpoint: "disabled" } }),
    expect: "pass",
  },
  {
    check: "vigil.ec2.launch-template-imdsv2-required",
    name: "HttpTokens optional",
    asset: template({ MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled" } }),
    expect: "fail",
  },
  {
    check: "vigil.ec2.launch-template-imdsv2-required",
    name: "no MetadataOptions",
    asset: template({ MetadataOptions: undefined }),
    expect: "fail",
  },
];
