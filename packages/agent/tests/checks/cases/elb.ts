import type {
  DescribeLoadBalancerAttributesOutput as ClassicAttributes,
  LoadBalancerDescription,
} from "@aws-sdk/client-elastic-load-balancing";
import type {
  DescribeListenersOutput,
  DescribeLoadBalancerAttributesOutput,
  Listener,
  LoadBalancer,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { elbLoadBalancerAsset, elbv2LoadBalancerAsset } from "../../../src/collectors/elb.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

/** Assets built through the collector's own mappers from AWS's answers (as the SDK returns them). */
const WHERE = { partition: "aws", region: REGION, accountId: ACCOUNT };
const ok = <T>(value: T) => ({ ok: true as const, value });

const ALB: LoadBalancer = {
  LoadBalancerArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188`,
  DNSName: "web-1234567890.us-east-1.elb.amazonaws.com",
  LoadBalancerName: "web",
  Scheme: "internet-facing",
  VpcId: "vpc-0a1b2c3d",
  State: { Code: "active" },
  Type: "application",
  AvailabilityZones: [
    { ZoneName: "us-east-1a", SubnetId: "subnet-0a" },
    { ZoneName: "us-east-1b", SubnetId: "subnet-0b" },
  ],
  SecurityGroups: ["sg-0web"],
  IpAddressType: "ipv4",
};
const NLB: LoadBalancer = {
  ...ALB,
  LoadBalancerArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/net/edge/73e2d6bc24d8a067`,
  LoadBalancerName: "edge",
  Type: "network",
  SecurityGroups: undefined,
};
const REDIRECT_TO_HTTPS: Listener = {
  Port: 80,
  Protocol: "HTTP",
  DefaultActions: [
    {
      Type: "redirect",
      Order: 1,
      RedirectConfig: {
        Protocol: "HTTPS",
        Port: "443",
        Host: "#{host}",
        Path: "/#{path}",
        StatusCode: "HTTP_301",
      },
    },
  ],
};
const FORWARD_HTTP: Listener = {
  Port: 80,
  Protocol: "HTTP",
  DefaultActions: [
    {
      Type: "forward",
      TargetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1",
    },
  ],
};
const HTTPS = (SslPolicy: string): Listener => ({
  Port: 443,
  Protocol: "HTTPS",
  SslPolicy,
  Certificates: [{ CertificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/1` }],
  DefaultActions: [
    {
      Type: "forward",
      TargetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1",
    },
  ],
});
const GOOD_ATTRIBUTES: Record<string, string> = {
  "access_logs.s3.enabled": "true",
  "access_logs.s3.bucket": "elb-logs",
  "deletion_protection.enabled": "true",
  "idle_timeout.timeout_seconds": "60",
  "routing.http.desync_mitigation_mode": "defensive",
  "routing.http.drop_invalid_header_fields.enabled": "true",
};
const attributes = (over: Record<string, string> = {}): DescribeLoadBalancerAttributesOutput => ({
  Attributes: Object.entries({ ...GOOD_ATTRIBUTES, ...over }).map(([Key, Value]) => ({ Key, Value })),
});

const alb = (
  over: { lb?: Partial<LoadBalancer>; listeners?: Listener[]; attributes?: Record<string, string> } = {},
) =>
  elbv2LoadBalancerAsset(
    WHERE,
    { ...ALB, ...over.lb },
    ok<DescribeListenersOutput>({
      Listeners: over.listeners ?? [REDIRECT_TO_HTTPS, HTTPS("ELBSecurityPolicy-TLS13-1-2-2021-06")],
    }),
    ok(attributes(over.attributes)),
  );
const nlb = (listeners: Listener[]) =>
  elbv2LoadBalancerAsset(
    WHERE,
    NLB,
    ok({ Listeners: listeners }),
    ok({
      Attributes: [
        { Key: "access_logs.s3.enabled", Value: "false" },
        { Key: "deletion_protection.enabled", Value: "false" },
        { Key: "load_balancing.cross_zone.enabled", Value: "false" },
      ],
    }),
  );

const CLB: LoadBalancerDescription = {
  LoadBalancerName: "legacy",
  DNSName: "legacy-1234567890.us-east-1.elb.amazonaws.com",
  ListenerDescriptions: [
    {
      Listener: {
        Protocol: "HTTPS",
        LoadBalancerPort: 443,
        InstanceProtocol: "HTTP",
        InstancePort: 80,
        SSLCertificateId: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/2`,
      },
      PolicyNames: ["ELBSecurityPolicy-TLS-1-2-2017-01"],
    },
  ],
  AvailabilityZones: ["us-east-1a", "us-east-1b"],
  Subnets: ["subnet-0a", "subnet-0b"],
  VPCId: "vpc-0a1b2c3d",
  HealthCheck: { Target: "HTTP:80/", Interval: 30, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 10 },
  Scheme: "internet-facing",
};
const GOOD_CLASSIC: ClassicAttributes = {
  LoadBalancerAttributes: {
    CrossZoneLoadBalancing: { Enabled: true },
    AccessLog: { Enabled: true, S3BucketName: "elb-logs", EmitInterval: 60 },
    ConnectionDraining: { Enabled: true, Timeout: 300 },
    ConnectionSettings: { IdleTimeout: 60 },
    AdditionalAttributes: [{ Key: "elb.http.desyncmitigationmode", Value: "defensive" }],
  },
};
type ClassicSettings = NonNullable<ClassicAttributes["LoadBalancerAttributes"]>;
const clb = (over: { lb?: Partial<LoadBalancerDescription>; attributes?: Partial<ClassicSettings> } = {}) =>
  elbLoadBalancerAsset(
    WHERE,
    { ...CLB, ...over.lb },
    ok({ LoadBalancerAttributes: { ...GOOD_CLASSIC.LoadBalancerAttributes, ...over.attributes } }),
  );
const classicListener = (Protocol: string, LoadBalancerPort: number, SSLCertificateId?: string) => ({
  ListenerDescriptions: [
    {
      Listener: { Protocol, LoadBalancerPort, InstanceProtocol: "HTTP", InstancePort: 80, SSLCertificateId },
    },
  ],
});

export const elbCases: CheckCase[] = [
  { check: "vigil.elbv2.alb-http-redirects-to-https", name: "HTTP redirects", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.alb-http-redirects-to-https",
    name: "HTTPS only",
    asset: alb({ listeners: [HTTPS("ELBSecurityPolicy-TLS13-1-2-2021-06")] }),
    expect: "pass",
  },
  {
    check: "vigil.elbv2.alb-http-redirects-to-https",
    name: "HTTP forwards",
    asset: alb({ listeners: [FORWARD_HTTP, HTTPS("ELBSecurityPolicy-TLS13-1-2-2021-06")] }),
    expect: "fail",
  },
  { check: "vigil.elbv2.alb-http-redirects-to-https", name: "NLB", asset: nlb([]), expect: "n/a" },
  { check: "vigil.elbv2.alb-drops-invalid-headers", name: "dropped", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.alb-drops-invalid-headers",
    name: "forwarded",
    asset: alb({ attributes: { "routing.http.drop_invalid_header_fields.enabled": "false" } }),
    expect: "fail",
  },
  { check: "vigil.elbv2.alb-drops-invalid-headers", name: "NLB", asset: nlb([]), expect: "n/a" },
  { check: "vigil.elbv2.alb-access-logging-enabled", name: "on", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.alb-access-logging-enabled",
    name: "off",
    asset: alb({ attributes: { "access_logs.s3.enabled": "false" } }),
    expect: "fail",
  },
  { check: "vigil.elbv2.alb-deletion-protection-enabled", name: "on", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.alb-deletion-protection-enabled",
    name: "off",
    asset: alb({ attributes: { "deletion_protection.enabled": "false" } }),
    expect: "fail",
  },
  { check: "vigil.elbv2.alb-desync-mitigation-defensive", name: "defensive", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.alb-desync-mitigation-defensive",
    name: "strictest",
    asset: alb({ attributes: { "routing.http.desync_mitigation_mode": "strictest" } }),
    expect: "pass",
  },
  {
    check: "vigil.elbv2.alb-desync-mitigation-defensive",
    name: "monitor",
    asset: alb({ attributes: { "routing.http.desync_mitigation_mode": "monitor" } }),
    expect: "fail",
  },
  { check: "vigil.elbv2.load-balancer-multiple-azs", name: "two zones", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.load-balancer-multiple-azs",
    name: "one zone",
    asset: alb({ lb: { AvailabilityZones: [{ ZoneName: "us-east-1a", SubnetId: "subnet-0a" }] } }),
    expect: "fail",
  },
  { check: "vigil.elbv2.listeners-use-secure-tls-policy", name: "TLS 1.2+", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.listeners-use-secure-tls-policy",
    name: "the 2016-08 default",
    asset: alb({ listeners: [REDIRECT_TO_HTTPS, HTTPS("ELBSecurityPolicy-2016-08")] }),
    expect: "fail",
  },
  {
    check: "vigil.elbv2.listeners-use-secure-tls-policy",
    name: "NLB TLS listener with TLS13-1-0",
    asset: nlb([{ Port: 443, Protocol: "TLS", SslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06" }]),
    expect: "fail",
  },
  {
    check: "vigil.elbv2.listeners-use-secure-tls-policy",
    name: "no TLS listener",
    asset: nlb([{ Port: 53, Protocol: "UDP" }]),
    expect: "pass",
  },

  { check: "vigil.elb.listeners-use-tls", name: "HTTPS", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.listeners-use-tls",
    name: "HTTP",
    asset: clb({ lb: classicListener("HTTP", 80) }),
    expect: "fail",
  },
  {
    check: "vigil.elb.listeners-use-tls",
    name: "no listener",
    asset: clb({ lb: { ListenerDescriptions: [] } }),
    expect: "n/a",
  },
  { check: "vigil.elb.certificates-from-acm", name: "ACM", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.certificates-from-acm",
    name: "IAM server certificate",
    asset: clb({ lb: classicListener("SSL", 443, `arn:aws:iam::${ACCOUNT}:server-certificate/legacy`) }),
    expect: "fail",
  },
  {
    check: "vigil.elb.certificates-from-acm",
    name: "HTTP only",
    asset: clb({ lb: classicListener("HTTP", 80) }),
    expect: "n/a",
  },
  { check: "vigil.elb.access-logging-enabled", name: "on", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.access-logging-enabled",
    name: "off",
    asset: clb({ attributes: { AccessLog: { Enabled: false } } }),
    expect: "fail",
  },
  { check: "vigil.elb.connection-draining-enabled", name: "on", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.connection-draining-enabled",
    name: "off",
    asset: clb({ attributes: { ConnectionDraining: { Enabled: false, Timeout: 300 } } }),
    expect: "fail",
  },
  { check: "vigil.elb.cross-zone-load-balancing-enabled", name: "on", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.cross-zone-load-balancing-enabled",
    name: "off",
    asset: clb({ attributes: { CrossZoneLoadBalancing: { Enabled: false } } }),
    expect: "fail",
  },
  { check: "vigil.elb.multiple-azs", name: "two zones", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.multiple-azs",
    name: "one zone",
    asset: clb({ lb: { AvailabilityZones: ["us-east-1a"] } }),
    expect: "fail",
  },
  { check: "vigil.elb.desync-mitigation-defensive", name: "defensive", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.desync-mitigation-defensive",
    name: "not returned: AWS's default, defensive",
    asset: clb({ attributes: { AdditionalAttributes: [] } }),
    expect: "pass",
  },
  {
    check: "vigil.elb.desync-mitigation-defensive",
    name: "monitor",
    asset: clb({
      attributes: { AdditionalAttributes: [{ Key: "elb.http.desyncmitigationmode", Value: "monitor" }] },
    }),
    expect: "fail",
  },
];
