import type { CheckCase } from "../../_cases/case.ts";
import { template } from "../../_cases/launch-templates.ts";

/** Compliant and non-compliant cases of `vigil.ec2.launch-template-no-public-ip`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.launch-template-no-public-ip",
    name: "AssociatePublicIpAddress false",
    asset: template(),
    expect: "pass",
  },
  {
    check: "vigil.ec2.launch-template-no-public-ip",
    name: "no network interfaces in the template",
    asset: template({ NetworkInterfaces: undefined }),
    expect: "pass",
  },
  {
    check: "vigil.ec2.launch-template-no-public-ip",
    name: "AssociatePublicIpAddress true",
    asset: template({ NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }] }),
    expect: "fail",
  },
];
