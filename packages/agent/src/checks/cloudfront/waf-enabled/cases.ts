import type { CheckCase } from "../../_cases/case.ts";
import { distribution } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.waf-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.cloudfront.waf-enabled", name: "web ACL", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.waf-enabled",
    name: "empty WebACLId",
    asset: distribution({ WebACLId: "" }),
    expect: "fail",
  },
];
