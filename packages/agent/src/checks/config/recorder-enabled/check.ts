import { defineCheck, fail, pass } from "../../check.ts";

const NONE = fail("no configuration recorder exists in this region");
export const configRecorderEnabled = defineCheck({
  id: "vigil.config.recorder-enabled",
  title: "AWS Config should be recording in every region",
  severity: "medium",
  resourceType: "aws.config.account-settings",
  reads: ["recorders"],
  rationale:
    "AWS Config keeps the history of every resource configuration, which investigations and drift detection need.",
  remediation:
    "Create a configuration recorder recording all supported resource types and a delivery channel, then aws configservice start-configuration-recorder --configuration-recorder-name default.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["3.3"], fsbp: ["Config.1"] },
  evaluate: (asset) => {
    const recorders = asset.config.recorders;
    if (recorders.length === 0) return NONE;
    for (const r of recorders) {
      if (r.recording && r.allSupported && r.lastStatus !== "Failure")
        return pass(`recorder ${r.name} records all supported resources`);
    }
    return fail("no recorder is recording all supported resource types successfully");
  },
});
