/**
 * The services added with the breadth of the check catalogue (issue 14), each generated from a
 * random stream of its own (`<seed>:<service>`), so that adding one changes nothing else a seed made.
 * Every setting a check decides from is misconfigured at the account's rate.
 */
import type { Random } from "./prng.ts";

type Json = Record<string, unknown>;
type Put = (key: string, value: unknown) => void;

export interface ServiceGenerationOptions {
  /** The service's own stream. */
  readonly rng: Random;
  readonly rate: number;
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly asOf: number;
  /** The files generated so far (VPCs to place load balancers in, buckets for origins, ...). */
  readonly files: ReadonlyMap<string, unknown>;
}

const DAY = 86_400_000;

function helpers(o: ServiceGenerationOptions) {
  const { rng } = o;
  return {
    bad: () => rng.chance(o.rate),
    iso: (days: number) => new Date(o.asOf - days * DAY).toISOString().replace(".000Z", "Z"),
    vpcOf: (region: string) =>
      String(
        ((o.files.get(`${region}/ec2/describe-vpcs`) as { Vpcs?: Json[] } | undefined)?.Vpcs ?? [])[0]
          ?.VpcId ?? `vpc-0${rng.hex(16)}`,
      ),
  };
}

/** ELB's security policies: ones that still accept TLS 1.0/1.1, and ones that do not. */
const WEAK_POLICIES = ["ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS13-1-1-2021-06"];
const STRONG_POLICIES = ["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-FS-1-2-Res-2020-10"];

/**
 * Per region: two Application Load Balancers (an HTTP listener that redirects or not, an HTTPS
 * listener), a Network Load Balancer with a TLS listener, and two Classic Load Balancers.
 */
export function generateLoadBalancers(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso, vpcOf } = helpers(o);
  for (const region of o.regions) {
    const vpc = vpcOf(region);
    const zones = (n: number) => ["a", "b", "c"].slice(0, n).map((z) => `${region}${z}`);
    const subnet = () => `subnet-0${rng.hex(16)}`;
    const loadBalancers: Json[] = [];
    const elbv2 = (name: string, type: "application" | "network", listeners: Json[], attributes: Json[]) => {
      const kind = type === "application" ? "app" : "net";
      const id = rng.hex(16);
      const arn = `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/${kind}/${name}/${id}`;
      const azs = zones(bad() ? 1 : 2);
      loadBalancers.push({
        LoadBalancerArn: arn,
        DNSName: `${name}-${rng.int(100000000, 999999999)}.${region}.elb.amazonaws.com`,
        CanonicalHostedZoneId: "Z35SXDOTRQ7X7K",
        CreatedTime: iso(rng.int(30, 600)),
        LoadBalancerName: name,
        Scheme: rng.chance(0.7) ? "internet-facing" : "internal",
        VpcId: vpc,
        State: { Code: "active" },
        Type: type,
        AvailabilityZones: azs.map((ZoneName) => ({ ZoneName, SubnetId: subnet() })),
        ...(type === "application" ? { SecurityGroups: [`sg-0${rng.hex(16)}`] } : {}),
        IpAddressType: "ipv4",
      });
      const targetGroup = `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/${name}-tg/${rng.hex(16)}`;
      put(`${region}/elbv2/describe-listeners/${name}`, {
        Listeners: listeners.map((l) => ({
          ListenerArn: `arn:aws:elasticloadbalancing:${region}:${accountId}:listener/${kind}/${name}/${id}/${rng.hex(16)}`,
          LoadBalancerArn: arn,
          ...l,
          DefaultActions: (l.DefaultActions as Json[] | undefined) ?? [
            { Type: "forward", TargetGroupArn: targetGroup, Order: 1 },
          ],
        })),
      });
      put(`${region}/elbv2/describe-load-balancer-attributes/${name}`, { Attributes: attributes });
    };
    const certificate = `arn:aws:acm:${region}:${accountId}:certificate/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
    const tls = () => ({
      Certificates: [{ CertificateArn: certificate }],
      SslPolicy: bad() ? rng.pick(WEAK_POLICIES) : rng.pick(STRONG_POLICIES),
    });
    for (const i of [0, 1]) {
      const http: Json = { Port: 80, Protocol: "HTTP" };
      if (!bad())
        http.DefaultActions = [
          {
            Type: "redirect",
            Order: 1,
            RedirectConfig: {
              Protocol: "HTTPS",
              Port: "443",
              Host: "#{host}",
              Path: "/#{path}",
              Query: "#{query}",
              StatusCode: "HTTP_301",
            },
          },
        ];
      const flag = (on: boolean) => (on ? "true" : "false");
      elbv2(
        `sim-alb-${i}`,
        "application",
        [http, { Port: 443, Protocol: "HTTPS", ...tls() }],
        [
          { Key: "access_logs.s3.enabled", Value: flag(!bad()) },
          { Key: "access_logs.s3.bucket", Value: `sim-elb-logs-${accountId}` },
          { Key: "access_logs.s3.prefix", Value: "" },
          { Key: "deletion_protection.enabled", Value: flag(!bad()) },
          { Key: "idle_timeout.timeout_seconds", Value: "60" },
          {
            Key: "routing.http.desync_mitigation_mode",
            Value: bad() ? "monitor" : rng.pick(["defensive", "strictest"]),
          },
          { Key: "routing.http.drop_invalid_header_fields.enabled", Value: flag(!bad()) },
          { Key: "routing.http2.enabled", Value: "true" },
        ],
      );
    }
    elbv2(
      "sim-nlb-0",
      "network",
      [{ Port: 443, Protocol: "TLS", ...tls() }],
      [
        { Key: "access_logs.s3.enabled", Value: "false" },
        { Key: "deletion_protection.enabled", Value: "false" },
        { Key: "load_balancing.cross_zone.enabled", Value: "false" },
      ],
    );
    put(`${region}/elbv2/describe-load-balancers`, { LoadBalancers: loadBalancers });

    const classic: Json[] = [];
    for (const i of [0, 1]) {
      const name = `sim-clb-${i}`;
      // The first always terminates TLS (with an ACM or an IAM certificate); the second may not.
      const secure = i === 0 || !bad();
      const iamCertificate = `arn:aws:iam::${accountId}:server-certificate/sim-cert-0`;
      classic.push({
        LoadBalancerName: name,
        DNSName: `${name}-${rng.int(100000000, 999999999)}.${region}.elb.amazonaws.com`,
        CanonicalHostedZoneName: `${name}-${rng.int(100000000, 999999999)}.${region}.elb.amazonaws.com`,
        CanonicalHostedZoneNameID: "Z35SXDOTRQ7X7K",
        ListenerDescriptions: [
          {
            Listener: secure
              ? {
                  Protocol: "HTTPS",
                  LoadBalancerPort: 443,
                  InstanceProtocol: "HTTP",
                  InstancePort: 80,
                  SSLCertificateId: bad() ? iamCertificate : certificate,
                }
              : { Protocol: "HTTP", LoadBalancerPort: 80, InstanceProtocol: "HTTP", InstancePort: 80 },
            PolicyNames: secure ? ["ELBSecurityPolicy-2016-08"] : [],
          },
        ],
        Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: [] },
        BackendServerDescriptions: [],
        AvailabilityZones: zones(bad() ? 1 : 2),
        Subnets: [subnet()],
        VPCId: vpc,
        Instances: [],
        HealthCheck: {
          Target: "HTTP:80/",
          Interval: 30,
          Timeout: 5,
          UnhealthyThreshold: 2,
          HealthyThreshold: 10,
        },
        SourceSecurityGroup: { OwnerAlias: accountId, GroupName: "default" },
        SecurityGroups: [`sg-0${rng.hex(16)}`],
        CreatedTime: iso(rng.int(300, 2000)),
        Scheme: "internet-facing",
      });
      put(`${region}/elb/describe-load-balancer-attributes/${name}`, {
        LoadBalancerAttributes: {
          CrossZoneLoadBalancing: { Enabled: !bad() },
          AccessLog: { Enabled: !bad() },
          ConnectionDraining: { Enabled: !bad(), Timeout: 300 },
          ConnectionSettings: { IdleTimeout: 60 },
          AdditionalAttributes: [
            { Key: "elb.http.desyncmitigationmode", Value: bad() ? "monitor" : "defensive" },
          ],
        },
      });
    }
    put(`${region}/elb/describe-load-balancers`, { LoadBalancerDescriptions: classic });
  }
}

/**
 * Global: four CloudFront distributions — an S3 site, two behind custom origins (a load balancer,
 * an API), and one with both in an origin group — each with its `get-distribution-config`.
 */
export function generateDistributions(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso } = helpers(o);
  const home = o.regions[0] ?? "us-east-1";
  const s3Origin = (name: string): Json => ({
    Id: `s3-${name}`,
    DomainName: `sim-site-${name}-${accountId}.s3.${home}.amazonaws.com`,
    OriginPath: "",
    CustomHeaders: { Quantity: 0 },
    S3OriginConfig: { OriginAccessIdentity: "" },
    ConnectionAttempts: 3,
    ConnectionTimeout: 10,
    OriginShield: { Enabled: false },
    OriginAccessControlId: bad() ? "" : `E${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13)}`,
  });
  const customOrigin = (name: string, domain: string): Json => {
    const plain = bad();
    return {
      Id: `custom-${name}`,
      DomainName: domain,
      OriginPath: "",
      CustomHeaders: { Quantity: 0 },
      CustomOriginConfig: {
        HTTPPort: 80,
        HTTPSPort: 443,
        OriginProtocolPolicy: plain ? rng.pick(["http-only", "match-viewer"]) : "https-only",
        OriginSslProtocols: bad()
          ? { Quantity: 2, Items: ["SSLv3", "TLSv1"] }
          : { Quantity: 1, Items: ["TLSv1.2"] },
        OriginReadTimeout: 30,
        OriginKeepaliveTimeout: 5,
      },
      ConnectionAttempts: 3,
      ConnectionTimeout: 10,
      OriginShield: { Enabled: false },
      OriginAccessControlId: "",
    };
  };
  const shapes: Json[][] = [
    [s3Origin("www")],
    [customOrigin("alb", `sim-alb-0-${rng.int(100000000, 999999999)}.${home}.elb.amazonaws.com`)],
    [customOrigin("api", `api.sim-${accountId}.example.com`), s3Origin("fallback")],
    [s3Origin("assets"), customOrigin("fallback", `fallback.sim-${accountId}.example.com`)],
  ];
  const items = shapes.map((origins, i) => {
    const id = `E${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13)}`;
    const domain = `d${rng.chars("abcdefghijklmnopqrstuvwxyz0123456789", 13)}.cloudfront.net`;
    // The two behind custom origins always serve their own domain; the others may not.
    const custom = i === 1 || i === 2 || !bad();
    const viewerCertificate = custom
      ? {
          CloudFrontDefaultCertificate: false,
          ACMCertificateArn: `arn:aws:acm:us-east-1:${accountId}:certificate/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
          SSLSupportMethod: bad() ? "vip" : "sni-only",
          // The third keeps an older policy (no rng draw: the other distributions stay as they were).
          MinimumProtocolVersion: i === 2 ? "TLSv1.2_2019" : "TLSv1.2_2021",
          CertificateSource: "acm",
        }
      : {
          CloudFrontDefaultCertificate: true,
          SSLSupportMethod: "vip",
          MinimumProtocolVersion: "TLSv1",
          CertificateSource: "cloudfront",
        };
    const groups =
      origins.length > 1 && !bad()
        ? {
            Quantity: 1,
            Items: [
              {
                Id: "failover",
                FailoverCriteria: { StatusCodes: { Quantity: 4, Items: [500, 502, 503, 504] } },
                Members: { Quantity: origins.length, Items: origins.map((x) => ({ OriginId: x.Id })) },
              },
            ],
          }
        : { Quantity: 0 };
    const shared: Json = {
      Aliases: custom ? { Quantity: 1, Items: [`cdn${i}.sim-${accountId}.example.com`] } : { Quantity: 0 },
      Origins: { Quantity: origins.length, Items: origins },
      OriginGroups: groups,
      DefaultCacheBehavior: {
        TargetOriginId: groups.Quantity === 1 ? "failover" : origins[0]?.Id,
        TrustedSigners: { Enabled: false, Quantity: 0 },
        TrustedKeyGroups: { Enabled: false, Quantity: 0 },
        ViewerProtocolPolicy: bad() ? "allow-all" : rng.pick(["redirect-to-https", "https-only"]),
        Compress: true,
        CachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
      },
      CacheBehaviors: { Quantity: 0 },
      CustomErrorResponses: { Quantity: 0 },
      Comment: `sim distribution ${i}`,
      PriceClass: "PriceClass_100",
      Enabled: true,
      ViewerCertificate: viewerCertificate,
      Restrictions: { GeoRestriction: { RestrictionType: "none", Quantity: 0 } },
      WebACLId: bad()
        ? ""
        : `arn:aws:wafv2:us-east-1:${accountId}:global/webacl/sim-edge/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
      HttpVersion: "http2",
      IsIPV6Enabled: true,
      Staging: false,
    };
    put(`global/cloudfront/get-distribution-config/${id}`, {
      ETag: `E${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13)}`,
      DistributionConfig: {
        CallerReference: `sim-${i}-${rng.hex(8)}`,
        DefaultRootObject: bad() ? "" : "index.html",
        Logging: bad()
          ? { Enabled: false, IncludeCookies: false, Bucket: "", Prefix: "" }
          : {
              Enabled: true,
              IncludeCookies: false,
              Bucket: `sim-cf-logs-${accountId}.s3.amazonaws.com`,
              Prefix: `cf/${i}/`,
            },
        ...shared,
      },
    });
    return {
      Id: id,
      ARN: `arn:aws:cloudfront::${accountId}:distribution/${id}`,
      Status: "Deployed",
      LastModifiedTime: iso(rng.int(1, 300)),
      DomainName: domain,
      ...shared,
    };
  });
  put("global/cloudfront/list-distributions", {
    DistributionList: { Marker: "", MaxItems: 100, IsTruncated: false, Quantity: items.length, Items: items },
  });
}

/**
 * Per region: two REST APIs (the first caching responses, the second with a second stage) and
 * an HTTP API and a WebSocket API with their stages and routes.
 */
export function generateApis(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso } = helpers(o);
  const alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (const region of o.regions) {
    const logGroup = (name: string) =>
      `arn:aws:logs:${region}:${accountId}:log-group:/aws/apigateway/${name}`;
    const restApis = [0, 1].map((i) => {
      const id = rng.chars(alnum, 10);
      const stages = (i === 0 ? ["prod"] : ["prod", "dev"]).map((stageName) => {
        const caching = i === 0;
        const loggingLevel = bad() ? rng.pick(["OFF", undefined]) : rng.pick(["ERROR", "INFO"]);
        const clientCertificate = !bad();
        const web = !bad();
        return {
          deploymentId: rng.chars(alnum, 6),
          stageName,
          cacheClusterEnabled: caching,
          ...(caching ? { cacheClusterSize: "0.5", cacheClusterStatus: "AVAILABLE" } : {}),
          methodSettings: {
            "*/*": {
              metricsEnabled: false,
              ...(loggingLevel ? { loggingLevel } : {}),
              dataTraceEnabled: false,
              throttlingBurstLimit: 5000,
              throttlingRateLimit: 10000,
              cachingEnabled: caching,
              cacheTtlInSeconds: 300,
              cacheDataEncrypted: caching && !bad(),
              requireAuthorizationForCacheControl: true,
              unauthorizedCacheControlHeaderStrategy: "SUCCEED_WITH_RESPONSE_HEADER",
            },
          },
          tracingEnabled: !bad(),
          ...(clientCertificate ? { clientCertificateId: rng.chars(alnum, 6) } : {}),
          ...(web
            ? {
                webAclArn: `arn:aws:wafv2:${region}:${accountId}:regional/webacl/sim-api/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
              }
            : {}),
          createdDate: iso(rng.int(30, 600)),
          lastUpdatedDate: iso(rng.int(1, 30)),
        };
      });
      put(`${region}/apigateway/get-stages/${id}`, { item: stages });
      return {
        id,
        name: `sim-rest-${i}`,
        createdDate: iso(rng.int(30, 900)),
        apiKeySource: "HEADER",
        endpointConfiguration: { types: [rng.pick(["REGIONAL", "EDGE", "PRIVATE"])] },
        disableExecuteApiEndpoint: false,
        tags: {},
      };
    });
    put(`${region}/apigateway/get-rest-apis`, { items: restApis });

    const v2 = (["HTTP", "WEBSOCKET"] as const).map((protocol, i) => {
      const id = rng.chars(alnum, 10);
      const name = `sim-${protocol.toLowerCase()}-${i}`;
      const logging = !bad();
      put(`${region}/apigatewayv2/get-stages/${id}`, {
        Items: [
          {
            StageName: protocol === "HTTP" ? "$default" : "production",
            AutoDeploy: protocol === "HTTP",
            CreatedDate: iso(rng.int(30, 600)),
            DefaultRouteSettings: {
              DetailedMetricsEnabled: false,
              ...(protocol === "WEBSOCKET"
                ? { DataTraceEnabled: false, LoggingLevel: bad() ? "OFF" : "ERROR" }
                : {}),
            },
            RouteSettings: {},
            StageVariables: {},
            Tags: {},
            ...(logging
              ? {
                  AccessLogSettings: {
                    DestinationArn: logGroup(name),
                    Format: "$context.requestId $context.identity.sourceIp $context.status",
                  },
                }
              : {}),
          },
        ],
      });
      const keys =
        protocol === "HTTP" ? ["GET /items", "POST /items"] : ["$connect", "$disconnect", "sendMessage"];
      put(`${region}/apigatewayv2/get-routes/${id}`, {
        Items: keys.map((RouteKey) => ({
          ApiKeyRequired: false,
          AuthorizationType:
            RouteKey === "$disconnect" || RouteKey === "sendMessage"
              ? "NONE"
              : bad()
                ? "NONE"
                : protocol === "HTTP"
                  ? "JWT"
                  : "AWS_IAM",
          RouteId: rng.chars(alnum, 7),
          RouteKey,
          Target: `integrations/${rng.chars(alnum, 7)}`,
        })),
      });
      return {
        ApiEndpoint:
          protocol === "HTTP"
            ? `https://${id}.execute-api.${region}.amazonaws.com`
            : `wss://${id}.execute-api.${region}.amazonaws.com`,
        ApiId: id,
        ApiKeySelectionExpression: "$request.header.x-api-key",
        CreatedDate: iso(rng.int(30, 900)),
        DisableExecuteApiEndpoint: false,
        Name: name,
        ProtocolType: protocol,
        RouteSelectionExpression:
          protocol === "HTTP" ? "$request.method $request.path" : "$request.body.action",
        Tags: {},
      };
    });
    put(`${region}/apigatewayv2/get-apis`, { Items: v2 });
  }
}

