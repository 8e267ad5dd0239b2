import { daysSince, defineCheck, fail, pass } from "../../check.ts";

const VALID = pass("the certificate has not expired");

export const serverCertificateNotExpired = defineCheck({
  id: "vigil.iam.server-certificate-not-expired",
  title: "Expired SSL/TLS certificates stored in IAM should be removed",
  severity: "medium",
  resourceType: "aws.iam.server-certificate",
  reads: ["expiration"],
  rationale:
    "An expired certificate deployed by mistake breaks TLS for users and trains them to click through warnings.",
  remediation:
    "aws iam delete-server-certificate --server-certificate-name <name> (after confirming nothing references it).",
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["1.18"], fsbp: [], securityHub: ["IAM.26"] },
  evaluate: (asset, { now }) => {
    if (Date.parse(asset.config.expiration) > now) return VALID;
    return fail(`the certificate expired ${daysSince(asset.config.expiration, now)} day(s) ago`);
  },
});
