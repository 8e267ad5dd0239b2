import { defineCheck, fail, pass } from "../../check.ts";

const DENIES = pass("the bucket policy denies requests with aws:SecureTransport=false");
const NO_POLICY = fail("the bucket has no policy, so plain HTTP requests are accepted");
const ALLOWS = fail("the bucket policy does not deny aws:SecureTransport=false");

export const bucketDeniesInsecureTransport = defineCheck({
  id: "vigil.s3.bucket-denies-insecure-transport",
  title: "S3 bucket policies should deny HTTP (non-TLS) requests",
  severity: "medium",
  resourceType: "aws.s3.bucket",
  reads: ["policy"],
  rationale:
    "Requests over plain HTTP can be read or altered in transit; only a bucket policy can refuse them.",
  remediation:
    'Add a statement: {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<name>","arn:aws:s3:::<name>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["2.1.1"], fsbp: ["S3.5"] },
  evaluate: (asset) => {
    const policy = asset.config.policy;
    if (policy === null) return NO_POLICY;
    return policy.deniesInsecureTransport ? DENIES : ALLOWS;
  },
});
