import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the trail is logging");
const OFF = fail("the trail exists but IsLogging is false");
export const trailLogging = defineCheck({
  id: "vigil.cloudtrail.trail-logging",
  title: "CloudTrail trails should be logging",
  severity: "high",
  resourceType: "aws.cloudtrail.trail",
  reads: ["isLogging"],
  rationale:
    "A trail that was stopped records nothing: this is a classic first step of an attacker covering tracks.",
  remediation:
    "aws cloudtrail start-logging --name <trail>, and find out from CloudTrail (StopLogging events) who stopped it.",
  references: ["https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html"],
  mappings: { cis: [], fsbp: [] },
  evaluate: (asset) => (asset.config.isLogging ? ON : OFF),
});
