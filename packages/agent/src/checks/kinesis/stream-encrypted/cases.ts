import type { CheckCase } from "../../_cases/case.ts";
import { stream } from "../../_cases/kinesis.ts";

/** Compliant and non-compliant cases of `vigil.kinesis.stream-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.kinesis.stream-encrypted", name: "EncryptionType KMS", asset: stream({}), expect: "pass" },
  {
    check: "vigil.kinesis.stream-encrypted",
    name: "EncryptionType NONE",
    asset: stream({ EncryptionType: "NONE", KeyId: undefined }),
    expect: "fail",
  },
];
