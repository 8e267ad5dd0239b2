import { defineCheck, fail, pass } from "../../check.ts";

/** Each engine family's default port. */
const DEFAULT_PORTS: readonly [RegExp, number][] = [
  [/^(mysql|mariadb|aurora|aurora-mysql)$/, 3306],
  [/^(postgres|aurora-postgresql)$/, 5432],
  [/^oracle-/, 1521],
  [/^sqlserver-/, 1433],
  [/^db2-/, 50000],
];
const CUSTOM = pass("the instance listens on a port other than its engine's default");

export const rdsInstanceCustomPort = defineCheck({
  id: "vigil.rds.instance-custom-port",
  title: "RDS instances should not use a database engine default port",
  severity: "low",
  resourceType: "aws.rds.instance",
  reads: ["engine", "port"],
  rationale:
    "Automated scans try each engine's well-known port first; another port takes an instance out of the cheapest reconnaissance (it does not replace network controls).",
  remediation:
    "aws rds modify-db-instance --db-instance-identifier <id> --db-port-number <port> --apply-immediately (clients must then use the new port)",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-23"],
  mappings: { cis: [], fsbp: ["RDS.23"] },
  evaluate: (asset) => {
    const { engine, port } = asset.config;
    const standard = DEFAULT_PORTS.find(([pattern]) => pattern.test(engine))?.[1];
    if (port === null || standard === undefined) return undefined;
    return port === standard ? fail(`the instance listens on ${engine}'s default port ${standard}`) : CUSTOM;
  },
});
