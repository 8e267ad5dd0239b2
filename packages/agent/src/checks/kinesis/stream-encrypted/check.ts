import { defineCheck, fail, pass } from "../../check.ts";

const KMS = pass("server-side encryption with a KMS key");
const OFF = fail("server-side encryption is off");
export const streamEncrypted = defineCheck({
  id: "vigil.kinesis.stream-encrypted",
  title: "Kinesis streams should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.kinesis.stream",
  reads: ["encryptionType"],
  rationale:
    "Records often carry personal or business data; server-side encryption keeps them unreadable on the storage layer of the stream.",
  remediation:
    "aws kinesis start-stream-encryption --stream-name <name> --encryption-type KMS --key-id alias/aws/kinesis",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/kinesis-controls.html#kinesis-1",
    "https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html",
  ],
  mappings: { cis: [], fsbp: ["Kinesis.1"] },
  evaluate: (asset) => (asset.config.encryptionType === "KMS" ? KMS : OFF),
});
