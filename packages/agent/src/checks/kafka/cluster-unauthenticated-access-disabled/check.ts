import { defineCheck, fail, pass } from "../../check.ts";

const OFF = pass("clients must authenticate");
const ON = fail("unauthenticated client access is turned on");
export const clusterUnauthenticatedAccessDisabled = defineCheck({
  id: "vigil.kafka.cluster-unauthenticated-access-disabled",
  title: "MSK clusters should disable unauthenticated access",
  severity: "medium",
  resourceType: "aws.kafka.cluster",
  reads: ["unauthenticatedAccess"],
  rationale:
    "With unauthenticated access any client that reaches the brokers can produce and consume without IAM, SASL/SCRAM or TLS client authentication.",
  remediation:
    "aws kafka update-security --cluster-arn <arn> --current-version <version> --client-authentication 'Unauthenticated={Enabled=false},Sasl={Iam={Enabled=true}}'",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-6",
    "https://docs.aws.amazon.com/msk/latest/developerguide/kafka_apis_iam.html",
  ],
  mappings: { cis: [], fsbp: ["MSK.6"] },
  evaluate: (asset) =>
    asset.config.unauthenticatedAccess === null ? undefined : asset.config.unauthenticatedAccess ? ON : OFF,
});
