import { volume } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.ec2.volume-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.volume-encrypted",
    name: "encrypted attached volume",
    asset: volume({
      VolumeId: "vol-1",
      Encrypted: true,
      State: "in-use",
      Attachments: [{ InstanceId: "i-1" }],
    }),
    expect: "pass",
  },
  {
    check: "vigil.ec2.volume-encrypted",
    name: "plain attached volume",
    asset: volume({
      VolumeId: "vol-2",
      Encrypted: false,
      State: "in-use",
      Attachments: [{ InstanceId: "i-1" }],
    }),
    expect: "fail",
  },
  {
    check: "vigil.ec2.volume-encrypted",
    name: "unattached volume",
    asset: volume({ VolumeId: "vol-3", Encrypted: false, State: "available", Attachments: [] }),
    expect: "n/a",
  },
];
