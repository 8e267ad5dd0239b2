import { defineCheck, fail, pass } from "../../check.ts";

export const daxClusterEncryptedInTransit = defineCheck({
  id: "vigil.dax.cluster-encrypted-in-transit",
  title: "DynamoDB Accelerator clusters should be encrypted in transit",
  severity: "medium",
  resourceType: "aws.dax.cluster",
  reads: ["endpointEncryption"],
  rationale:
    "With endpoint encryption NONE, applications talk to the DAX cluster in clear text: the items they read and write, and the requests' signatures, cross the network unencrypted.",
  remediation:
    "Encryption in transit is chosen at creation: create a new cluster with aws dax create-cluster --cluster-endpoint-encryption-type TLS …, point clients at its daxs:// endpoint, and delete the old one (console: DynamoDB > DAX > Clusters > Create cluster > Encryption)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-7",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html",
  ],
  mappings: { cis: [], fsbp: ["DynamoDB.7"] },
  evaluate: (asset) =>
    asset.config.endpointEncryption === "TLS"
      ? pass("clients connect over TLS")
      : fail(
          `the endpoint accepts clear text (ClusterEndpointEncryptionType ${asset.config.endpointEncryption})`,
        ),
});
