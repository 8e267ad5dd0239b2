import { parameter } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { cluster } from "../../_cases/docdb-neptune.ts";

const check = "vigil.docdb.cluster-requires-tls";

/** Compliant and non-compliant cases of `vigil.docdb.cluster-requires-tls`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "tls1.2+", asset: cluster("docdb"), expect: "pass" },
  {
    check,
    name: "tls enabled (TLS 1.0 still accepted)",
    asset: cluster("docdb", {}, [parameter("tls", "enabled", "system")]),
    expect: "fail",
    evidence: /tls to enabled/,
  },
  {
    check,
    name: "tls disabled",
    asset: cluster("docdb", {}, [parameter("tls", "disabled")]),
    expect: "fail",
  },
  {
    check,
    name: "tls1.2+ but a member pending reboot",
    asset: cluster("docdb", {
      DBClusterMembers: [
        {
          DBInstanceIdentifier: "graph-1",
          IsClusterWriter: true,
          DBClusterParameterGroupStatus: "pending-reboot",
        },
      ],
    }),
    expect: "fail",
    evidence: /not in sync/,
  },
];
