import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("Multi-AZ deployment is enabled: the cluster runs in two Availability Zones");
const OFF = fail("Multi-AZ deployment is disabled: an Availability Zone outage stops the cluster");
export const redshiftClusterMultiAz = defineCheck({
  id: "vigil.redshift.cluster-multi-az",
  title: "Amazon Redshift clusters should have Multi-AZ deployments enabled",
  severity: "medium",
  resourceType: "aws.redshift.cluster",
  reads: ["multiAz"],
  rationale:
    "A Multi-AZ cluster keeps compute in a second Availability Zone and fails over to it, so a zone's outage does not make the warehouse unavailable.",
  remediation: "aws redshift modify-cluster --cluster-identifier <id> --multi-az",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-18",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/managing-cluster-multi-az.html",
  ],
  mappings: { cis: [], fsbp: ["Redshift.18"] },
  evaluate: (asset) => (asset.config.multiAz ? ON : OFF),
});