/**
 * Per region: an ACM-issued RSA certificate in use, an imported RSA certificate and an ACM-issued
 * EC certificate (listed only when every key type is asked for), each with its description.
 */
export function generateCertificates(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso } = helpers(o);
  const uuid = () => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
  for (const region of o.regions) {
    const certificates = (
      [
        ["AMAZON_ISSUED", "RSA_2048"],
        ["IMPORTED", "RSA_2048"],
        ["AMAZON_ISSUED", "EC_prime256v1"],
      ] as const
    ).map(([type, algorithm], i) => {
      const id = uuid();
      const arn = `arn:aws:acm:${region}:${accountId}:certificate/${id}`;
      const domain = `${["www", "legacy", "api"][i]}.sim-${accountId}.example.com`;
      const keyAlgorithm = type === "IMPORTED" && bad() ? "RSA_1024" : algorithm;
      // Expiring within the 30 days of ACM.1, or already expired, at the account's rate.
      const left = bad() ? rng.pick([10, -5]) : rng.int(60, 390);
      const status = left < 0 ? "EXPIRED" : "ISSUED";
      const issued = iso(400 - left);
      const summary = {
        CertificateArn: arn,
        DomainName: domain,
        SubjectAlternativeNameSummaries: [domain],
        HasAdditionalSubjectAlternativeNames: false,
        Status: status,
        Type: type,
        KeyAlgorithm: keyAlgorithm,
        KeyUsages: ["DIGITAL_SIGNATURE", "KEY_ENCIPHERMENT"],
        ExtendedKeyUsages: ["TLS_WEB_SERVER_AUTHENTICATION", "TLS_WEB_CLIENT_AUTHENTICATION"],
        InUse: i === 0 || rng.chance(0.5),
        RenewalEligibility: type === "AMAZON_ISSUED" ? "ELIGIBLE" : "INELIGIBLE",
        NotBefore: issued,
        NotAfter: iso(-left),
        CreatedAt: issued,
        ...(type === "IMPORTED" ? { ImportedAt: issued } : { IssuedAt: issued }),
      };
      put(`${region}/acm/describe-certificate/${id}`, {
        Certificate: {
          CertificateArn: arn,
          DomainName: domain,
          SubjectAlternativeNames: [domain],
          Serial: Array.from({ length: 16 }, () => rng.hex(2)).join(":"),
          Subject: `CN=${domain}`,
          Issuer: type === "IMPORTED" ? "Sim Legacy CA" : "Amazon",
          CreatedAt: issued,
          ...(type === "IMPORTED" ? { ImportedAt: issued } : { IssuedAt: issued }),
          Status: status,
          NotBefore: issued,
          NotAfter: iso(-left),
          KeyAlgorithm: keyAlgorithm,
          SignatureAlgorithm: keyAlgorithm.startsWith("EC") ? "SHA256WITHECDSA" : "SHA256WITHRSA",
          InUseBy: summary.InUse
            ? [`arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/app/sim-alb-0/0`]
            : [],
          Type: type,
          KeyUsages: [{ Name: "DIGITAL_SIGNATURE" }, { Name: "KEY_ENCIPHERMENT" }],
          ExtendedKeyUsages: [{ Name: "TLS_WEB_SERVER_AUTHENTICATION", OID: "1.3.6.1.5.5.7.3.1" }],
          RenewalEligibility: summary.RenewalEligibility,
          Options: {
            CertificateTransparencyLoggingPreference:
              type === "AMAZON_ISSUED" && bad() ? "DISABLED" : "ENABLED",
          },
        },
      });
      return summary;
    });
    put(`${region}/acm/list-certificates`, { CertificateSummaryList: certificates });
  }
}

