import type { CheckCase } from "../../_cases/case.ts";
import { provisioned } from "../../_cases/kafka.ts";

/** Compliant and non-compliant cases of `vigil.kafka.cluster-enhanced-monitoring`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.kafka.cluster-enhanced-monitoring",
    name: "PER_TOPIC_PER_BROKER",
    asset: provisioned({}),
    expect: "pass",
  },
  {
    check: "vigil.kafka.cluster-enhanced-monitoring",
    name: "PER_BROKER",
    asset: provisioned({ EnhancedMonitoring: "PER_BROKER" }),
    expect: "fail",
    evidence: /PER_BROKER/,
  },
];
