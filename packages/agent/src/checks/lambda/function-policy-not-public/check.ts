import { defineCheck, fail, pass } from "../../check.ts";

const SCOPED = pass("the function's resource-based policy names its callers (or it has none)");
const PUBLIC = fail("the function's resource-based policy lets any principal invoke or manage it");

export const functionPolicyNotPublic = defineCheck({
  id: "vigil.lambda.function-policy-not-public",
  title: "Lambda function policies should prohibit public access",
  severity: "critical",
  resourceType: "aws.lambda.function",
  reads: ["policyPublic"],
  rationale:
    "A resource-based policy that allows Principal * (a function URL with AuthType NONE among them) lets anyone invoke the function, run up its cost and reach what its role can reach.",
  remediation:
    "aws lambda remove-permission --function-name <name> --statement-id <sid>, then grant the caller by name: aws lambda add-permission --function-name <name> --statement-id <sid> --action lambda:InvokeFunction --principal <service or account> --source-arn <arn> (console: Lambda > function > Configuration > Permissions > Resource-based policy statements)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1",
    "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
  ],
  mappings: { cis: [], fsbp: ["Lambda.1"] },
  evaluate: (asset) => (asset.config.policyPublic ? PUBLIC : SCOPED),
});
