import type { CheckCase } from "../../_cases/case.ts";
import { DB_SUBNET_A, DB_SUBNET_B, db, IGW, MAIN_TABLE, routeTables } from "../../_cases/rds.ts";

const check = "vigil.rds.instance-not-in-public-subnet";

/** Compliant and non-compliant cases of `vigil.rds.instance-not-in-public-subnet`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "both DB subnets explicitly on a table routing 0.0.0.0/0 to a NAT gateway",
    asset: db(),
    expect: "pass",
  },
  {
    check,
    name: "a DB subnet without an explicit association, on the VPC's main table routing to an igw",
    asset: db({}, [], routeTables([DB_SUBNET_A])),
    expect: "fail",
    evidence: new RegExp(`^DB subnet ${DB_SUBNET_B} routes to ${IGW} via ${MAIN_TABLE}$`),
  },
  {
    check,
    name: "a DB subnet explicitly associated with a table routing ::/0 to an igw (IPv4 through NAT)",
    asset: db({}, [], routeTables([DB_SUBNET_B], DB_SUBNET_A)),
    expect: "fail",
    evidence: new RegExp(`^DB subnet ${DB_SUBNET_A} routes to ${IGW} via rtb-0public00000000001$`),
  },
  {
    check,
    name: "no explicit association at all: both DB subnets on the main table",
    asset: db({}, [], routeTables([])),
    expect: "fail",
    evidence: new RegExp(`^DB subnet ${DB_SUBNET_A} routes to ${IGW} via ${MAIN_TABLE} \\(and 1 more\\)$`),
  },
  {
    check,
    name: "DescribeRouteTables denied: not assessed",
    asset: db({}, [], {
      ok: false,
      kind: "denied",
      code: "UnauthorizedOperation",
      message: "You are not authorized to perform this operation.",
      call: "ec2:DescribeRouteTables",
    }),
    expect: "error",
  },
  {
    check,
    name: "no DB subnet group (not in a VPC): no subnet to route anywhere",
    asset: db({ DBSubnetGroup: undefined }, [], { RouteTables: [] }),
    expect: "pass",
  },
];
