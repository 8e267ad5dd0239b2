import { defineCheck, fail, pass } from "../../check.ts";

const NONE = fail("no active external access analyzer in this region");
export const accessAnalyzerEnabled = defineCheck({
  id: "vigil.accessanalyzer.analyzer-enabled",
  title: "IAM Access Analyzer should be enabled in every region",
  severity: "low",
  resourceType: "aws.accessanalyzer.account-settings",
  reads: ["analyzers"],
  rationale:
    "Access Analyzer finds resources shared outside the account or organization; it only watches regions where an analyzer exists.",
  remediation:
    "aws accessanalyzer create-analyzer --analyzer-name vigil-external --type ACCOUNT --region <region> (or ORGANIZATION from the delegated administrator).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-28",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.19"], fsbp: [], securityHub: ["IAM.28"] },
  evaluate: (asset) => {
    for (const analyzer of asset.config.analyzers) {
      if (analyzer.status === "ACTIVE" && (analyzer.type === "ACCOUNT" || analyzer.type === "ORGANIZATION")) {
        return pass(`analyzer of type ${analyzer.type} is active`);
      }
    }
    return NONE;
  },
});
