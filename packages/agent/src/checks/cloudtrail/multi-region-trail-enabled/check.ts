import { defineCheck, fail, pass } from "../../check.ts";

const NONE = fail("no multi-region trail is logging both read and write management events");

export const multiRegionTrailEnabled = defineCheck({
  id: "vigil.cloudtrail.multi-region-trail-enabled",
  title:
    "CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events",
  severity: "high",
  resourceType: "aws.cloudtrail.account-settings",
  reads: ["multiRegionManagementTrails"],
  rationale:
    "A multi-region trail recording every management event is the account's record of who did what, where; without it an intrusion in an unused region, or a read of secrets, leaves no trace to investigate.",
  remediation:
    'aws cloudtrail create-trail --name <name> --s3-bucket-name <bucket> --is-multi-region-trail, aws cloudtrail put-event-selectors --trail-name <name> --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\', then aws cloudtrail start-logging --name <name> (console: CloudTrail > Trails > Create trail).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1",
    "https://docs.aws.amazon.com/config/latest/developerguide/multi-region-cloudtrail-enabled.html",
  ],
  mappings: { cis: [], fsbp: ["CloudTrail.1"] },
  evaluate: (asset) => {
    const trails = asset.config.multiRegionManagementTrails;
    if (trails.length === 0) return NONE;
    const names = trails.map((arn) => arn.slice(arn.lastIndexOf("/") + 1));
    return pass(`logging read and write management events in every region: ${names.join(", ")}`);
  },
});
