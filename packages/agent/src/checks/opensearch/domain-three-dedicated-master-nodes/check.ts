import { defineCheck, fail, pass } from "../../check.ts";

export const openSearchDomainThreeDedicatedMasterNodes = defineCheck({
  id: "vigil.opensearch.domain-three-dedicated-master-nodes",
  title: "OpenSearch domains should have at least three dedicated primary nodes",
  severity: "medium",
  resourceType: "aws.opensearch.domain",
  reads: ["dedicatedMasterCount"],
  rationale:
    "Three dedicated primary (master) nodes keep a quorum when one fails, so the cluster state stays writable and the domain does not split or stall.",
  remediation:
    "aws opensearch update-domain-config --domain-name <name> --cluster-config DedicatedMasterEnabled=true,DedicatedMasterCount=3,DedicatedMasterType=<instance type>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-11",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["Opensearch.11"] },
  evaluate: (asset) => {
    const count = asset.config.dedicatedMasterCount;
    if (count >= 3) return pass(`${count} dedicated primary nodes`);
    return fail(
      count === 0 ? "no dedicated primary nodes" : `${count} dedicated primary nodes, fewer than three`,
    );
  },
});
