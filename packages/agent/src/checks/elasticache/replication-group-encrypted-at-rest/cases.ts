import type { CheckCase } from "../../_cases/case.ts";
import { group } from "../../_cases/elasticache.ts";

/** Compliant and non-compliant cases of `vigil.elasticache.replication-group-encrypted-at-rest`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.elasticache.replication-group-encrypted-at-rest",
    name: "AtRestEncryptionEnabled true",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.elasticache.replication-group-encrypted-at-rest",
    name: "AtRestEncryptionEnabled false",
    asset: group({ AtRestEncryptionEnabled: false, KmsKeyId: undefined }),
    expect: "fail",
  },
];
