import { parameter } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { AURORA_POSTGRESQL, rdsCluster } from "../../_cases/rds-clusters.ts";

const check = "vigil.rds.aurora-mysql-audit-logging";

/** Compliant and non-compliant cases of `vigil.rds.aurora-mysql-audit-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "server_audit_logging 1 with events", asset: rdsCluster(), expect: "pass" },
  {
    check,
    name: "server_audit_logging 0 (the engine default)",
    asset: rdsCluster({}, [parameter("server_audit_logging", "0", "engine-default")]),
    expect: "fail",
    evidence: /server_audit_logging to 0/,
  },
  {
    check,
    name: "logging on, no events",
    asset: rdsCluster({}, [
      parameter("server_audit_logging", "1"),
      parameter("server_audit_events", undefined),
    ]),
    expect: "fail",
    evidence: /no event/,
  },
  {
    check,
    name: "a member pending reboot",
    asset: rdsCluster({
      DBClusterMembers: [
        {
          DBInstanceIdentifier: "orders-1",
          IsClusterWriter: true,
          DBClusterParameterGroupStatus: "pending-reboot",
        },
      ],
    }),
    expect: "fail",
    evidence: /not in sync/,
  },
  { check, name: "Aurora PostgreSQL", asset: rdsCluster(AURORA_POSTGRESQL, []), expect: "n/a" },
];
