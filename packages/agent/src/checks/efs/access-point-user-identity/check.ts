import { defineCheck, fail, pass } from "../../check.ts";

const ENFORCED = pass("requests run as the access point's POSIX user");
const ANY = fail("the access point enforces no POSIX user: clients choose their own identity");

export const accessPointUserIdentity = defineCheck({
  id: "vigil.efs.access-point-user-identity",
  title: "EFS access points should enforce a user identity",
  severity: "medium",
  resourceType: "aws.efs.access-point",
  reads: ["enforcesUser"],
  rationale:
    "Without a POSIX user on the access point, NFS clients assert their own uid and gid, root included, and the file permissions they pass are theirs to choose.",
  remediation:
    "Access points cannot be changed: create one with a POSIX user (aws efs create-access-point --file-system-id <fs-id> --posix-user Uid=1000,Gid=1000 --root-directory Path=/app), move clients to it, delete the old one",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-4",
    "https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html#enforce-identity-access-points",
  ],
  mappings: { cis: [], fsbp: ["EFS.4"] },
  evaluate: (asset) => (asset.config.enforcesUser ? ENFORCED : ANY),
});