/**
 * Regional web ACLs per region (one for the load balancers, one for the APIs) and two CloudFront
 * web ACLs (global), each with its rules; logging configured or not.
 */
export function generateWebAcls(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad } = helpers(o);
  const uuid = () => `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
  const visibility = (name: string, metrics: boolean) => ({
    SampledRequestsEnabled: true,
    CloudWatchMetricsEnabled: metrics,
    MetricName: name,
  });
  const generate = (scope: string, names: string[], region: string) => {
    const global = scope === "global";
    const arnRegion = global ? "us-east-1" : region;
    const summaries = names.map((name) => {
      const id = uuid();
      const arn = `arn:aws:wafv2:${arnRegion}:${accountId}:${global ? "global" : "regional"}/webacl/${name}/${id}`;
      const rules = bad()
        ? []
        : ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"].map((group, priority) => ({
            Name: group,
            Priority: priority,
            Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: group } },
            OverrideAction: { None: {} },
            VisibilityConfig: visibility(group, !bad()),
          }));
      const lockToken = uuid();
      put(`${scope}/wafv2/get-web-acl/${id}`, {
        WebACL: {
          Name: name,
          Id: id,
          ARN: arn,
          DefaultAction: { Allow: {} },
          Description: "",
          Rules: rules,
          VisibilityConfig: visibility(name, !bad()),
          Capacity: rules.length * 700,
          ManagedByFirewallManager: false,
          LabelNamespace: `awswaf:${accountId}:webacl:${name}:`,
        },
        LockToken: lockToken,
      });
      if (!bad())
        put(`${scope}/wafv2/get-logging-configuration/${id}`, {
          LoggingConfiguration: {
            ResourceArn: arn,
            LogDestinationConfigs: [`arn:aws:logs:${arnRegion}:${accountId}:log-group:aws-waf-logs-${name}`],
            ManagedByFirewallManager: false,
          },
        });
      return { Name: name, Id: id, Description: "", LockToken: lockToken, ARN: arn };
    });
    put(`${scope}/wafv2/list-web-acls`, { WebACLs: summaries });
  };
  for (const region of o.regions) generate(region, ["sim-alb", "sim-api"], region);
  generate("global", ["sim-edge", "sim-edge-static"], "us-east-1");
}

/** The services FSBP wants an interface endpoint for in every VPC (EC2.10, EC2.55–EC2.60). */
const ENDPOINT_SERVICES = ["ec2", "ecr.api", "ecr.dkr", "ssm", "ssm-contacts", "ssm-incidents"];

/**
 * Per VPC: an S3 gateway endpoint, and an interface endpoint for each of FSBP's services, each
 * missing at `rate` (now and then rejected instead of missing).
 */
export function generateVpcEndpoints(
  put: (key: string, value: unknown) => void,
  o: ServiceGenerationOptions,
) {
  const { bad, iso } = helpers(o);
  const { rng, accountId } = o;
  for (const region of o.regions) {
    const vpcs = (o.files.get(`${region}/ec2/describe-vpcs`) as { Vpcs?: Json[] } | undefined)?.Vpcs ?? [];
    const endpoints: Json[] = [];
    for (const vpc of vpcs) {
      const vpcId = String(vpc.VpcId);
      const add = (service: string, type: "Interface" | "Gateway", state: string) =>
        endpoints.push({
          VpcEndpointId: `vpce-0${rng.hex(16)}`,
          VpcEndpointType: type,
          VpcId: vpcId,
          ServiceName: `com.amazonaws.${region}.${service}`,
          State: state,
          PolicyDocument: JSON.stringify({
            Version: "2008-10-17",
            Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
          }),
          RouteTableIds: type === "Gateway" ? [`rtb-0${rng.hex(16)}`] : [],
          SubnetIds: type === "Interface" ? [`subnet-0${rng.hex(16)}`, `subnet-0${rng.hex(16)}`] : [],
          Groups: type === "Interface" ? [{ GroupId: `sg-0${rng.hex(16)}`, GroupName: "endpoints" }] : [],
          IpAddressType: "ipv4",
          PrivateDnsEnabled: type === "Interface",
          RequesterManaged: false,
          NetworkInterfaceIds: type === "Interface" ? [`eni-0${rng.hex(16)}`] : [],
          DnsEntries: [],
          CreationTimestamp: iso(rng.int(10, 300)),
          Tags: [],
          OwnerId: accountId,
        });
      add("s3", "Gateway", "available");
      for (const service of ENDPOINT_SERVICES) {
        if (!bad()) add(service, "Interface", "available");
        else if (rng.chance(0.2)) add(service, "Interface", "rejected");
      }
    }
    put(`${region}/ec2/describe-vpc-endpoints`, { VpcEndpoints: endpoints });
  }
}

/**
 * Per VPC: a custom network ACL besides the default one (HTTPS in from the VPC, all else denied),
 * associated with one of the VPC's subnets, or with none at `rate` (an unused ACL).
 */
export function generateCustomNetworkAcls(
  put: (key: string, value: unknown) => void,
  o: ServiceGenerationOptions,
) {
  const { bad } = helpers(o);
  const { rng, accountId } = o;
  for (const region of o.regions) {
    const key = `${region}/ec2/describe-network-acls`;
    const acls = (o.files.get(key) as { NetworkAcls?: Json[] } | undefined)?.NetworkAcls ?? [];
    const vpcs = (o.files.get(`${region}/ec2/describe-vpcs`) as { Vpcs?: Json[] } | undefined)?.Vpcs ?? [];
    const custom = vpcs.map((vpc) => {
      const id = `acl-0${rng.hex(16)}`;
      const cidr = String(vpc.CidrBlock ?? "10.0.0.0/16");
      return {
        Associations: bad()
          ? []
          : [
              {
                NetworkAclAssociationId: `aclassoc-0${rng.hex(16)}`,
                NetworkAclId: id,
                SubnetId: `subnet-0${rng.hex(16)}`,
              },
            ],
        Entries: [
          { CidrBlock: "0.0.0.0/0", Egress: true, Protocol: "-1", RuleAction: "allow", RuleNumber: 100 },
          { CidrBlock: "0.0.0.0/0", Egress: true, Protocol: "-1", RuleAction: "deny", RuleNumber: 32767 },
          {
            CidrBlock: cidr,
            Egress: false,
            Protocol: "6",
            PortRange: { From: 443, To: 443 },
            RuleAction: "allow",
            RuleNumber: 100,
          },
          { CidrBlock: "0.0.0.0/0", Egress: false, Protocol: "-1", RuleAction: "deny", RuleNumber: 32767 },
        ],
        IsDefault: false,
        NetworkAclId: id,
        Tags: [{ Key: "Name", Value: "sim-app-acl" }],
        VpcId: vpc.VpcId,
        OwnerId: accountId,
      };
    });
    put(key, { NetworkAcls: [...acls, ...custom] });
  }
}

/**
 * Per region: the cache clusters behind the replication groups (one per member) and a standalone
 * Memcached cluster; automatic minor version upgrades off, or the default subnet group, at `rate`.
 */
export function generateCacheClusters(
  put: (key: string, value: unknown) => void,
  o: ServiceGenerationOptions,
) {
  const { bad, iso } = helpers(o);
  const { accountId } = o;
  for (const region of o.regions) {
    const groups =
      (
        o.files.get(`${region}/elasticache/describe-replication-groups`) as
          | { ReplicationGroups?: Json[] }
          | undefined
      )?.ReplicationGroups ?? [];
    const node = (
      id: string,
      engine: string,
      version: string,
      group: Json | undefined,
      zone: string,
    ): Json => ({
      CacheClusterId: id,
      ClientDownloadLandingPage: "https://console.aws.amazon.com/elasticache/home#client-download:",
      CacheNodeType: "cache.t4g.small",
      Engine: engine,
      EngineVersion: version,
      CacheClusterStatus: "available",
      NumCacheNodes: 1,
      PreferredAvailabilityZone: zone,
      CacheClusterCreateTime: iso(200),
      PreferredMaintenanceWindow: "sun:05:00-sun:06:00",
      PendingModifiedValues: {},
      CacheSecurityGroups: [],
      CacheParameterGroup: {
        CacheParameterGroupName: engine === "memcached" ? "default.memcached1.6" : "default.redis7",
        ParameterApplyStatus: "in-sync",
        CacheNodeIdsToReboot: [],
      },
      CacheSubnetGroupName: bad() ? "default" : "sim-cache-subnets",
      AutoMinorVersionUpgrade: !bad(),
      ...(group
        ? {
            ReplicationGroupId: group.ReplicationGroupId,
            SnapshotRetentionLimit: group.SnapshotRetentionLimit,
            SnapshotWindow: group.SnapshotWindow,
            AuthTokenEnabled: group.AuthTokenEnabled,
            TransitEncryptionEnabled: group.TransitEncryptionEnabled,
            AtRestEncryptionEnabled: group.AtRestEncryptionEnabled,
          }
        : { AuthTokenEnabled: false, TransitEncryptionEnabled: false, AtRestEncryptionEnabled: false }),
      ARN: `arn:aws:elasticache:${region}:${accountId}:cluster:${id}`,
      ReplicationGroupLogDeliveryEnabled: false,
      LogDeliveryConfigurations: [],
      NetworkType: "ipv4",
      IpDiscovery: "ipv4",
    });
    const clusters = groups.flatMap((g) =>
      ((g.MemberClusters as string[] | undefined) ?? []).map((m, i) =>
        node(m, "redis", "7.1.0", g, `${region}${"ab"[i % 2]}`),
      ),
    );
    clusters.push(node("sim-memcached", "memcached", "1.6.22", undefined, `${region}a`));
    put(`${region}/elasticache/describe-cache-clusters`, { CacheClusters: clusters });
  }
}

/**
 * Per VPC, two subnets in the region's first two zones. The default VPC's are default subnets, which
 * map public IPv4 addresses on launch as AWS makes them; another VPC's second subnet maps them at `rate`.
 */
export function generateSubnets(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad } = helpers(o);
  for (const region of o.regions) {
    const vpcs = (o.files.get(`${region}/ec2/describe-vpcs`) as { Vpcs?: Json[] } | undefined)?.Vpcs ?? [];
    const subnets = vpcs.flatMap((vpc, v) =>
      ["a", "b"].map((zone, z) => {
        const id = `subnet-0${rng.hex(16)}`;
        const isDefault = vpc.IsDefault === true;
        const base = String(vpc.CidrBlock ?? `10.${v}.0.0/16`).split(".");
        return {
          AvailabilityZone: `${region}${zone}`,
          AvailableIpAddressCount: rng.int(200, 4000),
          CidrBlock: `${base[0]}.${base[1]}.${z * 16}.0/20`,
          DefaultForAz: isDefault,
          MapPublicIpOnLaunch: isDefault || (z === 1 && bad()),
          MapCustomerOwnedIpOnLaunch: false,
          State: "available",
          SubnetId: id,
          VpcId: vpc.VpcId,
          OwnerId: accountId,
          AssignIpv6AddressOnCreation: false,
          Ipv6CidrBlockAssociationSet: [],
          Tags: isDefault ? [] : [{ Key: "Name", Value: `sim-${z === 0 ? "private" : "public"}-${zone}` }],
          SubnetArn: `arn:aws:ec2:${region}:${accountId}:subnet/${id}`,
        };
      }),
    );
    put(`${region}/ec2/describe-subnets`, { Subnets: subnets });
  }
}

/** Every instance's primary network interface; a second one attached at `rate`. */
export function generateInstanceInterfaces(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad } = helpers(o);
  for (const region of o.regions) {
    const key = `${region}/ec2/describe-instances`;
    const file = o.files.get(key) as { Reservations?: Json[] } | undefined;
    if (file === undefined) continue;
    const reservations = (file.Reservations ?? []).map((r) => ({
      ...r,
      Instances: ((r.Instances as Json[] | undefined) ?? []).map((i) => {
        const eni = (index: number) => ({
          Attachment: {
            AttachTime: i.LaunchTime,
            AttachmentId: `eni-attach-0${rng.hex(16)}`,
            DeleteOnTermination: index === 0,
            DeviceIndex: index,
            Status: "attached",
            NetworkCardIndex: 0,
          },
          Description: index === 0 ? "" : "sim secondary interface",
          Groups: ((i.SecurityGroups as Json[] | undefined) ?? []).map((g) => ({ ...g })),
          Ipv6Addresses: [],
          MacAddress: `0a:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}`,
          NetworkInterfaceId: `eni-0${rng.hex(16)}`,
          OwnerId: accountId,
          PrivateIpAddress: index === 0 ? i.PrivateIpAddress : `10.254.${rng.int(0, 255)}.${rng.int(1, 254)}`,
          SourceDestCheck: true,
          Status: "in-use",
          SubnetId: i.SubnetId,
          VpcId: i.VpcId,
          InterfaceType: "interface",
        });
        return { ...i, NetworkInterfaces: bad() ? [eni(0), eni(1)] : [eni(0)] };
      }),
    }));
    put(key, { ...file, Reservations: reservations });
  }
}

/**
 * Per region, the first replication group runs Redis OSS 5.0.6 (before RBAC): its AUTH token is
 * on when in-transit encryption is (AWS requires it), and off at `rate`. The group and its nodes agree.
 */
export function generateLegacyRedis(put: Put, o: ServiceGenerationOptions): void {
  const { bad } = helpers(o);
  for (const region of o.regions) {
    const groupsKey = `${region}/elasticache/describe-replication-groups`;
    const clustersKey = `${region}/elasticache/describe-cache-clusters`;
    const groups = (o.files.get(groupsKey) as { ReplicationGroups?: Json[] } | undefined)?.ReplicationGroups;
    const clusters = (o.files.get(clustersKey) as { CacheClusters?: Json[] } | undefined)?.CacheClusters;
    const legacy = groups?.[0];
    if (legacy === undefined || clusters === undefined) continue;
    const auth = legacy.TransitEncryptionEnabled === true && !bad();
    const id = legacy.ReplicationGroupId;
    put(groupsKey, {
      ReplicationGroups: groups?.map((g) => (g === legacy ? { ...g, AuthTokenEnabled: auth } : g)),
    });
    put(clustersKey, {
      CacheClusters: clusters.map((c) =>
        c.ReplicationGroupId === id
          ? {
              ...c,
              EngineVersion: "5.0.6",
              AuthTokenEnabled: auth,
              CacheParameterGroup: {
                ...(c.CacheParameterGroup as Json),
                CacheParameterGroupName: "default.redis5.0",
              },
            }
          : c,
      ),
    });
  }
}

/**
 * Per ECS cluster, its services: `sim-apps` runs two Fargate services (awsvpc; a public IP and an
 * old platform version each at `rate`), `sim-batch` one EC2 service on bridge networking.
 */
export function generateEcsServices(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso } = helpers(o);
  for (const region of o.regions) {
    const arns =
      (o.files.get(`${region}/ecs/list-clusters`) as { clusterArns?: string[] } | undefined)?.clusterArns ??
      [];
    const subnets = (
      (o.files.get(`${region}/ec2/describe-subnets`) as { Subnets?: Json[] } | undefined)?.Subnets ?? []
    ).map((s) => String(s.SubnetId));
    for (const clusterArn of arns) {
      const cluster = clusterArn.slice(clusterArn.lastIndexOf("/") + 1);
      const names = cluster === "sim-apps" ? ["sim-web", "sim-api"] : ["sim-worker"];
      const services = names.map((name) => {
        const fargate = cluster === "sim-apps";
        const serviceArn = `arn:aws:ecs:${region}:${accountId}:service/${cluster}/${name}`;
        const taskDefinition = `arn:aws:ecs:${region}:${accountId}:task-definition/${fargate ? "sim-web" : "sim-agent"}:${rng.int(1, 40)}`;
        return {
          serviceArn,
          serviceName: name,
          clusterArn,
          loadBalancers: [],
          serviceRegistries: [],
          status: "ACTIVE",
          desiredCount: 2,
          runningCount: 2,
          pendingCount: 0,
          ...(fargate
            ? {
                launchType: "FARGATE",
                platformVersion: bad() ? "1.3.0" : "LATEST",
                platformFamily: "Linux",
                networkConfiguration: {
                  awsvpcConfiguration: {
                    subnets: subnets.slice(0, 2),
                    securityGroups: [`sg-0${rng.hex(16)}`],
                    assignPublicIp: bad() ? "ENABLED" : "DISABLED",
                  },
                },
              }
            : { launchType: "EC2" }),
          taskDefinition,
          deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
          deployments: [],
          events: [],
          createdAt: iso(rng.int(10, 400)),
          placementConstraints: [],
          placementStrategy: [],
          schedulingStrategy: "REPLICA",
          createdBy: `arn:aws:iam::${accountId}:role/sim-deployer`,
          enableECSManagedTags: true,
          propagateTags: "SERVICE",
          enableExecuteCommand: false,
        };
      });
      put(`${region}/ecs/list-services/${cluster}`, { serviceArns: services.map((s) => s.serviceArn) });
      put(`${region}/ecs/describe-services/${cluster}`, { services, failures: [] });
    }
  }
}

/**
 * Per region, EC2's network resources beyond VPCs and subnets: every instance's interfaces as
 * `DescribeNetworkInterfaces` lists them, a NAT gateway's and a NAT instance's interface (source/
 * destination checking off: a NAT gateway's is not the account's to change, a NAT instance's is left
 * on at `rate`), a transit gateway, a Site-to-Site VPN connection, a Client VPN endpoint and two
 * Spot Fleet requests (launch parameters and a launch template), each misconfigured at `rate`.
 */
export function generateEc2Network(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso, vpcOf } = helpers(o);
  for (const region of o.regions) {
    const vpc = vpcOf(region);
    const subnets = ((o.files.get(`${region}/ec2/describe-subnets`) as { Subnets?: Json[] } | undefined)
      ?.Subnets ?? []) as Json[];
    const subnet = String(subnets.find((s) => s.VpcId === vpc)?.SubnetId ?? `subnet-0${rng.hex(16)}`);
    const reservations =
      (o.files.get(`${region}/ec2/describe-instances`) as { Reservations?: Json[] } | undefined)
        ?.Reservations ?? [];
    const interfaces: Json[] = reservations.flatMap((r) =>
      ((r.Instances as Json[] | undefined) ?? []).flatMap((i) =>
        ((i.NetworkInterfaces as Json[] | undefined) ?? []).map((n) => {
          const attachment = (n.Attachment ?? {}) as Json;
          return {
            Attachment: {
              AttachTime: attachment.AttachTime,
              AttachmentId: attachment.AttachmentId,
              DeleteOnTermination: attachment.DeleteOnTermination,
              DeviceIndex: attachment.DeviceIndex,
              NetworkCardIndex: 0,
              InstanceId: i.InstanceId,
              InstanceOwnerId: accountId,
              Status: "attached",
            },
            AvailabilityZone: (i.Placement as Json | undefined)?.AvailabilityZone ?? `${region}a`,
            Description: n.Description ?? "",
            Groups: n.Groups ?? [],
            InterfaceType: "interface",
            Ipv6Addresses: [],
            MacAddress: n.MacAddress,
            NetworkInterfaceId: n.NetworkInterfaceId,
            OwnerId: accountId,
            PrivateIpAddress: n.PrivateIpAddress,
            PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: n.PrivateIpAddress }],
            RequesterManaged: false,
            SourceDestCheck: n.SourceDestCheck ?? true,
            Status: "in-use",
            SubnetId: n.SubnetId,
            TagSet: [],
            VpcId: n.VpcId,
          };
        }),
      ),
    );
    const standalone = (description: string, type: string, requester: boolean, check: boolean): Json => {
      const ip = `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(4, 250)}`;
      return {
        AvailabilityZone: `${region}a`,
        Description: description,
        Groups: [],
        InterfaceType: type,
        Ipv6Addresses: [],
        MacAddress: `0a:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}`,
        NetworkInterfaceId: `eni-0${rng.hex(16)}`,
        OwnerId: accountId,
        PrivateIpAddress: ip,
        PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }],
        ...(requester ? { RequesterId: "amazon-nat-gateway" } : {}),
        RequesterManaged: requester,
        SourceDestCheck: check,
        Status: requester ? "in-use" : "available",
        SubnetId: subnet,
        TagSet: requester ? [] : [{ Key: "Name", Value: "sim-nat-instance" }],
        VpcId: vpc,
      };
    };
    interfaces.push(standalone("Interface for NAT Gateway nat-0sim", "natGateway", true, false));
    interfaces.push(standalone("sim NAT instance", "interface", false, !bad()));
    put(`${region}/ec2/describe-network-interfaces`, { NetworkInterfaces: interfaces });

    const tgw = `tgw-0${rng.hex(16)}`;
    put(`${region}/ec2/describe-transit-gateways`, {
      TransitGateways: [
        {
          TransitGatewayId: tgw,
          TransitGatewayArn: `arn:aws:ec2:${region}:${accountId}:transit-gateway/${tgw}`,
          State: "available",
          OwnerId: accountId,
          Description: "sim hub",
          CreationTime: iso(200),
          Options: {
            AmazonSideAsn: 64512,
            AutoAcceptSharedAttachments: bad() ? "enable" : "disable",
            DefaultRouteTableAssociation: "enable",
            AssociationDefaultRouteTableId: `tgw-rtb-0${rng.hex(16)}`,
            DefaultRouteTablePropagation: "enable",
            PropagationDefaultRouteTableId: `tgw-rtb-0${rng.hex(16)}`,
            VpnEcmpSupport: "enable",
            DnsSupport: "enable",
            MulticastSupport: "disable",
          },
          Tags: [{ Key: "Name", Value: "sim-hub" }],
        },
      ],
    });

    const outside = [`203.0.113.${rng.int(1, 120)}`, `203.0.113.${rng.int(121, 250)}`];
    const downTunnel = bad();
    const unloggedTunnel = bad();
    const logGroup = `arn:aws:logs:${region}:${accountId}:log-group:sim-vpn-tunnels`;
    put(`${region}/ec2/describe-vpn-connections`, {
      VpnConnections: [
        {
          CustomerGatewayConfiguration: "<vpn_connection/>",
          CustomerGatewayId: `cgw-0${rng.hex(16)}`,
          Category: "VPN",
          State: "available",
          Type: "ipsec.1",
          VpnConnectionId: `vpn-0${rng.hex(16)}`,
          VpnGatewayId: `vgw-0${rng.hex(16)}`,
          Options: {
            EnableAcceleration: false,
            StaticRoutesOnly: false,
            LocalIpv4NetworkCidr: "0.0.0.0/0",
            RemoteIpv4NetworkCidr: "0.0.0.0/0",
            TunnelInsideIpVersion: "ipv4",
            TunnelOptions: outside.map((ip, t) => ({
              OutsideIpAddress: ip,
              TunnelInsideCidr: `169.254.${rng.int(10, 250)}.${t * 4}/30`,
              LogOptions: {
                CloudWatchLogOptions:
                  t === 1 && unloggedTunnel
                    ? { LogEnabled: false }
                    : { LogEnabled: true, LogGroupArn: logGroup, LogOutputFormat: "json" },
              },
            })),
          },
          Routes: [],
          Tags: [{ Key: "Name", Value: "sim-office" }],
          VgwTelemetry: outside.map((ip, t) => ({
            AcceptedRouteCount: t === 1 && downTunnel ? 0 : 2,
            LastStatusChange: iso(1),
            OutsideIpAddress: ip,
            Status: t === 1 && downTunnel ? "DOWN" : "UP",
            StatusMessage: t === 1 && downTunnel ? "" : "2 BGP ROUTES",
          })),
        },
      ],
    });

    const logging = !bad();
    put(`${region}/ec2/describe-client-vpn-endpoints`, {
      ClientVpnEndpoints: [
        {
          ClientVpnEndpointId: `cvpn-endpoint-0${rng.hex(16)}`,
          Description: "sim remote access",
          Status: { Code: "available" },
          CreationTime: iso(90),
          DnsName: `*.cvpn-endpoint-0${rng.hex(16)}.prod.clientvpn.${region}.amazonaws.com`,
          ClientCidrBlock: "10.200.0.0/22",
          SplitTunnel: true,
          VpnProtocol: "openvpn",
          TransportProtocol: "udp",
          VpnPort: 443,
          ServerCertificateArn: `arn:aws:acm:${region}:${accountId}:certificate/${rng.hex(8)}-${rng.hex(4)}`,
          AuthenticationOptions: [
            {
              Type: "certificate-authentication",
              MutualAuthentication: {
                ClientRootCertificateChain: `arn:aws:acm:${region}:${accountId}:certificate/${rng.hex(8)}-${rng.hex(4)}`,
              },
            },
          ],
          ConnectionLogOptions: logging
            ? { Enabled: true, CloudwatchLogGroup: "sim-client-vpn", CloudwatchLogStream: "connections" }
            : { Enabled: false },
          Tags: [],
          SecurityGroupIds: [],
          VpcId: vpc,
          SessionTimeoutHours: 24,
        },
      ],
    });

    const role = `arn:aws:iam::${accountId}:role/aws-ec2-spot-fleet-tagging-role`;
    const request = (config: Json): Json => ({
      ActivityStatus: "fulfilled",
      CreateTime: iso(rng.int(1, 60)),
      SpotFleetRequestConfig: {
        AllocationStrategy: "priceCapacityOptimized",
        IamFleetRole: role,
        TargetCapacity: 2,
        Type: "maintain",
        ...config,
      },
      SpotFleetRequestId: `sfr-${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
      SpotFleetRequestState: "active",
      Tags: [],
    });
    put(`${region}/ec2/describe-spot-fleet-requests`, {
      SpotFleetRequestConfigs: [
        request({
          LaunchSpecifications: [
            {
              ImageId: `ami-0${rng.hex(16)}`,
              InstanceType: "m6i.large",
              SubnetId: subnet,
              BlockDeviceMappings: [
                { DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30, VolumeType: "gp3", Encrypted: true } },
                {
                  DeviceName: "/dev/sdf",
                  Ebs: { VolumeSize: 100, VolumeType: "gp3", ...(bad() ? {} : { Encrypted: true }) },
                },
              ],
            },
          ],
        }),
        request({
          LaunchTemplateConfigs: [
            { LaunchTemplateSpecification: { LaunchTemplateId: `lt-0${rng.hex(16)}`, Version: "1" } },
          ],
        }),
      ],
    });
  }
}

