import type { CheckCase } from "../../_cases/case.ts";
import { spotFleet } from "../../_cases/ec2-network.ts";

const check = "vigil.ec2.spot-fleet-ebs-encrypted";

/** Compliant and non-compliant cases of `vigil.ec2.spot-fleet-ebs-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "root volume encrypted", asset: spotFleet(), expect: "pass" },
  {
    check,
    name: "data volume without Encrypted",
    asset: spotFleet({
      LaunchSpecifications: [
        {
          ImageId: "ami-0a1b2c3d4e5f60001",
          InstanceType: "m6i.large",
          BlockDeviceMappings: [
            { DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30, Encrypted: true } },
            { DeviceName: "/dev/sdf", Ebs: { VolumeSize: 100 } },
          ],
        },
      ],
    }),
    expect: "fail",
    evidence: /\/dev\/sdf/,
  },
  {
    check,
    name: "launch template only",
    asset: spotFleet({
      LaunchSpecifications: undefined,
      LaunchTemplateConfigs: [
        { LaunchTemplateSpecification: { LaunchTemplateId: "lt-0a1b2c3d4e5f60001", Version: "1" } },
      ],
    }),
    expect: "n/a",
  },
];
