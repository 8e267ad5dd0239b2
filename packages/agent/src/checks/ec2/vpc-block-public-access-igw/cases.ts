import { ec2Settings } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

const CHECK = "vigil.ec2.vpc-block-public-access-igw";
const options = (mode: "off" | "block-bidirectional" | "block-ingress") => ({
  VpcBlockPublicAccessOptions: {
    AwsAccountId: "123456789012",
    AwsRegion: "us-east-1",
    State: mode === "off" ? ("default-state" as const) : ("update-complete" as const),
    InternetGatewayBlockMode: mode,
    ManagedBy: "account" as const,
    ExclusionsAllowed: "allowed" as const,
  },
});

/** Compliant and non-compliant cases of `vigil.ec2.vpc-block-public-access-igw`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: CHECK,
    name: "block-bidirectional",
    asset: ec2Settings({ EbsEncryptionByDefault: true }, options("block-bidirectional")),
    expect: "pass",
  },
  {
    check: CHECK,
    name: "block-ingress",
    asset: ec2Settings({ EbsEncryptionByDefault: true }, options("block-ingress")),
    expect: "pass",
  },
  {
    check: CHECK,
    name: "off (the default)",
    asset: ec2Settings({ EbsEncryptionByDefault: true }, options("off")),
    expect: "fail",
    evidence: /internet gateway block mode: off/,
  },
  {
    check: CHECK,
    name: "an answer without options (never set: off)",
    asset: ec2Settings({ EbsEncryptionByDefault: true }, {}),
    expect: "fail",
  },
];
