import { defineCheck, fail, pass } from "../../check.ts";

const WHOLE = fail("the access point exposes the file system's root directory (/)");

export const accessPointRootDirectory = defineCheck({
  id: "vigil.efs.access-point-root-directory",
  title: "EFS access points should enforce a root directory",
  severity: "medium",
  resourceType: "aws.efs.access-point",
  reads: ["rootDirectory"],
  rationale:
    "An access point with a root directory confines its clients to that directory tree; one rooted at / lets every client through it reach all of the file system's data.",
  remediation:
    "Access points cannot be changed: create one with a root directory (aws efs create-access-point --file-system-id <fs-id> --root-directory 'Path=/app,CreationInfo={OwnerUid=1000,OwnerGid=1000,Permissions=750}'), move clients to it, delete the old one",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-3",
    "https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html",
  ],
  mappings: { cis: [], fsbp: ["EFS.3"] },
  evaluate: (asset) => {
    const path = asset.config.rootDirectory;
    return path === "/" || path === "" ? WHOLE : pass(`clients are confined to ${path}`.slice(0, 120));
  },
});
