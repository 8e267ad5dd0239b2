import { defineCheck, fail, pass } from "../../check.ts";

/** The names RDS suggests by default for the master user. */
const DEFAULT_NAMES = new Set(["admin", "postgres"]);
export const rdsClusterCustomAdminUsername = defineCheck({
  id: "vigil.rds.cluster-custom-admin-username",
  title: "RDS Database clusters should use a custom administrator username",
  severity: "medium",
  resourceType: "aws.rds.cluster",
  reads: ["masterUsername"],
  rationale:
    "The default administrator names (admin, postgres) are the first guesses of password spraying; a custom name adds a second secret an attacker must find.",
  remediation:
    "The administrator's name cannot be changed in place: restore a snapshot into a new cluster created with --master-username <custom>, then move clients to it.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-24",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.MasterAccounts.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.24"] },
  evaluate: (asset) => {
    const name = asset.config.masterUsername;
    if (name === null) return undefined;
    return DEFAULT_NAMES.has(name)
      ? fail(`the administrator is named ${name}, a default`)
      : pass("the administrator has a custom name");
  },
});
