import { defineCheck, fail, pass } from "../../check.ts";

/** The levels Security Hub's MSK.2 accepts: at least per topic per broker. */
const ENHANCED = new Set(["PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION"]);
export const clusterEnhancedMonitoring = defineCheck({
  id: "vigil.kafka.cluster-enhanced-monitoring",
  title: "MSK clusters should have enhanced monitoring configured",
  severity: "low",
  resourceType: "aws.kafka.cluster",
  reads: ["enhancedMonitoring"],
  rationale:
    "Per-topic metrics show unusual producers, consumers and throughput, which the default broker-level metrics hide.",
  remediation:
    "aws kafka update-monitoring --cluster-arn <arn> --current-version <version> --enhanced-monitoring PER_TOPIC_PER_BROKER",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-2",
    "https://docs.aws.amazon.com/msk/latest/developerguide/monitoring.html",
  ],
  mappings: { cis: [], fsbp: [], securityHub: ["MSK.2"] },
  evaluate: (asset) => {
    const level = asset.config.enhancedMonitoring;
    if (level === null) return undefined;
    return ENHANCED.has(level) ? pass(`monitoring level ${level}`) : fail(`monitoring level ${level}`);
  },
});
