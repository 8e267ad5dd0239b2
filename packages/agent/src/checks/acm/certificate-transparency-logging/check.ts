import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the certificate is recorded in public certificate transparency logs");
const OFF = fail("certificate transparency logging is disabled");

export const certificateTransparencyLogging = defineCheck({
  id: "vigil.acm.certificate-transparency-logging",
  title: "ACM certificates should have certificate transparency logging enabled",
  severity: "medium",
  resourceType: "aws.acm.certificate",
  reads: ["certificateType", "transparencyLogging"],
  rationale:
    "Browsers reject public certificates missing from certificate transparency logs, and those logs are how a domain owner detects certificates issued for their names by mistake or by an attacker.",
  remediation:
    "aws acm update-certificate-options --certificate-arn <arn> --options CertificateTransparencyLoggingPreference=ENABLED.",
  references: [
    "https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html#concept-transparency",
    "https://github.com/prowler-cloud/prowler/tree/master/prowler/providers/aws/services/acm/acm_certificates_transparency_logs_enabled",
  ],
  mappings: { cis: [], fsbp: [] },
  evaluate: (asset) => {
    // Only ACM's public certificates are logged; imported and private ones never are.
    if (asset.config.certificateType !== "AMAZON_ISSUED") return undefined;
    return asset.config.transparencyLogging ? ON : OFF;
  },
});
