import { defineCheck, fail, pass } from "../../check.ts";

/** The names RDS suggests by default for the master user. */
const DEFAULT_NAMES = new Set(["admin", "postgres"]);
const CUSTOM = pass("the administrator has a custom name");

export const rdsInstanceCustomAdminUsername = defineCheck({
  id: "vigil.rds.instance-custom-admin-username",
  title: "RDS database instances should use a custom administrator username",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["masterUsername"],
  rationale:
    "The default administrator names (admin, postgres) are the first guesses of password spraying; a custom name adds a second secret an attacker must find.",
  remediation:
    "The administrator's name cannot be changed in place: restore a snapshot into a new instance created with --master-username <custom>, then move clients to it.",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-25"],
  mappings: { cis: [], fsbp: ["RDS.25"] },
  evaluate: (asset) => {
    const name = asset.config.masterUsername;
    if (name === null) return undefined;
    return DEFAULT_NAMES.has(name) ? fail(`the administrator is named ${name}, a default`) : CUSTOM;
  },
});
