import type { CertificateSummary, DescribeCertificateResponse } from "@aws-sdk/client-acm";
import { acmCertificateAsset } from "../../../src/collectors/acm.ts";
import { ACCOUNT, daysBefore, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

/** Certificates built through the collector's own mapper from AWS's answers (as the SDK returns them). */
const WHERE = { region: REGION, accountId: ACCOUNT };
const ARN = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-4123-a123-123456789012`;

const SUMMARY: CertificateSummary = {
  CertificateArn: ARN,
  DomainName: "www.example.com",
  SubjectAlternativeNameSummaries: ["www.example.com"],
  Status: "ISSUED",
  Type: "AMAZON_ISSUED",
  KeyAlgorithm: "RSA_2048",
  InUse: true,
  RenewalEligibility: "ELIGIBLE",
  NotBefore: daysBefore(200),
  NotAfter: daysBefore(-200),
};
const described = (preference: "ENABLED" | "DISABLED" | undefined): DescribeCertificateResponse => ({
  Certificate: {
    CertificateArn: ARN,
    DomainName: "www.example.com",
    Type: "AMAZON_ISSUED",
    Status: "ISSUED",
    ...(preference ? { Options: { CertificateTransparencyLoggingPreference: preference } } : {}),
  },
});
const certificate = (over: Partial<CertificateSummary> = {}, preference?: "ENABLED" | "DISABLED") =>
  acmCertificateAsset(
    WHERE,
    { ...SUMMARY, ...over },
    { ok: true, value: described(preference ?? "ENABLED") },
  );

export const acmCases: CheckCase[] = [
  {
    check: "vigil.acm.certificate-not-expiring",
    name: "200 days left",
    asset: certificate(),
    expect: "pass",
  },
  {
    check: "vigil.acm.certificate-not-expiring",
    name: "imported, 12 days left",
    asset: certificate({ Type: "IMPORTED", NotAfter: daysBefore(-12) }),
    expect: "fail",
    evidence: /within 30 days/,
  },
  {
    check: "vigil.acm.certificate-not-expiring",
    name: "expired",
    asset: certificate({ Status: "EXPIRED", NotAfter: daysBefore(3) }),
    expect: "fail",
    evidence: /expired/,
  },
  {
    check: "vigil.acm.certificate-not-expiring",
    name: "pending validation",
    asset: certificate({ Status: "PENDING_VALIDATION", NotAfter: undefined }),
    expect: "n/a",
  },
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
  {
    check: "vigil.acm.certificate-transparency-logging",
    name: "ENABLED",
    asset: certificate(),
    expect: "pass",
  },
  {
    check: "vigil.acm.certificate-transparency-logging",
    name: "no preference: AWS's default, enabled",
    asset: acmCertificateAsset(WHERE, SUMMARY, { ok: true, value: described(undefined) }),
    expect: "pass",
  },
  {
    check: "vigil.acm.certificate-transparency-logging",
    name: "DISABLED",
    asset: certificate({}, "DISABLED"),
    expect: "fail",
  },
  {
    check: "vigil.acm.certificate-transparency-logging",
    name: "imported",
    asset: certificate({ Type: "IMPORTED" }, "DISABLED"),
    expect: "n/a",
  },
];
