import type { CheckCase } from "../../_cases/case.ts";
import { distribution } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.logging-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.cloudfront.logging-enabled", name: "on", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.logging-enabled",
    name: "off",
    asset: distribution({}, { Logging: { Enabled: false, IncludeCookies: false, Bucket: "", Prefix: "" } }),
    expect: "fail",
  },
];
