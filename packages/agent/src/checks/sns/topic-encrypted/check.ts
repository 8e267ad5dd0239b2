import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("encrypted at rest with a KMS key");
const OFF = fail("no KMS key: server-side encryption is disabled");
export const topicEncrypted = defineCheck({
  id: "vigil.sns.topic-encrypted",
  title: "SNS topics should be encrypted at rest using AWS KMS",
  severity: "medium",
  resourceType: "aws.sns.topic",
  reads: ["kmsMasterKeyId"],
  rationale:
    "Messages published to a topic are stored until delivered; a KMS key keeps them encrypted there and puts decryption under the key's policy.",
  remediation:
    "aws sns set-topic-attributes --topic-arn <arn> --attribute-name KmsMasterKeyId --attribute-value alias/aws/sns",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html#sns-1",
    "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["SNS.1"] },
  evaluate: (asset) => (asset.config.kmsMasterKeyId !== null ? ON : OFF),
});
