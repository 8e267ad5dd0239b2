import type { CheckCase } from "../../_cases/case.ts";
import { acl, COMMON, visibility, webAcl } from "../../_cases/wafv2.ts";

/** Compliant and non-compliant cases of `vigil.wafv2.rules-cloudwatch-metrics`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
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
