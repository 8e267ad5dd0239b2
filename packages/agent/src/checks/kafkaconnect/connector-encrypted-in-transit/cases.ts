import type { CheckCase } from "../../_cases/case.ts";
import { connector } from "../../_cases/dax-connect.ts";

const check = "vigil.kafkaconnect.connector-encrypted-in-transit";

/** Compliant and non-compliant cases of `vigil.kafkaconnect.connector-encrypted-in-transit`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "TLS", asset: connector(), expect: "pass" },
  {
    check,
    name: "PLAINTEXT",
    asset: connector({
      kafkaClusterEncryptionInTransit: { encryptionType: "PLAINTEXT" },
      kafkaClusterClientAuthentication: { authenticationType: "NONE" },
    }),
    expect: "fail",
    evidence: /PLAINTEXT/,
  },
];
