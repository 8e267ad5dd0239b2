import { apiError } from "../errors.ts";
import { type Handler, paginate, read, readList, required } from "./context.ts";

/** AWS's default `Includes.keyTypes` of ListCertificates: RSA 1024 and 2048-bit keys only. */
const DEFAULT_KEY_TYPES = ["RSA_1024", "RSA_2048"];

/**
 * ACM: `ListCertificates` filtered by key type as AWS does (only RSA 1024/2048 unless asked for
 * more) and by status; `DescribeCertificate` from `describe-certificate/<certificate id>`.
 */
export const ACM_HANDLERS: Record<string, Handler> = {
  ListCertificates: (call) => {
    const includes = call.input.Includes as { keyTypes?: string[] } | undefined;
    const keyTypes = includes?.keyTypes?.length ? includes.keyTypes : DEFAULT_KEY_TYPES;
    const statuses = (call.input.CertificateStatuses as string[] | undefined) ?? [];
    const items = readList(call, "list-certificates", "CertificateSummaryList").filter(
      (c) =>
        keyTypes.includes(String(c.KeyAlgorithm).replace("-", "_")) &&
        (statuses.length === 0 || statuses.includes(String(c.Status))),
    );
    const { page, next } = paginate(items, {
      token: call.input.NextToken,
      limit: call.input.MaxItems,
      defaultLimit: 1000,
      minLimit: 1,
      maxLimit: 1000,
    });
    return { CertificateSummaryList: page, ...(next ? { NextToken: next } : {}) };
  },
  DescribeCertificate: (call) => {
    const arn = required(call.input, "CertificateArn", call.operation);
    if (!readList(call, "list-certificates", "CertificateSummaryList").some((c) => c.CertificateArn === arn))
      throw apiError("ResourceNotFoundException", `Could not find certificate ${arn}.`);
    return read(call, "describe-certificate", { resource: arn.split("/").at(-1) ?? arn });
  },
};