/**
 * A Lambda function URL origin on the second and fourth distributions: the first always behind
 * origin access control, the second without it at `rate` (CloudFront.16 both ways).
 */
export function generateLambdaUrlOrigins(put: Put, o: ServiceGenerationOptions): void {
  const { rng } = o;
  const { bad } = helpers(o);
  const home = o.regions[0] ?? "us-east-1";
  const list = o.files.get("global/cloudfront/list-distributions") as
    | { DistributionList?: { Items?: Json[] } & Json }
    | undefined;
  const items = list?.DistributionList?.Items;
  if (list === undefined || items === undefined) return;
  const oac = () => `E${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13)}`;
  const updated = items.map((d, i) => {
    if (i !== 1 && i !== 3) return d;
    const origin: Json = {
      Id: "lambda-render",
      DomainName: `${rng.chars("abcdefghijklmnopqrstuvwxyz0123456789", 32)}.lambda-url.${home}.on.aws`,
      OriginPath: "",
      CustomHeaders: { Quantity: 0 },
      CustomOriginConfig: {
        HTTPPort: 80,
        HTTPSPort: 443,
        OriginProtocolPolicy: "https-only",
        OriginSslProtocols: { Quantity: 1, Items: ["TLSv1.2"] },
        OriginReadTimeout: 30,
        OriginKeepaliveTimeout: 5,
      },
      ConnectionAttempts: 3,
      ConnectionTimeout: 10,
      OriginShield: { Enabled: false },
      OriginAccessControlId: i === 3 && bad() ? "" : oac(),
    };
    const origins = [...(((d.Origins as Json | undefined)?.Items as Json[] | undefined) ?? []), origin];
    const Origins = { Quantity: origins.length, Items: origins };
    const key = `global/cloudfront/get-distribution-config/${String(d.Id)}`;
    const config = o.files.get(key) as { DistributionConfig: Json } & Json;
    put(key, { ...config, DistributionConfig: { ...config.DistributionConfig, Origins } });
    return { ...d, Origins };
  });
  put("global/cloudfront/list-distributions", {
    ...list,
    DistributionList: { ...list.DistributionList, Items: updated },
  });
}

