import type { CheckCase } from "../../_cases/case.ts";
import { group } from "../../_cases/elasticache.ts";

/** Compliant and non-compliant cases of `vigil.elasticache.replication-group-encrypted-in-transit`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elasticache.replication-group-encrypted-in-transit",
    name: "TransitEncryptionEnabled true",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.elasticache.replication-group-encrypted-in-transit",
    name: "TransitEncryptionEnabled false",
    asset: group({
      TransitEncryptionEnabled: false,
      TransitEncryptionMode: undefined,
      AuthTokenEnabled: false,
    }),
    expect: "fail",
  },
];
