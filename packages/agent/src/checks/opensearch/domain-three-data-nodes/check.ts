import { defineCheck, fail, pass } from "../../check.ts";

export const openSearchDomainThreeDataNodes = defineCheck({
  id: "vigil.opensearch.domain-three-data-nodes",
  title: "OpenSearch domains should have at least three data nodes",
  severity: "medium",
  resourceType: "aws.opensearch.domain",
  reads: ["instanceCount", "zoneAwareness"],
  rationale:
    "With at least three data nodes spread over Availability Zones, the loss of a node or a zone leaves the domain's shards and replicas available.",
  remediation:
    "aws opensearch update-domain-config --domain-name <name> --cluster-config InstanceCount=3,ZoneAwarenessEnabled=true,ZoneAwarenessConfig={AvailabilityZoneCount=3}",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-6",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-multiaz.html",
  ],
  mappings: { cis: [], fsbp: ["Opensearch.6"] },
  evaluate: (asset) => {
    const { instanceCount, zoneAwareness } = asset.config;
    if (instanceCount >= 3 && zoneAwareness) return pass(`${instanceCount} data nodes with zone awareness`);
    if (instanceCount < 3)
      return fail(`${instanceCount} data node${instanceCount === 1 ? "" : "s"}, fewer than three`);
    return fail("zone awareness is disabled");
  },
});
