import { defineCheck, fail, pass } from "../../check.ts";

const OFF = fail("Enhanced Monitoring is off (MonitoringInterval 0)");
const ON = pass("Enhanced Monitoring is on");

export const rdsInstanceEnhancedMonitoring = defineCheck({
  id: "vigil.rds.instance-enhanced-monitoring",
  title: "Enhanced monitoring should be configured for RDS DB instances",
  severity: "low",
  resourceType: "aws.rds.instance",
  reads: ["monitoringInterval"],
  rationale:
    "Enhanced Monitoring reports the operating system's metrics (CPU, memory, file system, processes) every few seconds, which CloudWatch's instance metrics do not show.",
  remediation:
    "aws rds modify-db-instance --db-instance-identifier <id> --monitoring-interval 60 --monitoring-role-arn <role with AmazonRDSEnhancedMonitoringRole> --apply-immediately",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-6"],
  mappings: { cis: [], fsbp: ["RDS.6"] },
  evaluate: (asset) => (asset.config.monitoringInterval > 0 ? ON : OFF),
});
