import { defineCheck, fail, pass } from "../../check.ts";

const REQUIRED = pass("IMDSv2 session tokens are required");
const DISABLED = pass("the instance metadata service is disabled");
const OPTIONAL = fail("HttpTokens is optional: IMDSv1 requests are accepted");

export const instanceImdsv2Required = defineCheck({
  id: "vigil.ec2.instance-imdsv2-required",
  title: "EC2 instances should require IMDSv2",
  severity: "high",
  resourceType: "aws.ec2.instance",
  reads: ["metadataOptions", "state"],
  rationale:
    "IMDSv1 answers unauthenticated GET requests, so an SSRF bug in an application can read the instance role's credentials. IMDSv2 requires a session token obtained with a PUT.",
  remediation:
    "aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required (and set HttpTokens=required in launch templates).",
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["5.7"], fsbp: ["EC2.8"] },
  evaluate: (asset) => {
    if (asset.config.state === "terminated") return undefined;
    const { httpEndpoint, httpTokens } = asset.config.metadataOptions;
    if (httpEndpoint === "disabled") return DISABLED;
    return httpTokens === "required" ? REQUIRED : OPTIONAL;
  },
});
