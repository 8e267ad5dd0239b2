import { defineCheck, fail, pass } from "../../check.ts";

const SET = pass("a default root object is configured");
const UNSET = fail("no default root object: a request for the root may list or expose the origin");

export const distributionDefaultRootObject = defineCheck({
  id: "vigil.cloudfront.default-root-object",
  title: "CloudFront distributions should have a default root object configured",
  severity: "critical",
  resourceType: "aws.cloudfront.distribution",
  reads: ["defaultRootObject"],
  rationale:
    "Without a default root object, a request for the distribution's root URL is passed to the origin as is, which may answer with a listing of its contents or an error revealing it.",
  remediation:
    "aws cloudfront get-distribution-config --id <id> > cfg.json; set DistributionConfig.DefaultRootObject to index.html; aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json (console: CloudFront > Distributions > General > Edit).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-1",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.1"] },
  evaluate: (asset) => (asset.config.defaultRootObject !== null ? SET : UNSET),
});
