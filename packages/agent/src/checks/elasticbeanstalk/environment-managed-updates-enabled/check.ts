import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("managed platform updates are enabled");
const OFF = fail("managed platform updates are disabled");

export const environmentManagedUpdatesEnabled = defineCheck({
  id: "vigil.elasticbeanstalk.environment-managed-updates-enabled",
  title: "Elastic Beanstalk managed platform updates should be enabled",
  severity: "high",
  resourceType: "aws.elasticbeanstalk.environment",
  reads: ["managedActionsEnabled"],
  rationale:
    "Platform updates carry the operating system and runtime security fixes; with managed updates they are applied in a maintenance window instead of waiting for someone to remember.",
  remediation:
    "aws elasticbeanstalk update-environment --environment-name <name> --option-settings Namespace=aws:elasticbeanstalk:managedactions,OptionName=ManagedActionsEnabled,Value=true Namespace=aws:elasticbeanstalk:managedactions,OptionName=PreferredStartTime,Value='Sun:02:00' Namespace=aws:elasticbeanstalk:managedactions:platformupdate,OptionName=UpdateLevel,Value=minor",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticbeanstalk-controls.html#elasticbeanstalk-2",
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-platform-update-managed.html",
  ],
  mappings: { cis: [], fsbp: ["ElasticBeanstalk.2"] },
  evaluate: (asset) => (asset.config.managedActionsEnabled ? ON : OFF),
});
