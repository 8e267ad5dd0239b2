import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("a CloudTrail trail records object-level read events for this bucket");
const OFF = fail("no CloudTrail trail records object-level read events for this bucket");

export const bucketObjectLevelLoggingRead = defineCheck({
  id: "vigil.s3.bucket-object-level-logging-read",
  title: "Object-level logging for read events should be enabled for S3 buckets",
  severity: "medium",
  resourceType: "aws.s3.bucket",
  reads: ["objectLevelLogging"],
  rationale:
    "CloudTrail data events are the only record of who read which object; management events do not include them.",
  remediation:
    'aws cloudtrail put-event-selectors --trail-name <trail> --event-selectors \'[{"ReadWriteType":"ReadOnly","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]\' (use All to cover both reads and writes)',
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-23",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["3.9"], fsbp: [], securityHub: ["S3.23"] },
  evaluate: (asset) => {
    const logging = asset.config.objectLevelLogging;
    if (logging === null) return undefined;
    return logging.read ? ON : OFF;
  },
});
