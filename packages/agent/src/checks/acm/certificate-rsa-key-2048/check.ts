import { defineCheck, fail, pass } from "../../check.ts";

const STRONG = pass("the RSA key is at least 2,048 bits");
const WEAK = fail("the RSA key is shorter than 2,048 bits");

export const certificateRsaKey2048 = defineCheck({
  id: "vigil.acm.certificate-rsa-key-2048",
  title: "RSA certificates managed by ACM should use a key length of at least 2,048 bits",
  severity: "high",
  resourceType: "aws.acm.certificate",
  reads: ["keyAlgorithm"],
  rationale:
    "RSA keys shorter than 2,048 bits can be factored with affordable computing power, after which the certificate's traffic can be impersonated or decrypted; browsers and NIST no longer accept them.",
  remediation:
    "Request a replacement with a 2,048-bit or longer key (aws acm request-certificate --domain-name <name> --key-algorithm RSA_2048 --validation-method DNS, or import one), move its users to it, then aws acm delete-certificate --certificate-arn <arn>.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/acm-controls.html#acm-2",
    "https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html#algorithms",
  ],
  mappings: { cis: [], fsbp: ["ACM.2"] },
  evaluate: (asset) => {
    // The API's model spells it RSA_2048; its answers have been seen to say RSA-2048.
    const m = /^RSA[-_](\d+)$/.exec(asset.config.keyAlgorithm);
    if (!m) return undefined;
    return Number(m[1]) >= 2048 ? STRONG : WEAK;
  },
});