/** Per region: Automation's script log destination, CloudWatch unless misconfigured at `rate` (never changed: None). */
export function generateAutomationLogSettings(put: Put, o: ServiceGenerationOptions): void {
  const { accountId } = o;
  const { bad, iso } = helpers(o);
  const id = "/ssm/automation/customer-script-log-destination";
  for (const region of o.regions) {
    const none = bad();
    put(`${region}/ssm/get-service-setting/customer-script-log-destination`, {
      ServiceSetting: {
        SettingId: id,
        SettingValue: none ? "None" : "CloudWatch",
        LastModifiedDate: iso(none ? 400 : 20),
        LastModifiedUser: none ? "System" : `arn:aws:iam::${accountId}:role/sim-admin`,
        ARN: `arn:aws:ssm:${region}:${accountId}:servicesetting${id}`,
        Status: none ? "Default" : "Customized",
      },
    });
  }
}

/**
 * Per region: two DynamoDB Accelerator clusters and two MSK Connect connectors, the first of each
 * as a careful owner sets it up, the second with encryption at rest, encryption in transit and
 * worker logging each off at `rate`.
 */
export function generateDaxAndConnectors(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso } = helpers(o);
  for (const region of o.regions) {
    const clusters = ["sim-dax-sessions", "sim-dax-catalog"].map((name, i) => {
      const sse = i === 0 || !bad();
      const tls = i === 0 || !bad();
      const endpoint = `${name}.${rng.hex(6)}.dax-clusters.${region}.amazonaws.com`;
      return {
        ClusterName: name,
        ClusterArn: `arn:aws:dax:${region}:${accountId}:cache/${name}`,
        TotalNodes: 3,
        ActiveNodes: 3,
        NodeType: "dax.r5.large",
        Status: "available",
        ClusterDiscoveryEndpoint: {
          Address: endpoint,
          Port: tls ? 9111 : 8111,
          URL: `${tls ? "daxs" : "dax"}://${endpoint}`,
        },
        PreferredMaintenanceWindow: "sun:05:00-sun:06:00",
        SubnetGroup: "sim-dax-subnets",
        SecurityGroups: [{ SecurityGroupIdentifier: `sg-0${rng.hex(16)}`, Status: "active" }],
        IamRoleArn: `arn:aws:iam::${accountId}:role/sim-dax-access`,
        ParameterGroup: {
          ParameterGroupName: "default.dax1.0",
          ParameterApplyStatus: "in-sync",
          NodeIdsToReboot: [],
        },
        SSEDescription: { Status: sse ? "ENABLED" : "DISABLED" },
        ClusterEndpointEncryptionType: tls ? "TLS" : "NONE",
      };
    });
    put(`${region}/dax/describe-clusters`, { Clusters: clusters });
    const connectors = ["sim-orders-sink", "sim-clicks-source"].map((name, i) => {
      const tls = i === 0 || !bad();
      const logged = i === 0 || !bad();
      return {
        capacity: { provisionedCapacity: { mcuCount: 1, workerCount: 2 } },
        connectorArn: `arn:aws:kafkaconnect:${region}:${accountId}:connector/${name}/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}-2`,
        connectorDescription: `sim connector ${i}`,
        connectorName: name,
        connectorState: "RUNNING",
        creationTime: iso(rng.int(5, 200)),
        currentVersion: `K${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13)}`,
        kafkaCluster: {
          apacheKafkaCluster: {
            bootstrapServers: `b-1.sim-kafka.${rng.hex(6)}.c2.kafka.${region}.amazonaws.com:9098`,
            vpc: { securityGroups: [`sg-0${rng.hex(16)}`], subnets: [`subnet-0${rng.hex(16)}`] },
          },
        },
        kafkaClusterClientAuthentication: { authenticationType: tls ? "IAM" : "NONE" },
        kafkaClusterEncryptionInTransit: { encryptionType: tls ? "TLS" : "PLAINTEXT" },
        kafkaConnectVersion: "2.7.1",
        logDelivery: {
          workerLogDelivery: {
            cloudWatchLogs: logged ? { enabled: true, logGroup: `sim-connect-${name}` } : { enabled: false },
            firehose: { enabled: false },
            s3: { enabled: false },
          },
        },
        plugins: [
          {
            customPlugin: {
              customPluginArn: `arn:aws:kafkaconnect:${region}:${accountId}:custom-plugin/sim-plugin/${rng.hex(8)}-2`,
              revision: 1,
            },
          },
        ],
        serviceExecutionRoleArn: `arn:aws:iam::${accountId}:role/sim-connect`,
      };
    });
    put(`${region}/kafkaconnect/list-connectors`, { connectors });
  }
}

