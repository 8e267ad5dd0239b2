import type {
  GetLoggingConfigurationResponse,
  GetWebACLResponse,
  Rule,
  WebACLSummary,
} from "@aws-sdk/client-wafv2";
import { webAclAsset } from "../../../src/collectors/wafv2.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

/** Web ACLs built through the collector's own mapper from AWS's answers (as the SDK returns them). */
const WHERE = { region: REGION, accountId: ACCOUNT };
const ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/api/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;
const SUMMARY: WebACLSummary = {
  Name: "api",
  Id: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  ARN,
  LockToken: "t",
};
const visibility = (CloudWatchMetricsEnabled: boolean, MetricName: string) => ({
  SampledRequestsEnabled: true,
  CloudWatchMetricsEnabled,
  MetricName,
});
const COMMON: Rule = {
  Name: "AWSManagedRulesCommonRuleSet",
  Priority: 0,
  Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet" } },
  OverrideAction: { None: {} },
  VisibilityConfig: visibility(true, "common"),
};
const acl = (rules: Rule[], metrics = true): GetWebACLResponse => ({
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
const LOGGING: GetLoggingConfigurationResponse = {
  LoggingConfiguration: {
    ResourceArn: ARN,
    LogDestinationConfigs: [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws-waf-logs-api`],
  },
};
const NO_LOGGING = {
  ok: false as const,
  kind: "not-configured" as const,
  code: "WAFNonexistentItemException",
  message: "AWS WAF couldn’t perform the operation because your resource doesn’t exist.",
  call: "wafv2:GetLoggingConfiguration",
};
const webAcl = (
  described = acl([COMMON]),
  logging: Parameters<typeof webAclAsset>[4] = { ok: true, value: LOGGING },
) => webAclAsset(WHERE, "REGIONAL", SUMMARY, { ok: true, value: described }, logging);

export const wafv2Cases: CheckCase[] = [
  { check: "vigil.wafv2.web-acl-has-rules", name: "a managed rule group", asset: webAcl(), expect: "pass" },
  { check: "vigil.wafv2.web-acl-has-rules", name: "no rules", asset: webAcl(acl([])), expect: "fail" },
  {
    check: "vigil.wafv2.web-acl-logging-enabled",
    name: "to CloudWatch Logs",
    asset: webAcl(),
    expect: "pass",
  },
  {
    check: "vigil.wafv2.web-acl-logging-enabled",
    name: "WAFNonexistentItemException",
    asset: webAcl(acl([COMMON]), NO_LOGGING),
    expect: "fail",
  },
  { check: "vigil.wafv2.rules-cloudwatch-metrics", name: "all on", asset: webAcl(), expect: "pass" },
  {
    check: "vigil.wafv2.rules-cloudwatch-metrics",
    name: "a rule without metrics",
    asset: webAcl(
      acl([COMMON, { ...COMMON, Name: "bad-inputs", Priority: 1, VisibilityConfig: visibility(false, "b") }]),
    ),
    expect: "fail",
  },
  {
    check: "vigil.wafv2.rules-cloudwatch-metrics",
    name: "the web ACL without metrics",
    asset: webAcl(acl([COMMON], false)),
    expect: "fail",
  },
];
