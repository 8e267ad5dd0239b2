import { defineCheck, fail, pass } from "../../check.ts";

const KMS = pass("encrypted at rest with a KMS key (SSE-KMS)");
const SQS = pass("encrypted at rest with SQS-managed keys (SSE-SQS)");
const OFF = fail("server-side encryption is disabled");
export const queueEncrypted = defineCheck({
  id: "vigil.sqs.queue-encrypted",
  title: "SQS queues should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.sqs.queue",
  reads: ["kmsMasterKeyId", "sqsManagedSse"],
  rationale:
    "Messages often carry personal or business data; server-side encryption keeps them unreadable on the storage SQS keeps them on.",
  remediation:
    "aws sqs set-queue-attributes --queue-url <url> --attributes SqsManagedSseEnabled=true (or KmsMasterKeyId=<key-id> for SSE-KMS)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html#sqs-1",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
  ],
  mappings: { cis: [], fsbp: ["SQS.1"] },
  evaluate: (asset) => (asset.config.kmsMasterKeyId !== null ? KMS : asset.config.sqsManagedSse ? SQS : OFF),
});
