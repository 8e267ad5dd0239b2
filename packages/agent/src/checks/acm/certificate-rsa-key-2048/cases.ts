import type { CertificateSummary } from "@aws-sdk/client-acm";
import { certificate } from "../../_cases/acm.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.acm.certificate-rsa-key-2048`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.acm.certificate-rsa-key-2048", name: "RSA_2048", asset: certificate(), expect: "pass" },
  {
    check: "vigil.acm.certificate-rsa-key-2048",
    name: "RSA_1024",
    asset: certificate({ KeyAlgorithm: "RSA_1024", Type: "IMPORTED" }),
    expect: "fail",
  },
  {
    check: "vigil.acm.certificate-rsa-key-2048",
    name: "RSA-1024 as answers spell it",
    asset: certificate({ KeyAlgorithm: "RSA-1024" as CertificateSummary["KeyAlgorithm"] }),
    expect: "fail",
  },
  {
    check: "vigil.acm.certificate-rsa-key-2048",
    name: "EC key",
    asset: certificate({ KeyAlgorithm: "EC_prime256v1" }),
    expect: "n/a",
  },
];
