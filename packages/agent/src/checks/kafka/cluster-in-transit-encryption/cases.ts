import { kafkaClusterAsset } from "../../../collectors/index.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { provisioned, serverless, WHERE } from "../../_cases/kafka.ts";

/** Compliant and non-compliant cases of `vigil.kafka.cluster-in-transit-encryption`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.kafka.cluster-in-transit-encryption",
    name: "InCluster true",
    asset: provisioned({}),
    expect: "pass",
  },
  {
    check: "vigil.kafka.cluster-in-transit-encryption",
    name: "InCluster false",
    asset: provisioned({
      EncryptionInfo: { EncryptionInTransit: { ClientBroker: "TLS_PLAINTEXT", InCluster: false } },
    }),
    expect: "fail",
  },
  {
    check: "vigil.kafka.cluster-in-transit-encryption",
    name: "a serverless cluster",
    asset: kafkaClusterAsset(WHERE, serverless),
    expect: "n/a",
  },
];
