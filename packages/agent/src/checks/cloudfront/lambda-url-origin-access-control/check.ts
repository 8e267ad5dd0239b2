import { defineCheck, fail, pass } from "../../check.ts";

/** A Lambda function URL's host: `<url-id>.lambda-url.<region>.on.aws`. */
const LAMBDA_URL = /\.lambda-url\.[a-z0-9-]+\.on\.aws$/i;

export const distributionLambdaUrlOriginAccessControl = defineCheck({
  id: "vigil.cloudfront.lambda-url-origin-access-control",
  title: "CloudFront distributions should use origin access control for Lambda function URL origins",
  severity: "medium",
  resourceType: "aws.cloudfront.distribution",
  reads: ["origins"],
  rationale:
    "A function URL reached without origin access control must allow unauthenticated calls (AuthType NONE), so anyone can call the function directly and bypass the distribution's WAF, caching and geo restrictions. With OAC the URL can require IAM and only the distribution signs its requests.",
  remediation:
    "aws cloudfront create-origin-access-control --origin-access-control-config Name=<name>,SigningProtocol=sigv4,SigningBehavior=always,OriginAccessControlOriginType=lambda; set the origin's OriginAccessControlId with update-distribution; set the function URL's AuthType to AWS_IAM and allow cloudfront.amazonaws.com to lambda:InvokeFunctionUrl from the distribution (console: CloudFront > distribution > Origins > Edit)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-16",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.16"] },
  evaluate: (asset) => {
    const urls = asset.config.origins.filter((o) => LAMBDA_URL.test(o.domainName));
    if (urls.length === 0) return undefined;
    const open = urls.filter((o) => o.originAccessControlId === null).map((o) => o.id);
    return open.length === 0
      ? pass("every Lambda function URL origin uses origin access control")
      : fail(`Lambda function URL origins without origin access control: ${open.join(", ")}`);
  },
});
