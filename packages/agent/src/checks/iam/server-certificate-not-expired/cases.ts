import { serverCertificate } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.iam.server-certificate-not-expired`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.server-certificate-not-expired",
    name: "valid",
    asset: serverCertificate({
      Path: "/",
      ServerCertificateName: "www",
      ServerCertificateId: "ASCAEXAMPLE",
      Arn: "arn:aws:iam::123456789012:server-certificate/www",
      Expiration: new Date("2026-01-01T00:00:00Z"),
    }),
    expect: "pass",
  },
  {
    check: "vigil.iam.server-certificate-not-expired",
    name: "expired",
    asset: serverCertificate({
      Path: "/",
      ServerCertificateName: "old",
      ServerCertificateId: "ASCAEXAMPLE2",
      Arn: "arn:aws:iam::123456789012:server-certificate/old",
      Expiration: new Date("2025-05-22T00:00:00Z"),
    }),
    expect: "fail",
    evidence: /10 day/,
  },
];
