import type { CheckCase } from "../../_cases/case.ts";
import { distribution } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.viewer-https-required`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.cloudfront.viewer-https-required",
    name: "redirect and https-only",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.viewer-https-required",
    name: "a behavior allows all",
    asset: distribution({
      CacheBehaviors: {
        Quantity: 1,
        Items: [{ PathPattern: "/img/*", TargetOriginId: "s3-site", ViewerProtocolPolicy: "allow-all" }],
      },
    }),
    expect: "fail",
  },
];
