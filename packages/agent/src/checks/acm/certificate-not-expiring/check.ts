import { DAY_MS, defineCheck, fail, pass } from "../../check.ts";

/** Security Hub's default `daysToExpiration` for ACM.1. */
const DAYS = 30;
const VALID = pass(`the certificate is valid for more than ${DAYS} days`);
const EXPIRING = fail(`the certificate expires within ${DAYS} days`);
const EXPIRED = fail("the certificate has expired");

export const certificateNotExpiring = defineCheck({
  id: "vigil.acm.certificate-not-expiring",
  title: "ACM certificates should be renewed before they expire (more than 30 days left)",
  severity: "medium",
  resourceType: "aws.acm.certificate",
  reads: ["status", "notAfter"],
  rationale:
    "An expired certificate breaks TLS for every client of the load balancer, distribution or API that presents it. Imported certificates are never renewed by ACM, and ACM's own renewals fail when validation no longer works.",
  remediation:
    "Imported: aws acm import-certificate --certificate-arn <arn> --certificate fileb://cert.pem --private-key fileb://key.pem --certificate-chain fileb://chain.pem. ACM issued: fix the DNS validation record so managed renewal succeeds (aws acm describe-certificate --certificate-arn <arn> shows RenewalSummary).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/acm-controls.html#acm-1",
    "https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html",
  ],
  mappings: { cis: [], fsbp: ["ACM.1"] },
  evaluate: (asset, { now }) => {
    const { status, notAfter } = asset.config;
    if ((status !== "ISSUED" && status !== "EXPIRED") || notAfter === null) return undefined;
    const left = Date.parse(notAfter) - now;
    if (left <= 0) return EXPIRED;
    return left <= DAYS * DAY_MS ? EXPIRING : VALID;
  },
});
