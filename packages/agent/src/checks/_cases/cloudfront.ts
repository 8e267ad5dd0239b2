import type {
  DistributionConfig,
  DistributionSummary,
  GetDistributionConfigResult,
  Origin,
} from "@aws-sdk/client-cloudfront";
import { cloudFrontDistributionAsset } from "../../collectors/cloudfront.ts";
import { ACCOUNT } from "./aws.ts";

/** Distributions built through the collector's own mapper from AWS's answers (as the SDK returns them). */
export const WHERE = { partition: "aws", accountId: ACCOUNT };
export const S3_ORIGIN: Origin = {
  Id: "s3-site",
  DomainName: "site-bucket.s3.us-east-1.amazonaws.com",
  OriginPath: "",
  CustomHeaders: { Quantity: 0 },
  S3OriginConfig: { OriginAccessIdentity: "" },
  OriginAccessControlId: "E2QWRUHAPOMQZL",
};
export const API_ORIGIN: Origin = {
  Id: "api",
  DomainName: "api.example.com",
  CustomHeaders: { Quantity: 0 },
  CustomOriginConfig: {
    HTTPPort: 80,
    HTTPSPort: 443,
    OriginProtocolPolicy: "https-only",
    OriginSslProtocols: { Quantity: 1, Items: ["TLSv1.2"] },
  },
  OriginAccessControlId: "",
};
export const ACM_CERTIFICATE = {
  CloudFrontDefaultCertificate: false,
  ACMCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/1`,
  SSLSupportMethod: "sni-only" as const,
  MinimumProtocolVersion: "TLSv1.2_2021" as const,
  CertificateSource: "acm" as const,
};
/** A distribution as a careful owner configures it. */
export const SUMMARY: DistributionSummary = {
  Id: "E1ABCDEFGHIJKL",
  ARN: `arn:aws:cloudfront::${ACCOUNT}:distribution/E1ABCDEFGHIJKL`,
  Status: "Deployed",
  LastModifiedTime: new Date("2025-05-01T00:00:00Z"),
  DomainName: "d111111abcdef8.cloudfront.net",
  Aliases: { Quantity: 1, Items: ["cdn.example.com"] },
  Origins: { Quantity: 2, Items: [S3_ORIGIN, API_ORIGIN] },
  OriginGroups: {
    Quantity: 1,
    Items: [
      {
        Id: "failover",
        FailoverCriteria: { StatusCodes: { Quantity: 2, Items: [500, 503] } },
        Members: { Quantity: 2, Items: [{ OriginId: "s3-site" }, { OriginId: "api" }] },
      },
    ],
  },
  DefaultCacheBehavior: { TargetOriginId: "failover", ViewerProtocolPolicy: "redirect-to-https" },
  CacheBehaviors: {
    Quantity: 1,
    Items: [{ PathPattern: "/api/*", TargetOriginId: "api", ViewerProtocolPolicy: "https-only" }],
  },
  CustomErrorResponses: { Quantity: 0 },
  Comment: "",
  PriceClass: "PriceClass_100",
  Enabled: true,
  ViewerCertificate: ACM_CERTIFICATE,
  Restrictions: { GeoRestriction: { RestrictionType: "none", Quantity: 0 } },
  WebACLId: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/edge/1`,
  HttpVersion: "http2",
  IsIPV6Enabled: true,
  Staging: false,
};
export const CONFIG: DistributionConfig = {
  CallerReference: "site-1",
  DefaultRootObject: "index.html",
  Origins: SUMMARY.Origins,
  DefaultCacheBehavior: SUMMARY.DefaultCacheBehavior,
  Comment: "",
  Enabled: true,
  Logging: { Enabled: true, IncludeCookies: false, Bucket: "cf-logs.s3.amazonaws.com", Prefix: "site/" },
};
export const distribution = (
  over: Partial<DistributionSummary> = {},
  config: Partial<DistributionConfig> = {},
) =>
  cloudFrontDistributionAsset(
    WHERE,
    { ...SUMMARY, ...over },
    {
      ok: true,
      value: {
        ETag: "E2QWRUHAPOMQZL",
        DistributionConfig: { ...CONFIG, ...config },
      } satisfies GetDistributionConfigResult,
    },
  );
export const withOrigins = (...origins: Origin[]) =>
  distribution({ Origins: { Quantity: origins.length, Items: origins }, OriginGroups: { Quantity: 0 } });
export const api = (config: NonNullable<Origin["CustomOriginConfig"]>): Origin => ({
  ...API_ORIGIN,
  CustomOriginConfig: config,
});
export const DEFAULT_CERTIFICATE = {
  CloudFrontDefaultCertificate: true,
  SSLSupportMethod: "vip" as const,
  MinimumProtocolVersion: "TLSv1" as const,
  CertificateSource: "cloudfront" as const,
};
