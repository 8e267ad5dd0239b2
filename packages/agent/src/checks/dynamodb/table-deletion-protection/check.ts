import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("deletion protection is enabled");
const OFF = fail("deletion protection is disabled");
export const tableDeletionProtection = defineCheck({
  id: "vigil.dynamodb.table-deletion-protection",
  title: "DynamoDB tables should have deletion protection enabled",
  severity: "medium",
  resourceType: "aws.dynamodb.table",
  reads: ["deletionProtectionEnabled"],
  rationale:
    "Deletion protection stops a table and its data from being deleted by a mistaken command or a compromised automation.",
  remediation: "aws dynamodb update-table --table-name <table> --deletion-protection-enabled",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-6",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection",
  ],
  mappings: { cis: [], fsbp: ["DynamoDB.6"] },
  evaluate: (asset) => (asset.config.deletionProtectionEnabled ? ON : OFF),
});
