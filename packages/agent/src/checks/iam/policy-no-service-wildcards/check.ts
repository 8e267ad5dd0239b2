import { defineCheck, fail, pass } from "../../check.ts";

const NONE = pass("the policy allows no service's every action");

export const policyNoServiceWildcards = defineCheck({
  id: "vigil.iam.policy-no-service-wildcards",
  title: "IAM customer managed policies that you create should not allow wildcard actions for services",
  severity: "low",
  resourceType: "aws.iam.policy",
  reads: ["awsManaged", "serviceWildcards"],
  rationale:
    "An action wildcard such as s3:* grants every action the service has and every one it adds later, including deleting and re-permissioning resources; naming the actions keeps the grant to what is needed.",
  remediation:
    "Replace each <service>:* with the actions the principals use (IAM Access Analyzer's policy generation lists them from CloudTrail), then aws iam create-policy-version --policy-arn <arn> --policy-document file://policy.json --set-as-default (console: IAM > Policies > Edit).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21",
    "https://docs.aws.amazon.com/config/latest/developerguide/iam-policy-no-statements-with-full-access.html",
  ],
  mappings: { cis: [], fsbp: ["IAM.21"] },
  evaluate: (asset) => {
    const { awsManaged, serviceWildcards } = asset.config;
    if (awsManaged) return undefined;
    if (serviceWildcards.length === 0) return NONE;
    return fail(`the policy allows every action of ${serviceWildcards.map((s) => `${s}:*`).join(", ")}`);
  },
});
