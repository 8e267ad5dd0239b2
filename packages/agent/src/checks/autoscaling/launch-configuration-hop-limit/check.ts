import { defineCheck, fail, pass } from "../../check.ts";

const ONE = pass("the metadata response hop limit is 1");
const MORE = fail("the metadata response hop limit is greater than 1");

export const launchConfigurationHopLimit = defineCheck({
  id: "vigil.autoscaling.launch-configuration-hop-limit",
  title:
    "Auto Scaling group launch configurations should not have a metadata response hop limit greater than 1",
  severity: "high",
  resourceType: "aws.autoscaling.launch-configuration",
  reads: ["metadataHopLimit"],
  rationale:
    "With a hop limit above 1, metadata tokens (and so the instance role's credentials) reach containers and other hosts beyond the instance.",
  remediation:
    "aws autoscaling create-launch-configuration --launch-configuration-name <new-name> --metadata-options HttpPutResponseHopLimit=1,HttpTokens=required ... then point the group at it",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-4",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["AutoScaling.4"] },
  // Absent options: the default hop limit, 1.
  evaluate: (asset) => ((asset.config.metadataHopLimit ?? 1) > 1 ? MORE : ONE),
});
