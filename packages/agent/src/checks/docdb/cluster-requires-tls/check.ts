import { defineCheck, fail, pass } from "../../check.ts";

/** `tls` values that let a client connect without TLS 1.2 or later (`enabled` still allows TLS 1.0). */
const WEAK = new Set(["disabled", "enabled"]);

export const docdbClusterRequiresTls = defineCheck({
  id: "vigil.docdb.cluster-requires-tls",
  title: "Amazon DocumentDB clusters should be encrypted in transit",
  severity: "medium",
  resourceType: "aws.docdb.cluster",
  reads: ["parameterGroup"],
  rationale:
    "With the cluster parameter group's tls set to disabled, clients connect in clear text; set to enabled, they may still negotiate TLS 1.0 or 1.1. Only tls1.2+, tls1.3+ or fips-140-3 require a current TLS version.",
  remediation:
    "aws docdb modify-db-cluster-parameter-group --db-cluster-parameter-group-name <custom group> --parameters ParameterName=tls,ParameterValue=tls1.2+,ApplyMethod=pending-reboot, then reboot the cluster's instances (console: Amazon DocumentDB > Parameter groups)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-6",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html",
  ],
  mappings: { cis: [], fsbp: ["DocumentDB.6"] },
  evaluate: (asset) => {
    const { name, inSync, parameters } = asset.config.parameterGroup;
    if (!inSync)
      return fail(`a cluster member does not run parameter group ${name}'s current values (not in sync)`);
    const tls = parameters.tls;
    return tls === undefined || tls === null || WEAK.has(tls)
      ? fail(`parameter group ${name} sets tls to ${tls ?? "nothing"}: TLS 1.2 or later is not required`)
      : pass(`parameter group ${name} sets tls to ${tls}`);
  },
});
