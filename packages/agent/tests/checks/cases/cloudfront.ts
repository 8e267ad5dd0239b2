import type {
  DistributionConfig,
  DistributionSummary,
  GetDistributionConfigResult,
  Origin,
} from "@aws-sdk/client-cloudfront";
import { cloudFrontDistributionAsset } from "../../../src/collectors/cloudfront.ts";
import { ACCOUNT } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

/** Distributions built through the collector's own mapper from AWS's answers (as the SDK returns them). */
const WHERE = { partition: "aws", accountId: ACCOUNT };

const S3_ORIGIN: Origin = {
  Id: "s3-site",
  DomainName: "site-bucket.s3.us-east-1.amazonaws.com",
  OriginPath: "",
  CustomHeaders: { Quantity: 0 },
  S3OriginConfig: { OriginAccessIdentity: "" },
  OriginAccessControlId: "E2QWRUHAPOMQZL",
};
const API_ORIGIN: Origin = {
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
const ACM_CERTIFICATE = {
  CloudFrontDefaultCertificate: false,
  ACMCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/1`,
  SSLSupportMethod: "sni-only" as const,
  MinimumProtocolVersion: "TLSv1.2_2021" as const,
  CertificateSource: "acm" as const,
};

/** A distribution as a careful owner configures it. */
const SUMMARY: DistributionSummary = {
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
const CONFIG: DistributionConfig = {
  CallerReference: "site-1",
  DefaultRootObject: "index.html",
  Origins: SUMMARY.Origins,
  DefaultCacheBehavior: SUMMARY.DefaultCacheBehavior,
  Comment: "",
  Enabled: true,
  Logging: { Enabled: true, IncludeCookies: false, Bucket: "cf-logs.s3.amazonaws.com", Prefix: "site/" },
};

const distribution = (over: Partial<DistributionSummary> = {}, config: Partial<DistributionConfig> = {}) =>
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
const withOrigins = (...origins: Origin[]) =>
  distribution({ Origins: { Quantity: origins.length, Items: origins }, OriginGroups: { Quantity: 0 } });
const api = (config: NonNullable<Origin["CustomOriginConfig"]>): Origin => ({
  ...API_ORIGIN,
  CustomOriginConfig: config,
});
const DEFAULT_CERTIFICATE = {
  CloudFrontDefaultCertificate: true,
  SSLSupportMethod: "vip" as const,
  MinimumProtocolVersion: "TLSv1" as const,
  CertificateSource: "cloudfront" as const,
};

export const cloudfrontCases: CheckCase[] = [
  {
    check: "vigil.cloudfront.default-root-object",
    name: "index.html",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.default-root-object",
    name: "empty",
    asset: distribution({}, { DefaultRootObject: "" }),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.viewer-https-required",
    name: "redirect and https-only",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.viewer-https-required",
    name: "a behavior allows all",
    asset: distribution({
      CacheBehaviors: {
        Quantity: 1,
        Items: [{ PathPattern: "/img/*", TargetOriginId: "s3-site", ViewerProtocolPolicy: "allow-all" }],
      },
    }),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.origin-failover-configured",
    name: "two-origin group",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.origin-failover-configured",
    name: "no group",
    asset: withOrigins(S3_ORIGIN),
    expect: "fail",
  },
  { check: "vigil.cloudfront.logging-enabled", name: "on", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.logging-enabled",
    name: "off",
    asset: distribution({}, { Logging: { Enabled: false, IncludeCookies: false, Bucket: "", Prefix: "" } }),
    expect: "fail",
  },
  { check: "vigil.cloudfront.waf-enabled", name: "web ACL", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.waf-enabled",
    name: "empty WebACLId",
    asset: distribution({ WebACLId: "" }),
    expect: "fail",
  },
  { check: "vigil.cloudfront.custom-certificate", name: "ACM", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.custom-certificate",
    name: "default certificate",
    asset: distribution({ ViewerCertificate: DEFAULT_CERTIFICATE }),
    expect: "fail",
  },
  { check: "vigil.cloudfront.sni-enabled", name: "sni-only", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.sni-enabled",
    name: "dedicated IP",
    asset: distribution({ ViewerCertificate: { ...ACM_CERTIFICATE, SSLSupportMethod: "vip" } }),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.sni-enabled",
    name: "default certificate",
    asset: distribution({ ViewerCertificate: DEFAULT_CERTIFICATE }),
    expect: "n/a",
  },
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "https-only",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "http-only",
    asset: withOrigins(api({ HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: "http-only" })),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "match-viewer while viewers may use HTTP",
    asset: distribution({
      Origins: {
        Quantity: 1,
        Items: [api({ HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: "match-viewer" })],
      },
      DefaultCacheBehavior: { TargetOriginId: "api", ViewerProtocolPolicy: "allow-all" },
    }),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "match-viewer behind HTTPS viewers",
    asset: withOrigins(api({ HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: "match-viewer" })),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "S3 only",
    asset: withOrigins(S3_ORIGIN),
    expect: "n/a",
  },
  {
    check: "vigil.cloudfront.origin-no-deprecated-ssl",
    name: "TLSv1.2",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.origin-no-deprecated-ssl",
    name: "SSLv3",
    asset: withOrigins(
      api({
        HTTPPort: 80,
        HTTPSPort: 443,
        OriginProtocolPolicy: "https-only",
        OriginSslProtocols: { Quantity: 2, Items: ["SSLv3", "TLSv1"] },
      }),
    ),
    expect: "fail",
  },
  { check: "vigil.cloudfront.s3-origin-access-control", name: "OAC", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.s3-origin-access-control",
    name: "legacy OAI",
    asset: withOrigins({
      ...S3_ORIGIN,
      S3OriginConfig: { OriginAccessIdentity: "origin-access-identity/cloudfront/E74FTE3AEXAMPLE" },
      OriginAccessControlId: "",
    }),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.s3-origin-access-control",
    name: "custom only",
    asset: withOrigins(API_ORIGIN),
    expect: "n/a",
  },
];
