import { launchConfig } from "../../_cases/autoscaling.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.autoscaling.launch-configuration-no-public-ip`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.autoscaling.launch-configuration-no-public-ip",
    name: "AssociatePublicIpAddress false",
    asset: launchConfig(),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.launch-configuration-no-public-ip",
    name: "AssociatePublicIpAddress absent (the subnet decides)",
    asset: launchConfig({ AssociatePublicIpAddress: undefined }),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.launch-configuration-no-public-ip",
    name: "AssociatePublicIpAddress true",
    asset: launchConfig({ AssociatePublicIpAddress: true }),
    expect: "fail",
  },
];
