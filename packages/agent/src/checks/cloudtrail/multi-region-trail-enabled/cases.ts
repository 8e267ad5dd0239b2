import { cloudTrailAccount } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

const TRAIL = {
  Name: "org-audit",
  TrailARN: "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-audit",
  HomeRegion: "us-east-1",
  S3BucketName: "audit-logs",
  IsMultiRegionTrail: true,
  IsOrganizationTrail: false,
  LogFileValidationEnabled: true,
};
const ALL = {
  EventSelectors: [{ ReadWriteType: "All" as const, IncludeManagementEvents: true, DataResources: [] }],
};
const WRITE_ONLY = {
  EventSelectors: [{ ReadWriteType: "WriteOnly" as const, IncludeManagementEvents: true, DataResources: [] }],
};
const ADVANCED_MANAGEMENT = {
  AdvancedEventSelectors: [
    { Name: "Management events", FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }] },
  ],
};

/** Compliant and non-compliant cases of `vigil.cloudtrail.multi-region-trail-enabled`, built from AWS's answers through the collector's mapper and the scan's linking. */
export const cases: CheckCase[] = [
  {
    check: "vigil.cloudtrail.multi-region-trail-enabled",
    name: "multi-region, logging, all management events",
    asset: cloudTrailAccount([[TRAIL, true, ALL]]),
    expect: "pass",
    evidence: /org-audit/,
  },
  {
    check: "vigil.cloudtrail.multi-region-trail-enabled",
    name: "advanced selectors on management events",
    asset: cloudTrailAccount([[TRAIL, true, ADVANCED_MANAGEMENT]]),
    expect: "pass",
  },
  {
    check: "vigil.cloudtrail.multi-region-trail-enabled",
    name: "write-only management events",
    asset: cloudTrailAccount([[TRAIL, true, WRITE_ONLY]]),
    expect: "fail",
  },
  {
    check: "vigil.cloudtrail.multi-region-trail-enabled",
    name: "single-region trail, and a stopped multi-region one",
    asset: cloudTrailAccount([
      [
        {
          ...TRAIL,
          Name: "local",
          TrailARN: "arn:aws:cloudtrail:us-east-1:123456789012:trail/local",
          IsMultiRegionTrail: false,
        },
        true,
        ALL,
      ],
      [TRAIL, false, ALL],
    ]),
    expect: "fail",
  },
  {
    check: "vigil.cloudtrail.multi-region-trail-enabled",
    name: "no trail",
    asset: cloudTrailAccount([]),
    expect: "fail",
  },
  {
    check: "vigil.cloudtrail.multi-region-trail-enabled",
    name: "the multi-region trail's selectors could not be read",
    asset: cloudTrailAccount([[TRAIL, true, null]]),
    expect: "error",
  },
];
