import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("IAM authorization is enabled for the Neptune endpoint");
const OFF = fail("IAM authorization is disabled for the Neptune endpoint");
export const endpointNeptuneIamAuth = defineCheck({
  id: "vigil.dms.endpoint-neptune-iam-auth",
  title: "DMS endpoints for Neptune databases should have IAM authorization enabled",
  severity: "medium",
  resourceType: "aws.dms.endpoint",
  reads: ["engineName", "neptuneIamAuthEnabled"],
  rationale:
    "With IAM authorization the replication writes to Neptune only as a role you control and can audit, rather than with no authentication at all.",
  remediation:
    "aws dms modify-endpoint --endpoint-arn <arn> --neptune-settings IamAuthEnabled=true,ServiceAccessRoleArn=<role-arn>,S3BucketName=<bucket>,S3BucketFolder=<folder>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-10",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Target.Neptune.html",
  ],
  mappings: { cis: [], fsbp: ["DMS.10"] },
  evaluate: (asset) =>
    asset.config.engineName !== "neptune" ? undefined : asset.config.neptuneIamAuthEnabled ? ON : OFF,
});
