import { defineCheck, fail, pass } from "../../check.ts";

export const rdsMariadbRequiresTls = defineCheck({
  id: "vigil.rds.mariadb-requires-tls",
  title: "RDS for MariaDB DB instances should be encrypted in transit",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["engine", "parameterGroup"],
  rationale:
    "Unless require_secure_transport is ON in the parameter group the instance runs, MariaDB accepts unencrypted connections, and credentials and data cross the network in clear text.",
  remediation:
    "aws rds modify-db-parameter-group --db-parameter-group-name <custom group> --parameters ParameterName=require_secure_transport,ParameterValue=ON,ApplyMethod=immediate, and reboot an instance whose group is pending-reboot (a default group cannot be changed: attach a custom one; console: RDS > Parameter groups)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-44",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mariadb-ssl-connections.require-ssl.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.44"] },
  evaluate: (asset) => {
    if (asset.config.engine !== "mariadb") return undefined;
    const { name, inSync, parameters } = asset.config.parameterGroup;
    if (!inSync)
      return fail(`the instance does not run parameter group ${name}'s current values (not in sync)`);
    const value = parameters.require_secure_transport;
    return value?.toUpperCase() === "ON" || value === "1"
      ? pass(`parameter group ${name} sets require_secure_transport ON`)
      : fail(
          `parameter group ${name} sets require_secure_transport to ${value ?? "nothing"}: unencrypted connections are accepted`,
        );
  },
});
