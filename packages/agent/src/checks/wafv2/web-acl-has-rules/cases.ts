import type { CheckCase } from "../../_cases/case.ts";
import { acl, webAcl } from "../../_cases/wafv2.ts";

/** Compliant and non-compliant cases of `vigil.wafv2.web-acl-has-rules`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.wafv2.web-acl-has-rules", name: "a managed rule group", asset: webAcl(), expect: "pass" },
  { check: "vigil.wafv2.web-acl-has-rules", name: "no rules", asset: webAcl(acl([])), expect: "fail" },
];
