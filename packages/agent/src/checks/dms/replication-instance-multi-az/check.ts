import { defineCheck, fail, pass } from "../../check.ts";

const MULTI = pass("the replication instance is a Multi-AZ deployment");
const SINGLE = fail("the replication instance runs in a single Availability Zone");
export const replicationInstanceMultiAz = defineCheck({
  id: "vigil.dms.replication-instance-multi-az",
  title: "DMS replication instances should be configured to use multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.dms.replication-instance",
  reads: ["multiAz"],
  rationale:
    "A Multi-AZ replication instance keeps a synchronous standby in another Availability Zone, so a zone or instance failure does not stop ongoing replication.",
  remediation:
    "aws dms modify-replication-instance --replication-instance-arn <arn> --multi-az --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-13",
    "https://docs.aws.amazon.com/config/latest/developerguide/dms-replication-instance-multi-az-enabled.html",
  ],
  mappings: { cis: [], fsbp: ["DMS.13"] },
  evaluate: (asset) => (asset.config.multiAz ? MULTI : SINGLE),
});
