import { defineCheck, fail, pass } from "../../check.ts";

const OFF = pass("public access to the brokers is turned off");
export const clusterPublicAccessDisabled = defineCheck({
  id: "vigil.kafka.cluster-public-access-disabled",
  title: "MSK clusters should have public access disabled",
  severity: "critical",
  resourceType: "aws.kafka.cluster",
  reads: ["publicAccessType"],
  rationale: "With public access the brokers get public IP addresses and can be reached from the internet.",
  remediation:
    "aws kafka update-connectivity --cluster-arn <arn> --current-version <version> --connectivity-info PublicAccess={Type=DISABLED}",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-4",
    "https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html",
  ],
  mappings: { cis: [], fsbp: ["MSK.4"] },
  evaluate: (asset) => {
    const type = asset.config.publicAccessType;
    if (type === null) return undefined;
    return type === "DISABLED" ? OFF : fail(`public access is ${type}`);
  },
});
