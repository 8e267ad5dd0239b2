import type {
  GetLoggingConfigurationResponse,
  GetWebACLResponse,
  Rule,
  WebACLSummary,
} from "@aws-sdk/client-wafv2";
import { webAclAsset } from "../../collectors/wafv2.ts";
import { ACCOUNT, REGION } from "./aws.ts";

/** Web ACLs built through the collector's own mapper from AWS's answers (as the SDK returns them). */
export const WHERE = { region: REGION, accountId: ACCOUNT };
export const ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/api/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;
export const SUMMARY: WebACLSummary = {
  Name: "api",
  Id: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  ARN,
  LockToken: "t",
};
export const visibility = (CloudWatchMetricsEnabled: boolean, MetricName: string) => ({
  SampledRequestsEnabled: true,
  CloudWatchMetricsEnabled,
  MetricName,
});
export const COMMON: Rule = {
  Name: "AWSManagedRulesCommonRuleSet",
  Priority: 0,
  Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet" } },
  OverrideAction: { None: {} },
  VisibilityConfig: visibility(true, "common"),
};
export const acl = (rules: Rule[], metrics = true): GetWebACLResponse => ({
  WebACL: {
    Name: "api",
    Id: SUMMARY.Id,
    ARN,
    DefaultAction: { Allow: {} },
    Rules: rules,
    VisibilityConfig: visibility(metrics, "api"),
  },
  LockToken: "t",
});
export const LOGGING: GetLoggingConfigurationResponse = {
  LoggingConfiguration: {
    ResourceArn: ARN,
    LogDestinationConfigs: [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws-waf-logs-api`],
  },
};
export const NO_LOGGING = {
  ok: false as const,
  kind: "not-configured" as const,
  code: "WAFNonexistentItemException",
  message: "AWS WAF couldn’t perform the operation because your resource doesn’t exist.",
  call: "wafv2:GetLoggingConfiguration",
};
export const webAcl = (
  described = acl([COMMON]),
  logging: Parameters<typeof webAclAsset>[4] = { ok: true, value: LOGGING },
) => webAclAsset(WHERE, "REGIONAL", SUMMARY, { ok: true, value: described }, logging);
