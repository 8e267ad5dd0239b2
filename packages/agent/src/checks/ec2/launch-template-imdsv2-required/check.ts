import { defineCheck, fail, pass } from "../../check.ts";
import { imdsv2Outcome } from "../metadata-options.ts";

const REQUIRED = pass("the default version requires IMDSv2 session tokens");
const OFF = pass("the default version turns the instance metadata endpoint off");
const OPTIONAL = fail("the default version allows IMDSv1 (HttpTokens is not required)");

export const launchTemplateImdsv2Required = defineCheck({
  id: "vigil.ec2.launch-template-imdsv2-required",
  title: "EC2 launch templates should require IMDSv2",
  severity: "high",
  resourceType: "aws.ec2.launch-template",
  reads: ["metadataHttpTokens", "metadataHttpEndpoint"],
  rationale:
    "Instances launched from a template that allows IMDSv1 hand their role's credentials to any request they can be tricked into making (SSRF); IMDSv2 needs a session token first.",
  remediation:
    'aws ec2 create-launch-template-version --launch-template-id <id> --source-version <default> --launch-template-data \'{"MetadataOptions":{"HttpTokens":"required","HttpEndpoint":"enabled"}}\' then aws ec2 modify-launch-template --launch-template-id <id> --default-version <new>',
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html#configure-IMDS-new-instances-lt",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-170",
  ],
  mappings: { cis: [], fsbp: ["EC2.170"] },
  evaluate: (asset) => imdsv2Outcome(asset.config, { required: REQUIRED, off: OFF, optional: OPTIONAL }),
});
