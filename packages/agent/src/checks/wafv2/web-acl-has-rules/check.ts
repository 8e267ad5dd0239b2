import { defineCheck, fail, pass } from "../../check.ts";

const RULES = pass("the web ACL has at least one rule or rule group");
const EMPTY = fail("the web ACL has no rule: every request gets the default action");

export const webAclHasRules = defineCheck({
  id: "vigil.wafv2.web-acl-has-rules",
  title: "AWS WAF web ACLs should have at least one rule or rule group",
  severity: "medium",
  resourceType: "aws.wafv2.web-acl",
  reads: ["rules"],
  rationale:
    "A web ACL without rules inspects nothing: the resources it protects look covered by a firewall that lets everything through.",
  remediation:
    "aws wafv2 update-web-acl --name <name> --scope <REGIONAL|CLOUDFRONT> --id <id> --lock-token <token> --default-action Allow={} --visibility-config ... --rules file://rules.json (e.g. the AWSManagedRulesCommonRuleSet managed rule group).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-10",
    "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-editing.html",
  ],
  mappings: { cis: [], fsbp: ["WAF.10"] },
  evaluate: (asset) => (asset.config.rules.length > 0 ? RULES : EMPTY),
});
