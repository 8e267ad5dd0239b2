import { defineCheck, fail, pass } from "../../check.ts";

const EXISTS = pass("AWSSupportAccess is attached to a role");
const MISSING = fail("no role has AWSSupportAccess attached");
export const supportRoleExists = defineCheck({
  id: "vigil.iam.support-role-exists",
  title: "A support role should exist to manage incidents with AWS Support",
  severity: "low",
  resourceType: "aws.iam.account",
  reads: ["supportRoleExists"],
  rationale:
    "During an incident, someone must be able to open AWS Support cases without using root or an administrator.",
  remediation:
    "Create a role for your incident responders and attach the AWS managed policy AWSSupportAccess to it.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-18",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.16"], fsbp: [], securityHub: ["IAM.18"] },
  evaluate: (asset) => (asset.config.supportRoleExists ? EXISTS : MISSING),
});
