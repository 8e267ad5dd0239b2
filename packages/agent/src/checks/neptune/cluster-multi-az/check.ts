import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the cluster has instances in more than one Availability Zone");
const OFF = fail("the cluster is deployed in a single Availability Zone");
export const neptuneClusterMultiAz = defineCheck({
  id: "vigil.neptune.cluster-multi-az",
  title: "Neptune DB clusters should be deployed across multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.neptune.cluster",
  reads: ["multiAZ"],
  rationale:
    "With read replicas in another Availability Zone, Neptune fails over to one of them when the primary's zone fails, instead of leaving the graph unavailable.",
  remediation:
    "aws neptune create-db-instance --db-cluster-identifier <id> --db-instance-identifier <replica> --db-instance-class <class> --engine neptune --availability-zone <another AZ>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-9",
    "https://docs.aws.amazon.com/neptune/latest/userguide/feature-overview-availability.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["Neptune.9"] },
  evaluate: (asset) => (asset.config.multiAZ ? ON : OFF),
});
