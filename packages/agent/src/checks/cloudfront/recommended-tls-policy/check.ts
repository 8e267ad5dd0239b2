import { defineCheck, fail, pass } from "../../check.ts";

/**
 * CloudFront's recommended viewer security policies: `TLSv1.2_2021` (TLS 1.2 with forward-secret
 * AEAD ciphers only) and the 2025 ones (`TLSv1.2_2025`, `TLSv1.3_2025`). Older policies
 * (`TLSv1`, `TLSv1_2016`, `TLSv1.1_2016`, `TLSv1.2_2018`, `TLSv1.2_2019`) still offer weaker
 * protocols or ciphers.
 */
const RECOMMENDED = new Set(["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"]);

export const distributionRecommendedTlsPolicy = defineCheck({
  id: "vigil.cloudfront.recommended-tls-policy",
  title: "CloudFront distributions should use the recommended TLS security policy",
  severity: "medium",
  resourceType: "aws.cloudfront.distribution",
  reads: ["viewerCertificate"],
  rationale:
    "The viewer security policy decides which TLS versions and ciphers clients may negotiate with CloudFront; the recommended ones leave out TLS 1.0/1.1 and the ciphers without forward secrecy.",
  remediation:
    "Set ViewerCertificate.MinimumProtocolVersion to TLSv1.2_2021 (or TLSv1.2_2025): aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json (console: CloudFront > General > Edit > Security policy).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-15",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.15"] },
  evaluate: (asset) => {
    const cert = asset.config.viewerCertificate;
    // The default *.cloudfront.net certificate always negotiates TLSv1: its policy cannot be chosen.
    if (cert.cloudFrontDefaultCertificate) return undefined;
    const policy = cert.minimumProtocolVersion;
    if (policy !== null && RECOMMENDED.has(policy)) return pass(`the security policy is ${policy}`);
    return fail(
      `the security policy is ${policy ?? "not set"}, not a recommended one (TLSv1.2_2021 or later)`,
    );
  },
});
