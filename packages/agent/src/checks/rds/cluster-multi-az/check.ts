import { defineCheck, fail, pass } from "../../check.ts";

export const rdsClusterMultiAz = defineCheck({
  id: "vigil.rds.cluster-multi-az",
  title: "RDS DB clusters should be configured for multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.rds.cluster",
  reads: ["multiAZ"],
  rationale:
    "With instances in more than one Availability Zone, the cluster fails over to a replica when its writer's zone fails instead of being unavailable until it is restored.",
  remediation:
    "aws rds create-db-instance --db-cluster-identifier <id> --db-instance-identifier <replica> --db-instance-class <class> --engine <engine> --availability-zone <another AZ>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-15",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.15"] },
  evaluate: (asset) =>
    asset.config.multiAZ
      ? pass("the cluster has instances in more than one Availability Zone")
      : fail("the cluster is deployed in a single Availability Zone"),
});
