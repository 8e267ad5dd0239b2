import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("encryption at rest is enabled");
const OFF = fail("encryption at rest is disabled");
export const openSearchDomainEncryptedAtRest = defineCheck({
  id: "vigil.opensearch.domain-encrypted-at-rest",
  title: "OpenSearch domains should have encryption at rest enabled",
  severity: "medium",
  resourceType: "aws.opensearch.domain",
  reads: ["encryptionAtRest"],
  rationale:
    "Encryption at rest protects the indices, logs, swap files and automated snapshots of a domain from anyone who reaches its storage without going through KMS.",
  remediation:
    "aws opensearch update-domain-config --domain-name <name> --encryption-at-rest-options Enabled=true,KmsKeyId=<key>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-1",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html",
  ],
  mappings: { cis: [], fsbp: ["Opensearch.1"] },
  evaluate: (asset) => (asset.config.encryptionAtRest ? ON : OFF),
});
