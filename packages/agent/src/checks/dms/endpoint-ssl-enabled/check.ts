import { defineCheck, fail, pass } from "../../check.ts";

const OFF = fail("the endpoint's SSL mode is none");
export const endpointSslEnabled = defineCheck({
  id: "vigil.dms.endpoint-ssl-enabled",
  title: "DMS endpoints should use SSL",
  severity: "medium",
  resourceType: "aws.dms.endpoint",
  reads: ["sslMode"],
  rationale:
    "Without SSL the data a migration moves, and the database credentials, cross the network in clear text between the replication instance and the database.",
  remediation:
    "aws dms modify-endpoint --endpoint-arn <arn> --ssl-mode verify-full --certificate-arn <certificate-arn>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-9",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html",
  ],
  mappings: { cis: [], fsbp: ["DMS.9"] },
  evaluate: (asset) => (asset.config.sslMode === "none" ? OFF : pass(`SSL mode ${asset.config.sslMode}`)),
});
