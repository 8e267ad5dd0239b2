import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("node-to-node encryption is enabled");
const OFF = fail("node-to-node encryption is disabled");
export const openSearchDomainNodeToNodeEncryption = defineCheck({
  id: "vigil.opensearch.domain-node-to-node-encryption",
  title: "OpenSearch domains should encrypt data sent between nodes",
  severity: "medium",
  resourceType: "aws.opensearch.domain",
  reads: ["nodeToNodeEncryption"],
  rationale:
    "Without node-to-node encryption, documents and queries cross the domain's network between nodes in clear text, readable by anyone who can capture that traffic.",
  remediation:
    "aws opensearch update-domain-config --domain-name <name> --node-to-node-encryption-options Enabled=true",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-3",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html",
  ],
  mappings: { cis: [], fsbp: ["Opensearch.3"] },
  evaluate: (asset) => (asset.config.nodeToNodeEncryption ? ON : OFF),
});
