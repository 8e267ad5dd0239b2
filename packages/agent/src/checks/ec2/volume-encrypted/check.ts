import { defineCheck, fail, pass } from "../../check.ts";

const ENCRYPTED = pass("the volume is encrypted");
const PLAIN = fail("the volume is not encrypted");

export const volumeEncrypted = defineCheck({
  id: "vigil.ec2.volume-encrypted",
  title: "Attached EBS volumes should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.ec2.volume",
  reads: ["attachedInstanceIds", "encrypted"],
  rationale: "Unencrypted volumes and their snapshots expose data to anyone who can copy or share them.",
  remediation:
    "Snapshot the volume, copy the snapshot with --encrypted, create a volume from it and swap it in; enable EBS encryption by default to prevent new ones.",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-3"],
  mappings: { cis: [], fsbp: ["EC2.3"] },
  evaluate: (asset) => {
    if (asset.config.attachedInstanceIds.length === 0) return undefined;
    return asset.config.encrypted ? ENCRYPTED : PLAIN;
  },
});
