import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("point-in-time recovery is enabled");
const OFF = fail("point-in-time recovery is disabled");
export const tablePitrEnabled = defineCheck({
  id: "vigil.dynamodb.table-pitr-enabled",
  title: "DynamoDB tables should have point-in-time recovery enabled",
  severity: "medium",
  resourceType: "aws.dynamodb.table",
  reads: ["pointInTimeRecoveryEnabled"],
  rationale:
    "Point-in-time recovery keeps continuous backups for 35 days, so a table can be restored after an accidental or malicious write or delete.",
  remediation:
    "aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-2",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html",
  ],
  mappings: { cis: [], fsbp: ["DynamoDB.2"] },
  evaluate: (asset) => (asset.config.pointInTimeRecoveryEnabled ? ON : OFF),
});
