import { ec2Settings } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.ec2.ebs-encryption-by-default`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.ebs-encryption-by-default",
    name: "enabled",
    asset: ec2Settings({ EbsEncryptionByDefault: true }),
    expect: "pass",
  },
  {
    check: "vigil.ec2.ebs-encryption-by-default",
    name: "disabled",
    asset: ec2Settings({ EbsEncryptionByDefault: false }),
    expect: "fail",
  },
];