/**
 * Each VPC function's subnets: the region's own subnets of its VPC, in two zones, or in one at
 * `rate` (Lambda.5); a function whose VPC has no listed subnet keeps what it had.
 */
export function generateLambdaSubnets(put: Put, o: ServiceGenerationOptions): void {
  const { bad } = helpers(o);
  for (const region of o.regions) {
    const key = `${region}/lambda/list-functions`;
    const file = o.files.get(key) as { Functions?: Json[] } | undefined;
    if (file === undefined) continue;
    const subnets = ((o.files.get(`${region}/ec2/describe-subnets`) as { Subnets?: Json[] } | undefined)
      ?.Subnets ?? []) as Json[];
    const functions = (file.Functions ?? []).map((f) => {
      const vpcConfig = f.VpcConfig as Json | undefined;
      const mine = subnets.filter((s) => s.VpcId === vpcConfig?.VpcId).map((s) => String(s.SubnetId));
      if (vpcConfig === undefined || mine.length === 0) return f;
      return { ...f, VpcConfig: { ...vpcConfig, SubnetIds: bad() ? mine.slice(0, 1) : mine } };
    });
    put(key, { ...file, Functions: functions });
  }
}

/**
 * Each file system's mount targets (`NumberOfMountTargets` of them): in a subnet that keeps public
 * addresses off, or at `rate` in one that maps them on launch (EFS.6).
 */
export function generateEfsMountTargets(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad } = helpers(o);
  for (const region of o.regions) {
    const subnets = ((o.files.get(`${region}/ec2/describe-subnets`) as { Subnets?: Json[] } | undefined)
      ?.Subnets ?? []) as Json[];
    const open = subnets.filter((s) => s.MapPublicIpOnLaunch === true);
    const closed = subnets.filter((s) => s.MapPublicIpOnLaunch !== true);
    const systems = ((
      o.files.get(`${region}/efs/describe-file-systems`) as { FileSystems?: Json[] } | undefined
    )?.FileSystems ?? []) as Json[];
    for (const f of systems) {
      const count = Number(f.NumberOfMountTargets ?? 0);
      const targets = Array.from({ length: count }, () => {
        const pool = bad() && open.length > 0 ? open : closed.length > 0 ? closed : subnets;
        const subnet = pool[rng.int(0, Math.max(0, pool.length - 1))] ?? {};
        return {
          OwnerId: accountId,
          MountTargetId: `fsmt-0${rng.hex(16)}`,
          FileSystemId: f.FileSystemId,
          SubnetId: subnet.SubnetId ?? `subnet-0${rng.hex(16)}`,
          LifeCycleState: "available",
          IpAddress: `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(4, 250)}`,
          NetworkInterfaceId: `eni-0${rng.hex(16)}`,
          AvailabilityZoneName: subnet.AvailabilityZone ?? `${region}a`,
          VpcId: subnet.VpcId ?? `vpc-0${rng.hex(16)}`,
        };
      });
      put(`${region}/efs/describe-mount-targets/${String(f.FileSystemId)}`, { MountTargets: targets });
    }
  }
}

/**
 * A security group per Redshift cluster, in the region's security groups, as the cluster's only VPC
 * group: the cluster port from the VPC's range, or for the second cluster at `rate` from anywhere
 * (Redshift.15).
 */
export function generateRedshiftSecurityGroups(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, vpcOf } = helpers(o);
  for (const region of o.regions) {
    const clustersKey = `${region}/redshift/describe-clusters`;
    const groupsKey = `${region}/ec2/describe-security-groups`;
    const clusters = (o.files.get(clustersKey) as { Clusters?: Json[] } | undefined)?.Clusters;
    const groups = (o.files.get(groupsKey) as { SecurityGroups?: Json[] } | undefined)?.SecurityGroups;
    if (clusters === undefined || groups === undefined) continue;
    const vpc = vpcOf(region);
    const added: Json[] = [];
    const updated = clusters.map((cluster, i) => {
      const id = `sg-0${rng.hex(16)}`;
      const port = Number((cluster.Endpoint as Json | undefined)?.Port ?? 5439);
      const open = i === 1 && bad();
      added.push({
        Description: `sim ${String(cluster.ClusterIdentifier)} clients`,
        GroupName: `sim-${String(cluster.ClusterIdentifier)}`,
        IpPermissions: [
          {
            FromPort: port,
            IpProtocol: "tcp",
            IpRanges: [{ CidrIp: open ? "0.0.0.0/0" : "10.0.0.0/16", Description: "warehouse clients" }],
            Ipv6Ranges: [],
            PrefixListIds: [],
            ToPort: port,
            UserIdGroupPairs: [],
          },
        ],
        OwnerId: accountId,
        GroupId: id,
        IpPermissionsEgress: [
          {
            IpProtocol: "-1",
            IpRanges: [{ CidrIp: "0.0.0.0/0" }],
            Ipv6Ranges: [],
            PrefixListIds: [],
            UserIdGroupPairs: [],
          },
        ],
        Tags: [],
        VpcId: vpc,
      });
      return { ...cluster, VpcSecurityGroups: [{ VpcSecurityGroupId: id, Status: "active" }] };
    });
    put(clustersKey, { ...(o.files.get(clustersKey) as Json), Clusters: updated });
    put(groupsKey, { ...(o.files.get(groupsKey) as Json), SecurityGroups: [...groups, ...added] });
  }
}

/**
 * Inline policies (KMS.2): at `rate` a user gets one that decrypts with every KMS key; the first
 * role reads its parameters and decrypts with one named key, each other role at `rate` holds
 * `kms:*` on every key.
 */
