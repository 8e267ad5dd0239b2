import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the parameter group sets require_ssl to true");
const OFF = fail(
  "the parameter group does not set require_ssl to true: unencrypted connections are accepted",
);
export const redshiftClusterRequiresSsl = defineCheck({
  id: "vigil.redshift.cluster-requires-ssl",
  title: "Connections to Amazon Redshift clusters should be encrypted in transit",
  severity: "medium",
  resourceType: "aws.redshift.cluster",
  reads: ["requireSsl"],
  rationale:
    "Unless its parameter group sets require_ssl, a cluster accepts clients that send credentials and query results in clear text over the network.",
  remediation:
    "aws redshift modify-cluster-parameter-group --parameter-group-name <custom-group> --parameters ParameterName=require_ssl,ParameterValue=true (a default group cannot be changed: create one and attach it with modify-cluster)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-2",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html",
  ],
  mappings: { cis: [], fsbp: ["Redshift.2"] },
  evaluate: (asset) => (asset.config.requireSsl ? ON : OFF),
});
