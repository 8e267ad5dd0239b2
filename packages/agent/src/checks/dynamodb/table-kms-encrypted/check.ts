import { defineCheck, fail, pass } from "../../check.ts";

const KMS = pass("encrypted at rest with a KMS key");
const OWNED = fail("encrypted only with a key AWS owns, not a KMS key the account controls");
export const tableKmsEncrypted = defineCheck({
  id: "vigil.dynamodb.table-kms-encrypted",
  title: "DynamoDB tables should be encrypted at rest with a KMS key",
  severity: "medium",
  resourceType: "aws.dynamodb.table",
  reads: ["sseType"],
  rationale:
    "With a KMS key the account controls who may decrypt the table (key policy, grants) and every use of the key is logged in CloudTrail; a key AWS owns gives neither.",
  remediation:
    "aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn>",
  references: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html"],
  mappings: { cis: [], fsbp: [] },
  evaluate: (asset) => (asset.config.sseType === "KMS" ? KMS : OWNED),
});
