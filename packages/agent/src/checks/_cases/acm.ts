import type { CertificateSummary, DescribeCertificateResponse } from "@aws-sdk/client-acm";
import { acmCertificateAsset } from "../../collectors/acm.ts";
import { ACCOUNT, daysBefore, REGION } from "./aws.ts";

/** Certificates built through the collector's own mapper from AWS's answers (as the SDK returns them). */
export const WHERE = { region: REGION, accountId: ACCOUNT };
export const ARN = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-4123-a123-123456789012`;
export const SUMMARY: CertificateSummary = {
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
export const described = (preference: "ENABLED" | "DISABLED" | undefined): DescribeCertificateResponse => ({
  Certificate: {
    CertificateArn: ARN,
    DomainName: "www.example.com",
    Type: "AMAZON_ISSUED",
    Status: "ISSUED",
    ...(preference ? { Options: { CertificateTransparencyLoggingPreference: preference } } : {}),
  },
});
export const certificate = (over: Partial<CertificateSummary> = {}, preference?: "ENABLED" | "DISABLED") =>
  acmCertificateAsset(
    WHERE,
    { ...SUMMARY, ...over },
    { ok: true, value: described(preference ?? "ENABLED") },
  );
