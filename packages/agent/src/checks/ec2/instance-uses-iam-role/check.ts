import { defineCheck, fail, pass } from "../../check.ts";

const WITH_ROLE = pass("an IAM instance profile is attached");
const WITHOUT_ROLE = fail("no IAM instance profile is attached");

export const instanceUsesIamRole = defineCheck({
  id: "vigil.ec2.instance-uses-iam-role",
  title: "EC2 instances should use an IAM instance role for AWS access",
  severity: "medium",
  resourceType: "aws.ec2.instance",
  reads: ["iamInstanceProfileArn", "state"],
  rationale:
    "Without an instance role, software on the instance needs long-lived access keys stored on disk; roles deliver short-lived, automatically rotated credentials.",
  remediation:
    "Create an instance profile with a least-privilege role and attach it: aws ec2 associate-iam-instance-profile --instance-id <id> --iam-instance-profile Name=<profile>.",
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.17"], fsbp: [] },
  evaluate: (asset) => {
    if (asset.config.state === "terminated") return undefined;
    return asset.config.iamInstanceProfileArn ? WITH_ROLE : WITHOUT_ROLE;
  },
});
