import type { CheckCase } from "../../_cases/case.ts";
import { template } from "../../_cases/launch-templates.ts";

/** Compliant and non-compliant cases of `vigil.ec2.launch-template-ebs-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.launch-template-ebs-encrypted",
    name: "root volume encrypted",
    asset: template(),
    expect: "pass",
  },
  {
    check: "vigil.ec2.launch-template-ebs-encrypted",
    name: "data volume left unset",
    asset: template({
      BlockDeviceMappings: [
        { DeviceName: "/dev/xvda", Ebs: { Encrypted: true } },
        { DeviceName: "/dev/sdf", Ebs: { VolumeSize: 100 } },
      ],
    }),
    expect: "fail",
    evidence: /\/dev\/sdf \(unset\)$/,
  },
  {
    check: "vigil.ec2.launch-template-ebs-encrypted",
    name: "encryption turned off",
    asset: template({ BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { Encrypted: false } }] }),
    expect: "fail",
  },
  {
    check: "vigil.ec2.launch-template-ebs-encrypted",
    name: "no EBS mapping (the AMI's)",
    asset: template({ BlockDeviceMappings: [{ DeviceName: "/dev/sdb", VirtualName: "ephemeral0" }] }),
    expect: "n/a",
  },
];
