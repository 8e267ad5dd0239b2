import { defineCheck, fail, pass } from "../../check.ts";

export const elastiCacheCacheClusterNotDefaultSubnetGroup = defineCheck({
  id: "vigil.elasticache.cache-cluster-not-default-subnet-group",
  title: "ElastiCache clusters should not use the default subnet group",
  severity: "high",
  resourceType: "aws.elasticache.cache-cluster",
  reads: ["cacheSubnetGroupName"],
  rationale:
    "The default subnet group spans every subnet of the default VPC, public ones included; a subnet group of its own keeps the cluster in the private subnets chosen for it.",
  remediation:
    "Create a subnet group of private subnets (aws elasticache create-cache-subnet-group --cache-subnet-group-name <name> --subnet-ids <ids>), then create the cluster in it (the subnet group cannot be changed in place) and move clients.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-7",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SubnetGroups.html",
  ],
  mappings: { cis: [], fsbp: ["ElastiCache.7"] },
  evaluate: (asset) => {
    const group = asset.config.cacheSubnetGroupName;
    if (group === null) return undefined;
    return group === "default"
      ? fail("runs in the default cache subnet group")
      : pass(`runs in subnet group ${group.slice(0, 60)}`);
  },
});