export function generateInlinePolicies(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad } = helpers(o);
  const region = o.regions[0] ?? "us-east-1";
  const statement = (Action: string | string[], Resource: string) => ({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action, Resource }],
  });
  const everyKey = statement("kms:*", "*");
  const users = ((o.files.get("global/iam/list-users") as { Users?: Json[] } | undefined)?.Users ??
    []) as Json[];
  for (const user of users) {
    if (!bad()) continue;
    const name = String(user.UserName);
    put(`global/iam/list-user-policies/${name}`, { PolicyNames: ["sim-decrypt-anything"] });
    put(`global/iam/get-user-policy/${encodeURIComponent(`${name}/sim-decrypt-anything`)}`, {
      UserName: name,
      PolicyName: "sim-decrypt-anything",
      PolicyDocument: statement("kms:Decrypt", "*"),
    });
  }
  const roles = ((o.files.get("global/iam/list-roles") as { Roles?: Json[] } | undefined)?.Roles ??
    []) as Json[];
  for (const [i, role] of roles.entries()) {
    const name = String(role.RoleName);
    const policy = i === 0 ? "sim-read-config" : "sim-kms-admin";
    if (i > 0 && !bad()) continue;
    const document =
      i === 0
        ? {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Action: "ssm:GetParameter",
                Resource: `arn:aws:ssm:${region}:${accountId}:parameter/sim/*`,
              },
              {
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: `arn:aws:kms:${region}:${accountId}:key/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
              },
            ],
          }
        : everyKey;
    put(`global/iam/list-role-policies/${name}`, { PolicyNames: [policy] });
    put(`global/iam/get-role-policy/${encodeURIComponent(`${name}/${policy}`)}`, {
      RoleName: name,
      PolicyName: policy,
      PolicyDocument: document,
    });
  }
}

const STRONG_CLASSIC_POLICY = "ELBSecurityPolicy-TLS-1-2-2017-01";
const WEAK_CLASSIC_POLICY = "ELBSecurityPolicy-2016-08";

/** An SSL negotiation policy created from a predefined one, as `DescribeLoadBalancerPolicies` lists it (its attributes abridged). */
function sslNegotiationPolicy(name: string, reference: string): Json {
  const tls12Only = reference === STRONG_CLASSIC_POLICY;
  const on = (x: boolean) => (x ? "true" : "false");
  return {
    PolicyName: name,
    PolicyTypeName: "SSLNegotiationPolicyType",
    PolicyAttributeDescriptions: [
      { AttributeName: "Reference-Security-Policy", AttributeValue: reference },
      { AttributeName: "Protocol-SSLv3", AttributeValue: "false" },
      { AttributeName: "Protocol-TLSv1", AttributeValue: on(!tls12Only) },
      { AttributeName: "Protocol-TLSv1.1", AttributeValue: on(!tls12Only) },
      { AttributeName: "Protocol-TLSv1.2", AttributeValue: "true" },
      { AttributeName: "Server-Defined-Cipher-Order", AttributeValue: "true" },
      { AttributeName: "ECDHE-ECDSA-AES128-GCM-SHA256", AttributeValue: "true" },
      { AttributeName: "ECDHE-RSA-AES128-GCM-SHA256", AttributeValue: "true" },
      { AttributeName: "ECDHE-RSA-AES128-SHA", AttributeValue: on(!tls12Only) },
      { AttributeName: "AES128-SHA", AttributeValue: on(!tls12Only) },
    ],
  };
}

/**
 * The SSL negotiation policy of each Classic Load Balancer's HTTPS or SSL listener (ELB.8), with
 * the load balancer's `describe-load-balancer-policies`: the account's first such load balancer on
 * a policy created from ELBSecurityPolicy-TLS-1-2-2017-01 (named as the console names it), the
 * others at `rate` still on the ELBSecurityPolicy-2016-08 AWS sets when it creates the listener.
 * `generateLoadBalancers` always gives each region's first classic load balancer an HTTPS listener.
 */
export function generateClassicSslPolicies(put: Put, o: ServiceGenerationOptions): void {
  const { rng } = o;
  const { bad } = helpers(o);
  const tls = (d: Json) => ["HTTPS", "SSL"].includes(String((d.Listener as Json | undefined)?.Protocol));
  let first = true;
  for (const region of o.regions) {
    const key = `${region}/elb/describe-load-balancers`;
    const listing = o.files.get(key) as { LoadBalancerDescriptions?: Json[] } | undefined;
    if (listing?.LoadBalancerDescriptions === undefined) continue;
    const updated = listing.LoadBalancerDescriptions.map((lb) => {
      const name = String(lb.LoadBalancerName);
      const listeners = (lb.ListenerDescriptions as Json[] | undefined) ?? [];
      if (!listeners.some(tls)) {
        // No listener policies: what AWS answers for an HTTP-only load balancer.
        put(`${region}/elb/describe-load-balancer-policies/${name}`, { PolicyDescriptions: [] });
        return lb;
      }
      const weak = !first && bad();
      first = false;
      const policy = weak
        ? sslNegotiationPolicy(WEAK_CLASSIC_POLICY, WEAK_CLASSIC_POLICY)
        : sslNegotiationPolicy(
            `AWSConsole-SSLNegotiationPolicy-${name}-${rng.int(1_500_000_000_000, 1_800_000_000_000)}`,
            STRONG_CLASSIC_POLICY,
          );
      const policyName = String(policy.PolicyName);
      put(`${region}/elb/describe-load-balancer-policies/${name}`, { PolicyDescriptions: [policy] });
      return {
        ...lb,
        ListenerDescriptions: listeners.map((d) => (tls(d) ? { ...d, PolicyNames: [policyName] } : d)),
        Policies: { ...(lb.Policies as Json | undefined), OtherPolicies: [policyName] },
      };
    });
    put(key, { ...listing, LoadBalancerDescriptions: updated });
  }
}

/**
 * Each backup plan's one resource assignment, of the resources tagged `backup=daily` (ListOfTags),
 * and that tag on each file system but, at `rate`, not (EFS.2).
 */
export function generateBackupSelections(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso } = helpers(o);
  for (const region of o.regions) {
    const plans = ((
      o.files.get(`${region}/backup/list-backup-plans`) as { BackupPlansList?: Json[] } | undefined
    )?.BackupPlansList ?? []) as Json[];
    for (const plan of plans) {
      const planId = String(plan.BackupPlanId);
      const selectionId = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
      const member = {
        SelectionId: selectionId,
        SelectionName: "sim-tagged-daily",
        BackupPlanId: planId,
        CreationDate: iso(300),
        IamRoleArn: `arn:aws:iam::${accountId}:role/service-role/AWSBackupDefaultServiceRole`,
      };
      put(`${region}/backup/list-backup-selections/${planId}`, { BackupSelectionsList: [member] });
      put(`${region}/backup/get-backup-selection/${encodeURIComponent(`${planId}/${selectionId}`)}`, {
        BackupSelection: {
          SelectionName: member.SelectionName,
          IamRoleArn: member.IamRoleArn,
          Resources: [],
          ListOfTags: [{ ConditionType: "STRINGEQUALS", ConditionKey: "backup", ConditionValue: "daily" }],
          NotResources: [],
          Conditions: { StringEquals: [], StringNotEquals: [], StringLike: [], StringNotLike: [] },
        },
        SelectionId: selectionId,
        BackupPlanId: planId,
        CreationDate: member.CreationDate,
      });
    }
    const key = `${region}/efs/describe-file-systems`;
    const listing = o.files.get(key) as { FileSystems?: Json[] } | undefined;
    if (listing?.FileSystems === undefined) continue;
    const systems = listing.FileSystems.map((f) =>
      bad()
        ? f
        : { ...f, Tags: [...((f.Tags as Json[] | undefined) ?? []), { Key: "backup", Value: "daily" }] },
    );
    put(key, { ...listing, FileSystems: systems });
  }
}

/**
 * The region's route tables, per VPC: its main table (the local route and 0.0.0.0/0 to the VPC's
 * internet gateway, as AWS makes a default VPC's) and a private table (0.0.0.0/0 to a NAT gateway).
 * Every RDS instance without a DB subnet group gets one of its VPC's subnets (the VPC of its first
 * security group when the region lists it, else the VPCs in turn); the private table is explicitly
 * associated with each VPC's DB subnets, which at `rate` stay on the main table instead: public
 * (RDS.46). The instances of a VPC share its subnets, so they share the verdict.
 */
export function generateRouteTables(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad } = helpers(o);
  const listOf = (key: string, member: string) =>
    ((o.files.get(key) as Record<string, Json[] | undefined> | undefined)?.[member] ?? []) as Json[];
  for (const region of o.regions) {
    const vpcs = listOf(`${region}/ec2/describe-vpcs`, "Vpcs");
    if (vpcs.length === 0) continue;
    const subnets = listOf(`${region}/ec2/describe-subnets`, "Subnets");
    const groups = listOf(`${region}/ec2/describe-security-groups`, "SecurityGroups");
    /** VPC id → the subnets its DB instances use. */
    const dbSubnets = new Map<string, Set<string>>();
    const instancesKey = `${region}/rds/describe-db-instances`;
    const listing = o.files.get(instancesKey) as { DBInstances?: Json[] } | undefined;
    if (listing?.DBInstances !== undefined) {
      const instances = listing.DBInstances.map((db, i) => {
        const existing = db.DBSubnetGroup as Json | undefined;
        if (existing !== undefined) {
          const used = dbSubnets.get(String(existing.VpcId)) ?? new Set<string>();
          for (const s of (existing.Subnets as Json[] | undefined) ?? [])
            used.add(String(s.SubnetIdentifier));
          dbSubnets.set(String(existing.VpcId), used);
          return db;
        }
        const group = ((db.VpcSecurityGroups as Json[] | undefined) ?? [])[0]?.VpcSecurityGroupId;
        const groupVpc = groups.find((g) => g.GroupId === group)?.VpcId;
        const vpc = vpcs.find((v) => v.VpcId === groupVpc) ?? (vpcs[i % vpcs.length] as Json);
        const vpcId = String(vpc.VpcId);
        const mine = subnets.filter((s) => s.VpcId === vpcId);
        if (mine.length === 0) return db;
        const used = dbSubnets.get(vpcId) ?? new Set<string>();
        for (const s of mine) used.add(String(s.SubnetId));
        dbSubnets.set(vpcId, used);
        const name = `sim-db-subnets-${vpcs.indexOf(vpc)}`;
        return {
          ...db,
          DBSubnetGroup: {
            DBSubnetGroupName: name,
            DBSubnetGroupDescription: `sim database subnets of ${vpcId}`,
            VpcId: vpcId,
            SubnetGroupStatus: "Complete",
            Subnets: mine.map((s) => ({
              SubnetIdentifier: s.SubnetId,
              SubnetAvailabilityZone: { Name: s.AvailabilityZone },
              SubnetOutpost: {},
              SubnetStatus: "Active",
            })),
            DBSubnetGroupArn: `arn:aws:rds:${region}:${accountId}:subgrp:${name}`,
            SupportedNetworkTypes: ["IPV4"],
          },
        };
      });
      put(instancesKey, { ...listing, DBInstances: instances });
    }
    const tables = vpcs.flatMap((vpc, v) => {
      const vpcId = String(vpc.VpcId);
      const local = {
        DestinationCidrBlock: String(vpc.CidrBlock ?? `10.${v}.0.0/16`),
        GatewayId: "local",
        Origin: "CreateRouteTable",
        State: "active",
      };
      const used = [...(dbSubnets.get(vpcId) ?? [])];
      const associated = used.length > 0 && bad() ? [] : used;
      const mainId = `rtb-0${rng.hex(16)}`;
      const privateId = `rtb-0${rng.hex(16)}`;
      const association = (table: string, extra: Json) => ({
        RouteTableAssociationId: `rtbassoc-0${rng.hex(16)}`,
        RouteTableId: table,
        AssociationState: { State: "associated" },
        ...extra,
      });
      return [
        {
          Associations: [association(mainId, { Main: true })],
          PropagatingVgws: [],
          RouteTableId: mainId,
          Routes: [
            local,
            {
              DestinationCidrBlock: "0.0.0.0/0",
              GatewayId: `igw-0${rng.hex(16)}`,
              Origin: "CreateRoute",
              State: "active",
            },
          ],
          Tags: [],
          VpcId: vpcId,
          OwnerId: accountId,
        },
        {
          Associations: associated.map((subnet) => association(privateId, { Main: false, SubnetId: subnet })),
          PropagatingVgws: [],
          RouteTableId: privateId,
          Routes: [
            local,
            {
              DestinationCidrBlock: "0.0.0.0/0",
              NatGatewayId: `nat-0${rng.hex(16)}`,
              Origin: "CreateRoute",
              State: "active",
            },
          ],
          Tags: [{ Key: "Name", Value: `sim-private-${v}` }],
          VpcId: vpcId,
          OwnerId: accountId,
        },
      ];
    });
    put(`${region}/ec2/describe-route-tables`, { RouteTables: tables });
  }
}

/**
 * Per region, the `sim-apps` cluster's `sim-api` service deployed by an external controller
 * (`deploymentController` `EXTERNAL`) with its primary task set, whose tasks get public IP
 * addresses at `rate` (ECS.16).
 */
export function generateEcsTaskSets(put: Put, o: ServiceGenerationOptions): void {
  const { rng } = o;
  const { bad } = helpers(o);
  for (const region of o.regions) {
    const key = `${region}/ecs/describe-services/sim-apps`;
    const listing = o.files.get(key) as { services?: Json[] } | undefined;
    if (listing?.services === undefined) continue;
    const services = listing.services.map((s) => {
      if (s.serviceName !== "sim-api") return s;
      const id = `ecs-svc/${rng.int(1_000_000_000, 9_999_999_999)}${rng.int(100_000_000, 999_999_999)}`;
      const network = (s.networkConfiguration as Json | undefined)?.awsvpcConfiguration as Json | undefined;
      return {
        ...s,
        deploymentController: { type: "EXTERNAL" },
        taskSets: [
          {
            id,
            taskSetArn: `${String(s.serviceArn).replace(":service/", ":task-set/")}/${id}`,
            serviceArn: s.serviceArn,
            clusterArn: s.clusterArn,
            status: "PRIMARY",
            taskDefinition: s.taskDefinition,
            computedDesiredCount: 2,
            runningCount: 2,
            pendingCount: 0,
            launchType: "FARGATE",
            platformVersion: "LATEST",
            networkConfiguration: {
              awsvpcConfiguration: {
                subnets: (network?.subnets as string[] | undefined) ?? [],
                securityGroups: (network?.securityGroups as string[] | undefined) ?? [],
                assignPublicIp: bad() ? "ENABLED" : "DISABLED",
              },
            },
            scale: { value: 100, unit: "PERCENT" },
            stabilityStatus: "STEADY_STATE",
          },
        ],
      };
    });
    put(key, { ...listing, services });
  }
}

/**
 * Per region, two S3 access points on a bucket of that region (one open to the internet, one for a
 * VPC), each with its Block Public Access partly off at `rate` (S3.19); and the account's one
 * Multi-Region Access Point over a bucket of every region, its settings partly off at `rate` (S3.24).
 */
export function generateS3AccessPoints(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso, vpcOf } = helpers(o);
  const buckets = (
    ((o.files.get("global/s3api/list-buckets") as { Buckets?: Json[] } | undefined)?.Buckets ?? []) as Json[]
  ).map((b) => String(b.Name));
  const regionOf = (bucket: string) => {
    const location = (
      o.files.get(`global/s3api/get-bucket-location/${bucket}`) as
        | { LocationConstraint?: string | null }
        | undefined
    )?.LocationConstraint;
    return location ?? "us-east-1";
  };
  const block = () => ({
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: !bad(),
    RestrictPublicBuckets: true,
  });
  const homes: Json[] = [];
  for (const region of o.regions) {
    const bucket = buckets.find((b) => regionOf(b) === region);
    if (bucket === undefined) {
      put(`${region}/s3control/list-access-points`, { AccessPointList: [] });
      continue;
    }
    // RegionReport's BucketAccountId is newer than the botocore models snapshots are validated against.
    homes.push({ Bucket: bucket, Region: region });
    const points = [
      { Name: "sim-analytics", NetworkOrigin: "Internet" },
      { Name: "sim-vpc-reader", NetworkOrigin: "VPC", VpcConfiguration: { VpcId: vpcOf(region) } },
    ].map((p) => ({
      ...p,
      Bucket: bucket,
      AccessPointArn: `arn:aws:s3:${region}:${accountId}:accesspoint/${p.Name}`,
      Alias: `${p.Name}-${rng.hex(26)}-s3alias`,
      BucketAccountId: accountId,
    }));
    put(`${region}/s3control/list-access-points`, { AccessPointList: points });
    for (const p of points)
      put(`${region}/s3control/get-access-point/${p.Name}`, {
        ...p,
        PublicAccessBlockConfiguration: block(),
        CreationDate: iso(rng.int(10, 400)),
        Endpoints: { ipv4: `s3-accesspoint.${region}.amazonaws.com` },
      });
  }
  put("global/s3control/list-multi-region-access-points", {
    AccessPoints:
      homes.length === 0
        ? []
        : [
            {
              Name: "sim-global-data",
              Alias: `${rng.hex(13)}.mrap`,
              CreatedAt: iso(rng.int(10, 400)),
              PublicAccessBlock: block(),
              Status: "READY",
              Regions: homes,
            },
          ],
  });
}

/**
 * Per region: the second DynamoDB table (`sim-sessions`) on provisioned capacity with a global
 * secondary index; Application Auto Scaling targets for the table's read and write capacity, and
 * for the index's unless misconfigured (DynamoDB.1). The `dynamodb` namespace's targets are written
 * in every region, empty where nothing scales.
 */
export function generateDynamoDbAutoScaling(put: Put, o: ServiceGenerationOptions): void {
  const { accountId } = o;
  const { bad, iso } = helpers(o);
  const role = `arn:aws:iam::${accountId}:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable`;
  const target = (resourceId: string, dimension: string) => ({
    ServiceNamespace: "dynamodb",
    ResourceId: resourceId,
    ScalableDimension: dimension,
    MinCapacity: 5,
    MaxCapacity: 400,
    RoleARN: role,
    CreationTime: iso(300),
  });
  for (const region of o.regions) {
    const key = `${region}/dynamodb/describe-table/sim-sessions`;
    const file = o.files.get(key) as { Table?: Json } | undefined;
    if (file?.Table === undefined) {
      put(`${region}/application-autoscaling/describe-scalable-targets`, { ScalableTargets: [] });
      continue;
    }
    const table = file.Table;
    const throughput = { NumberOfDecreasesToday: 0, ReadCapacityUnits: 5, WriteCapacityUnits: 5 };
    put(key, {
      Table: {
        ...table,
        BillingModeSummary: { BillingMode: "PROVISIONED" },
        ProvisionedThroughput: throughput,
        AttributeDefinitions: [
          { AttributeName: "pk", AttributeType: "S" },
          { AttributeName: "user", AttributeType: "S" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: "by-user",
            KeySchema: [{ AttributeName: "user", KeyType: "HASH" }],
            Projection: { ProjectionType: "KEYS_ONLY" },
            IndexStatus: "ACTIVE",
            ProvisionedThroughput: throughput,
            IndexSizeBytes: 0,
            ItemCount: 0,
            IndexArn: `${String(table.TableArn)}/index/by-user`,
          },
        ],
      },
    });
    const scaled = !bad();
    put(`${region}/application-autoscaling/describe-scalable-targets`, {
      ScalableTargets: [
        target("table/sim-sessions", "dynamodb:table:ReadCapacityUnits"),
        target("table/sim-sessions", "dynamodb:table:WriteCapacityUnits"),
        ...(scaled
          ? [
              target("table/sim-sessions/index/by-user", "dynamodb:index:ReadCapacityUnits"),
              target("table/sim-sessions/index/by-user", "dynamodb:index:WriteCapacityUnits"),
            ]
          : []),
      ],
    });
  }
}

/** Redshift clusters' Multi-AZ deployment (Redshift.18): `Disabled` at `rate`, else `Enabled`. */
export function generateRedshiftMultiAz(put: Put, o: ServiceGenerationOptions): void {
  const { bad } = helpers(o);
  for (const region of o.regions) {
    const key = `${region}/redshift/describe-clusters`;
    const clusters = (o.files.get(key) as { Clusters?: Json[] } | undefined)?.Clusters;
    if (clusters === undefined) continue;
    put(key, { Clusters: clusters.map((c) => ({ ...c, MultiAZ: bad() ? "Disabled" : "Enabled" })) });
  }
}

/**
 * Per region, VPC Block Public Access (EC2.172): internet gateway traffic not blocked (`off`, the
 * default) at `rate`, else blocked both ways or inbound only.
 */
export function generateVpcBlockPublicAccess(put: Put, o: ServiceGenerationOptions): void {
  const { rng, accountId } = o;
  const { bad, iso } = helpers(o);
  for (const region of o.regions) {
    const mode = bad() ? "off" : rng.pick(["block-bidirectional", "block-ingress"]);
    put(`${region}/ec2/describe-vpc-block-public-access-options`, {
      VpcBlockPublicAccessOptions: {
        AwsAccountId: accountId,
        AwsRegion: region,
        State: mode === "off" ? "default-state" : "update-complete",
        InternetGatewayBlockMode: mode,
        ...(mode === "off" ? {} : { LastUpdateTimestamp: iso(30) }),
        ManagedBy: "account",
        ExclusionsAllowed: "allowed",
      },
    });
  }
}

/** The short code AWS's zone ids start with: `us-east-1` → `use1`, `ap-southeast-2` → `apse2`. */
export function zoneIdPrefixOf(region: string): string {
  const [area = "", direction = "", number = ""] = region.split("-");
  const initials = direction.replace(/(north|south)(east|west)?|east|west|central/g, (word) =>
    word
      .replace("north", "n")
      .replace("south", "s")
      .replace("east", "e")
      .replace("west", "w")
      .replace("central", "c"),
  );
  return `${area}${initials}${number}`;
}

/**
 * S3 Express One Zone directory buckets (S3.25): in every third region, one scratch bucket in the
 * region's `az4`, its lifecycle rules missing (`NoSuchLifecycleConfiguration`: no file) at `rate`;
 * every region's list written, empty where there is none.
 */
export function generateS3DirectoryBuckets(put: Put, o: ServiceGenerationOptions): void {
  const { accountId } = o;
  const { bad, iso } = helpers(o);
  o.regions.forEach((region, index) => {
    if (index % 3 !== 0) {
      put(`${region}/s3api/list-directory-buckets`, { Buckets: [] });
      return;
    }
    const name = `sim-scratch--${zoneIdPrefixOf(region)}-az4--x-s3`;
    put(`${region}/s3api/list-directory-buckets`, {
      Buckets: [
        {
          Name: name,
          CreationDate: iso(90),
          BucketRegion: region,
          BucketArn: `arn:aws:s3express:${region}:${accountId}:bucket/${name}`,
        },
      ],
    });
    if (!bad())
      put(`global/s3api/get-bucket-lifecycle-configuration/${name}`, {
        Rules: [
          {
            ID: "expire-scratch",
            Filter: { Prefix: "tmp/" },
            Status: "Enabled",
            Expiration: { Days: 7 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          },
        ],
      });
  });
}
