import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the replication instance has no public IP address");
const PUBLIC = fail("the replication instance is publicly accessible");
export const replicationInstanceNotPublic = defineCheck({
  id: "vigil.dms.replication-instance-not-public",
  title: "DMS replication instances should not be public",
  severity: "critical",
  resourceType: "aws.dms.replication-instance",
  reads: ["publiclyAccessible"],
  rationale:
    "A public replication instance has an address reachable from the internet while it holds credentials to, and copies data between, your databases.",
  remediation:
    "A replication instance's public accessibility cannot be changed: create a private one (aws dms create-replication-instance --replication-instance-identifier <id> --replication-instance-class <class> --no-publicly-accessible), move the tasks to it and delete the public one",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-1",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html",
  ],
  mappings: { cis: [], fsbp: ["DMS.1"] },
  evaluate: (asset) => (asset.config.publiclyAccessible ? PUBLIC : PRIVATE),
});
