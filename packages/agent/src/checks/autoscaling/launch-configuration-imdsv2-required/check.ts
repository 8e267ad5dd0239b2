import { defineCheck, fail, pass } from "../../check.ts";
import { imdsv2Outcome } from "../../ec2/metadata-options.ts";

const REQUIRED = pass("instances launched from it require IMDSv2 session tokens");
const OFF = pass("instances launched from it have the instance metadata endpoint turned off");
const OPTIONAL = fail("instances launched from it accept IMDSv1 requests (HttpTokens is not required)");

export const launchConfigurationImdsv2Required = defineCheck({
  id: "vigil.autoscaling.launch-configuration-imdsv2-required",
  title: "Auto Scaling group launch configurations should require IMDSv2",
  severity: "high",
  resourceType: "aws.autoscaling.launch-configuration",
  reads: ["metadataHttpTokens", "metadataHttpEndpoint"],
  rationale:
    "IMDSv1 answers any request the instance can be tricked into making (SSRF), handing out the role's credentials; IMDSv2 needs a session token first.",
  remediation:
    "aws autoscaling create-launch-configuration --launch-configuration-name <new-name> --metadata-options HttpTokens=required,HttpEndpoint=enabled ... then point the group at it (launch configurations cannot be changed)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-3",
    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-launch-config.html#launch-configurations-imds",
  ],
  mappings: { cis: [], fsbp: ["AutoScaling.3"] },
  evaluate: (asset) => imdsv2Outcome(asset.config, { required: REQUIRED, off: OFF, optional: OPTIONAL }),
});
