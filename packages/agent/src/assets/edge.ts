import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/**
 * A CloudFront distribution (global): its summary from `ListDistributions` (origins, cache
 * behaviors, viewer certificate, web ACL) and `GetDistributionConfig` for what the summary lacks
 * (default root object, standard logging).
 */
export const cloudFrontDistributionSchema = assetSchemaOf(
  "aws.cloudfront.distribution",
  z.object({
    distributionId: z.string(),
    enabled: z.boolean(),
    origins: z.array(
      z.object({
        id: z.string(),
        domainName: z.string(),
        /** An S3 REST origin (`S3OriginConfig`); a website endpoint is a custom origin. */
        s3: z.boolean(),
        /** `OriginAccessControlId`, `null` when empty. */
        originAccessControlId: z.string().nullable(),
        /** `CustomOriginConfig`: `http-only`, `match-viewer` or `https-only`, and the TLS protocols to the origin. */
        custom: z
          .object({ originProtocolPolicy: z.string(), originSslProtocols: z.array(z.string()) })
          .nullable(),
      }),
    ),
    /** Origin groups, each with its number of member origins. */
    originGroupSizes: z.array(z.number().int().nonnegative()),
    /** `ViewerProtocolPolicy` of the default cache behavior, then of each other behavior. */
    viewerProtocolPolicies: z.array(z.string()),
    viewerCertificate: z.object({
      cloudFrontDefaultCertificate: z.boolean(),
      /** `sni-only`, `vip` or `static-ip`; `null` with the default certificate. */
      sslSupportMethod: z.string().nullable(),
      minimumProtocolVersion: z.string().nullable(),
    }),
    /** A WAFv2 web ACL ARN or a WAF Classic web ACL id; `null` when none. */
    webAclId: z.string().nullable(),
    /** `DefaultRootObject`, `null` when empty. */
    defaultRootObject: z.string().nullable(),
    /** `Logging.Enabled` (standard logs to S3). */
    loggingEnabled: z.boolean(),
  }),
);
