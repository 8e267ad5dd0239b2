import { defineCheck, fail, pass } from "../../check.ts";

export const kafkaConnectConnectorEncryptedInTransit = defineCheck({
  id: "vigil.kafkaconnect.connector-encrypted-in-transit",
  title: "MSK Connect connectors should be encrypted in transit",
  severity: "medium",
  resourceType: "aws.kafkaconnect.connector",
  reads: ["encryptionInTransit"],
  rationale:
    "A connector that talks to its Kafka cluster in PLAINTEXT sends every record it moves, and its credentials, across the network unencrypted.",
  remediation:
    "Encryption in transit is set at creation: create the connector again with --kafka-cluster-encryption-in-transit encryptionType=TLS (and a cluster listener that accepts TLS), then delete the old one (console: MSK > MSK Connect > Connectors > Create connector > Security)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-3",
    "https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-encryption-in-transit.html",
  ],
  mappings: { cis: [], fsbp: ["MSK.3"] },
  evaluate: (asset) =>
    asset.config.encryptionInTransit === "TLS"
      ? pass("connects to its Kafka cluster over TLS")
      : fail(`connects to its Kafka cluster in ${asset.config.encryptionInTransit}`),
});
