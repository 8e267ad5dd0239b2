import { defineCheck, fail, pass } from "../../check.ts";

const ENHANCED = pass("enhanced health reporting is enabled");
const BASIC = fail("the environment reports basic health only");

export const environmentEnhancedHealthReporting = defineCheck({
  id: "vigil.elasticbeanstalk.environment-enhanced-health-reporting",
  title: "Elastic Beanstalk environments should have enhanced health reporting enabled",
  severity: "low",
  resourceType: "aws.elasticbeanstalk.environment",
  reads: ["healthReportingSystem"],
  rationale:
    "Enhanced health reporting watches the application and the operating system on each instance, so failing deployments and degraded instances show before users notice.",
  remediation:
    "aws elasticbeanstalk update-environment --environment-name <name> --option-settings Namespace=aws:elasticbeanstalk:healthreporting:system,OptionName=SystemType,Value=enhanced",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticbeanstalk-controls.html#elasticbeanstalk-1",
    "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/health-enhanced-enable.html",
  ],
  mappings: { cis: [], fsbp: ["ElasticBeanstalk.1"] },
  evaluate: (asset) => (asset.config.healthReportingSystem === "enhanced" ? ENHANCED : BASIC),
});
