import { defineCheck, fail, pass } from "../../check.ts";
import { isSqlServer } from "../sqlserver-logs-to-cloudwatch/check.ts";

export const rdsSqlServerRequiresTls = defineCheck({
  id: "vigil.rds.sqlserver-requires-tls",
  title: "RDS for SQL Server DB instances should be encrypted in transit",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["engine", "parameterGroup"],
  rationale:
    "Unless its parameter group sets rds.force_ssl to 1, SQL Server accepts unencrypted connections, and logins and query results cross the network in clear text.",
  remediation:
    "aws rds modify-db-parameter-group --db-parameter-group-name <custom group> --parameters ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=pending-reboot, then reboot the instance (a default group cannot be changed: attach a custom one; console: RDS > Parameter groups)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-41",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/SQLServer.Concepts.General.SSL.Using.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.41"] },
  evaluate: (asset) => {
    if (!isSqlServer(asset.config.engine)) return undefined;
    const { name, parameters } = asset.config.parameterGroup;
    const value = parameters["rds.force_ssl"];
    return value === "1"
      ? pass(`parameter group ${name} sets rds.force_ssl to 1`)
      : fail(
          `parameter group ${name} sets rds.force_ssl to ${value ?? "nothing"}: unencrypted connections are accepted`,
        );
  },
});
