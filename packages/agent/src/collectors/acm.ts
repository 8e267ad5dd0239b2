import {
  ACMClient,
  type CertificateSummary,
  DescribeCertificateCommand,
  type DescribeCertificateResponse,
  type KeyAlgorithm,
  paginateListCertificates,
} from "@aws-sdk/client-acm";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type CollectContext, type Collector, isoOrNull, mapLimit, notListed } from "./collector.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ acm: ACMClient });

/**
 * ACM certificates. `ListCertificates` returns only RSA 1024/2048-bit certificates unless asked for
 * every key type, so it is. The mapper from AWS's answers to an asset is pure and exported.
 */

/** Every key type ACM issues or imports (`Includes.keyTypes`). */
export const ACM_KEY_TYPES: KeyAlgorithm[] = [
  "RSA_1024",
  "RSA_2048",
  "RSA_3072",
  "RSA_4096",
  "EC_prime256v1",
  "EC_secp384r1",
  "EC_secp521r1",
];

/** One certificate from its `ListCertificates` summary and its `DescribeCertificate`. */
export function acmCertificateAsset(
  c: Pick<CollectContext, "region" | "accountId">,
  summary: CertificateSummary,
  described: RawOutcome<DescribeCertificateResponse>,
): AssetOf<"aws.acm.certificate"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.acm.certificate">["config"]> = {
    domainName: summary.DomainName ?? "",
    certificateType: String(summary.Type ?? ""),
    status: String(summary.Status ?? ""),
    keyAlgorithm: String(summary.KeyAlgorithm ?? ""),
    notAfter: isoOrNull(summary.NotAfter),
    inUse: summary.InUse === true,
  };
  if (!unread.failed(described, "transparencyLogging") && described.ok)
    config.transparencyLogging =
      described.value.Certificate?.Options?.CertificateTransparencyLoggingPreference !== "DISABLED";
  return unread.attach({
    arn: summary.CertificateArn ?? "",
    type: "aws.acm.certificate",
    region: c.region,
    accountId: c.accountId,
    name: summary.DomainName ?? "",
    tags: {},
    config: config as AssetOf<"aws.acm.certificate">["config"],
  });
}

export const acmCertificatesCollector: Collector = {
  id: "acm-certificates",
  scope: "regional",
  resourceTypes: ["aws.acm.certificate"],
  async collect(c) {
    const out = await c.read.pages({ scope: c.region, service: "acm", command: "list-certificates" }, () =>
      paginateListCertificates(
        { client: c.clients.acm, pageSize: 1000 },
        { Includes: { keyTypes: ACM_KEY_TYPES } },
      ),
    );
    if (!out.ok) return notListed(c, acmCertificatesCollector);
    const certificates = (out.value.CertificateSummaryList ?? []).filter((s) => s.CertificateArn);
    const assets = await mapLimit(certificates, 4, async (summary) => {
      const CertificateArn = summary.CertificateArn ?? "";
      const described = await c.read.one(
        {
          scope: c.region,
          service: "acm",
          command: "describe-certificate",
          resource: CertificateArn.split("/").at(-1) ?? CertificateArn,
        },
        () => c.clients.acm.send(new DescribeCertificateCommand({ CertificateArn })),
      );
      return acmCertificateAsset(c, summary, described);
    });
    return { assets };
  },
};
