import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the snapshot is not publicly restorable");
const PUBLIC = fail("createVolumePermission grants group 'all': anyone can restore the snapshot");

export const snapshotNotPublic = defineCheck({
  id: "vigil.ec2.snapshot-not-public",
  title: "EBS snapshots should not be publicly restorable",
  severity: "critical",
  resourceType: "aws.ec2.snapshot",
  reads: ["createVolumePermissions"],
  rationale:
    "A public snapshot can be copied by any AWS account, including every file on the disk it was taken from.",
  remediation:
    "aws ec2 modify-snapshot-attribute --snapshot-id <id> --attribute createVolumePermission --operation-type remove --group-names all; consider EBS snapshot block public access.",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-1"],
  mappings: { cis: [], fsbp: ["EC2.1"] },
  evaluate: (asset) => {
    for (const permission of asset.config.createVolumePermissions)
      if (permission.group === "all") return PUBLIC;
    return PRIVATE;
  },
});
