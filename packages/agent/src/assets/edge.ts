import * as z from "zod";
import { assetSchemaOf, isoDate } from "./base.ts";

/**
 * A CloudFront distribution (global): its summary from `ListDistributions` (origins, cache
 * behaviors, viewer certificate, web ACL) and `GetDistributionConfig` for what the summary lacks
 * (default root object, standard logging).
 */
export const cloudFrontDistributionSchema = assetSchemaOf("aws.cloudfront.distribution", () =>
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

/**
 * An API Gateway REST API (`GetRestApis`) with its stages (`GetStages`): per stage what FSBP asks
 * of it.
 */
export const apiGatewayRestApiSchema = assetSchemaOf("aws.apigateway.rest-api", () =>
  z.object({
    restApiId: z.string(),
    /** `endpointConfiguration.types`: `EDGE`, `REGIONAL` or `PRIVATE`. */
    endpointTypes: z.array(z.string()),
    stages: z.array(
      z.object({
        stageName: z.string(),
        /** `loggingLevel` of the method settings for all resources and methods: `OFF`, `ERROR` or `INFO`; `null` when unset. */
        loggingLevel: z.string().nullable(),
        clientCertificateId: z.string().nullable(),
        tracingEnabled: z.boolean(),
        webAclArn: z.string().nullable(),
        /** Method settings (any path) that cache responses, and whether each encrypts its cache. */
        cachedMethods: z.array(z.object({ key: z.string(), cacheDataEncrypted: z.boolean() })),
      }),
    ),
  }),
);

/** An API Gateway HTTP or WebSocket API (`GetApis`) with its stages (`GetStages`) and routes (`GetRoutes`). */
export const apiGatewayV2ApiSchema = assetSchemaOf("aws.apigatewayv2.api", () =>
  z.object({
    apiId: z.string(),
    /** `HTTP` or `WEBSOCKET`. */
    protocolType: z.string(),
    stages: z.array(
      z.object({
        stageName: z.string(),
        /** `AccessLogSettings.DestinationArn`, `null` when access logging is off. */
        accessLogDestination: z.string().nullable(),
        /** `DefaultRouteSettings.LoggingLevel` (WebSocket APIs): `OFF`, `ERROR` or `INFO`; `null` when unset. */
        loggingLevel: z.string().nullable(),
      }),
    ),
    routes: z.array(z.object({ routeKey: z.string(), authorizationType: z.string() })),
  }),
);

/** An ACM certificate (`ListCertificates` summary, every key type) and its `DescribeCertificate` options. */
export const acmCertificateSchema = assetSchemaOf("aws.acm.certificate", () =>
  z.object({
    domainName: z.string(),
    /** `AMAZON_ISSUED`, `IMPORTED` or `PRIVATE`. */
    certificateType: z.string(),
    /** `ISSUED`, `EXPIRED`, `PENDING_VALIDATION`, `INACTIVE`, `REVOKED`, `FAILED`, `VALIDATION_TIMED_OUT`. */
    status: z.string(),
    /** `RSA_1024`, `RSA_2048`, …, `EC_prime256v1`, …. */
    keyAlgorithm: z.string(),
    notAfter: isoDate.nullable(),
    inUse: z.boolean(),
    /** `Options.CertificateTransparencyLoggingPreference` is `ENABLED` (AWS's default when unset). */
    transparencyLogging: z.boolean(),
  }),
);

/**
 * An AWS WAF (v2) web ACL: regional ones per region, CloudFront ones (`global`) from us-east-1.
 * `ListWebACLs`, then `GetWebACL` for its rules and `GetLoggingConfiguration` (none configured is
 * `WAFNonexistentItemException`: logging off).
 */
export const wafv2WebAclSchema = assetSchemaOf("aws.wafv2.web-acl", () =>
  z.object({
    webAclId: z.string(),
    /** `REGIONAL` or `CLOUDFRONT`. */
    scope: z.string(),
    /** Rules and rule groups, with whether each sends CloudWatch metrics. */
    rules: z.array(z.object({ name: z.string(), cloudWatchMetricsEnabled: z.boolean() })),
    /** The web ACL's own `VisibilityConfig.CloudWatchMetricsEnabled`. */
    cloudWatchMetricsEnabled: z.boolean(),
    loggingEnabled: z.boolean(),
  }),
);
