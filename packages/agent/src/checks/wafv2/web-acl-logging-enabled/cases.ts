import type { CheckCase } from "../../_cases/case.ts";
import { acl, COMMON, NO_LOGGING, webAcl } from "../../_cases/wafv2.ts";

/** Compliant and non-compliant cases of `vigil.wafv2.web-acl-logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
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
];
