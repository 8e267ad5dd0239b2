import { defineCheck, fail, pass } from "../../check.ts";

export const rdsAuroraMysqlAuditLogging = defineCheck({
  id: "vigil.rds.aurora-mysql-audit-logging",
  title: "Aurora MySQL DB clusters should have audit logging enabled",
  severity: "medium",
  resourceType: "aws.rds.cluster",
  reads: ["engine", "parameterGroup"],
  rationale:
    "Aurora MySQL records connections, queries and schema changes only when its cluster parameter group sets server_audit_logging to 1 with events to log; without them there is no trail of who did what in the database.",
  remediation:
    "aws rds modify-db-cluster-parameter-group --db-cluster-parameter-group-name <custom group> --parameters ParameterName=server_audit_logging,ParameterValue=1,ApplyMethod=immediate ParameterName=server_audit_events,ParameterValue=CONNECT\\,QUERY_DCL\\,QUERY_DDL,ApplyMethod=immediate (a default group cannot be changed: attach a custom one; console: RDS > Parameter groups)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-45",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Auditing.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.45"] },
  evaluate: (asset) => {
    const { engine } = asset.config;
    if (engine !== "aurora-mysql" && engine !== "aurora") return undefined;
    const { name, inSync, parameters } = asset.config.parameterGroup;
    if (!inSync)
      return fail(`a cluster member does not run parameter group ${name}'s current values (not in sync)`);
    if (parameters.server_audit_logging !== "1")
      return fail(
        `parameter group ${name} sets server_audit_logging to ${parameters.server_audit_logging ?? "nothing"}`,
      );
    const events = parameters.server_audit_events ?? "";
    return events.trim() === ""
      ? fail(`parameter group ${name} audits no event (server_audit_events empty)`)
      : pass(`parameter group ${name} audits ${events}`);
  },
});
