import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("traffic between brokers is encrypted with TLS");
const OFF = fail("brokers talk to each other in plain text");
export const clusterInTransitEncryption = defineCheck({
  id: "vigil.kafka.cluster-in-transit-encryption",
  title: "MSK clusters should be encrypted in transit among broker nodes",
  severity: "medium",
  resourceType: "aws.kafka.cluster",
  reads: ["inClusterEncryption"],
  rationale:
    "Replication between brokers carries every record of every topic; without TLS it can be read or altered by anyone on the network path.",
  remediation:
    "In-cluster encryption is set at creation: create the cluster with --encryption-info EncryptionInTransit={InCluster=true,ClientBroker=TLS} and move the topics to it",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-1",
    "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
  ],
  mappings: { cis: [], fsbp: ["MSK.1"] },
  evaluate: (asset) =>
    asset.config.inClusterEncryption === null ? undefined : asset.config.inClusterEncryption ? ON : OFF,
});
