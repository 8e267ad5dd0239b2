import { defineCheck, fail, pass } from "../../check.ts";
import { everyStage } from "../stages.ts";

const ON = pass("every stage is associated with a web ACL");
const OFF = fail("a stage is not associated with an AWS WAF web ACL");

export const restApiWafAttached = defineCheck({
  id: "vigil.apigateway.rest-api-waf-attached",
  title: "API Gateway REST API stages should be associated with an AWS WAF web ACL",
  severity: "medium",
  resourceType: "aws.apigateway.rest-api",
  reads: ["stages"],
  rationale:
    "A web ACL filters common exploits (SQL injection, cross-site scripting) and request floods before they reach the API's integrations.",
  remediation:
    "aws wafv2 associate-web-acl --web-acl-arn <regional-web-acl-arn> --resource-arn arn:aws:apigateway:<region>::/restapis/<id>/stages/<stage>.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-4",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html",
  ],
  mappings: { cis: [], fsbp: ["APIGateway.4"] },
  evaluate: (asset) => everyStage(asset.config.stages, (s) => s.webAclArn !== null, ON, OFF),
});
