import type {
  DescribeLoadBalancerAttributesOutput as ClassicAttributes,
  DescribeLoadBalancerPoliciesOutput,
  LoadBalancerDescription,
  PolicyDescription,
} from "@aws-sdk/client-elastic-load-balancing";
import type {
  DescribeListenersOutput,
  DescribeLoadBalancerAttributesOutput,
  Listener,
  LoadBalancer,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { elbLoadBalancerAsset, elbv2LoadBalancerAsset, hasTlsListener } from "../../collectors/elb.ts";
import type { RawOutcome } from "../../discovery/reader.ts";
import { ACCOUNT, REGION } from "./aws.ts";

/** Assets built through the collector's own mappers from AWS's answers (as the SDK returns them). */
export const WHERE = { partition: "aws", region: REGION, accountId: ACCOUNT };
export const ok = <T>(value: T) => ({ ok: true as const, value });
export const ALB: LoadBalancer = {
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
export const NLB: LoadBalancer = {
  ...ALB,
  LoadBalancerArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/net/edge/73e2d6bc24d8a067`,
  LoadBalancerName: "edge",
  Type: "network",
  SecurityGroups: undefined,
};
export const REDIRECT_TO_HTTPS: Listener = {
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
export const FORWARD_HTTP: Listener = {
  Port: 80,
  Protocol: "HTTP",
  DefaultActions: [
    {
      Type: "forward",
      TargetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1",
    },
  ],
};
export const HTTPS = (SslPolicy: string): Listener => ({
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
export const GOOD_ATTRIBUTES: Record<string, string> = {
  "access_logs.s3.enabled": "true",
  "access_logs.s3.bucket": "elb-logs",
  "deletion_protection.enabled": "true",
  "idle_timeout.timeout_seconds": "60",
  "routing.http.desync_mitigation_mode": "defensive",
  "routing.http.drop_invalid_header_fields.enabled": "true",
};
export const attributes = (over: Record<string, string> = {}): DescribeLoadBalancerAttributesOutput => ({
  Attributes: Object.entries({ ...GOOD_ATTRIBUTES, ...over }).map(([Key, Value]) => ({ Key, Value })),
});
export const alb = (
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
export const nlb = (listeners: Listener[]) =>
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
export const CLB: LoadBalancerDescription = {
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
export const GOOD_CLASSIC: ClassicAttributes = {
  LoadBalancerAttributes: {
    CrossZoneLoadBalancing: { Enabled: true },
    AccessLog: { Enabled: true, S3BucketName: "elb-logs", EmitInterval: 60 },
    ConnectionDraining: { Enabled: true, Timeout: 300 },
    ConnectionSettings: { IdleTimeout: 60 },
    AdditionalAttributes: [{ Key: "elb.http.desyncmitigationmode", Value: "defensive" }],
  },
};
/**
 * An SSL negotiation policy as `DescribeLoadBalancerPolicies` describes it: created from the
 * predefined `reference` (AWS names the one it creates with a listener after it), or custom (`null`:
 * no `Reference-Security-Policy`, protocols and ciphers chosen one by one).
 */
export const sslNegotiationPolicy = (PolicyName: string, reference: string | null): PolicyDescription => ({
  PolicyName,
  PolicyTypeName: "SSLNegotiationPolicyType",
  PolicyAttributeDescriptions: [
    ...(reference === null
      ? []
      : [{ AttributeName: "Reference-Security-Policy", AttributeValue: reference }]),
    {
      AttributeName: "Protocol-TLSv1",
      AttributeValue: String(reference !== "ELBSecurityPolicy-TLS-1-2-2017-01"),
    },
    {
      AttributeName: "Protocol-TLSv1.1",
      AttributeValue: String(reference !== "ELBSecurityPolicy-TLS-1-2-2017-01"),
    },
    { AttributeName: "Protocol-TLSv1.2", AttributeValue: "true" },
    { AttributeName: "Server-Defined-Cipher-Order", AttributeValue: "true" },
    { AttributeName: "ECDHE-RSA-AES128-GCM-SHA256", AttributeValue: "true" },
  ],
});
/** The policies of `CLB`: its HTTPS listener's `ELBSecurityPolicy-TLS-1-2-2017-01`, and a stickiness policy. */
export const GOOD_POLICIES: DescribeLoadBalancerPoliciesOutput = {
  PolicyDescriptions: [
    sslNegotiationPolicy("ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-TLS-1-2-2017-01"),
    {
      PolicyName: "sticky",
      PolicyTypeName: "LBCookieStickinessPolicyType",
      PolicyAttributeDescriptions: [{ AttributeName: "CookieExpirationPeriod", AttributeValue: "3600" }],
    },
  ],
};
export type ClassicSettings = NonNullable<ClassicAttributes["LoadBalancerAttributes"]>;
/**
 * A Classic Load Balancer through the collector's mapper. Its policies are given to the mapper only
 * when it has an HTTPS or SSL listener, as the collector reads them (`policies` replaces the answer).
 */
export const clb = (
  over: {
    lb?: Partial<LoadBalancerDescription>;
    attributes?: Partial<ClassicSettings>;
    policies?: RawOutcome<DescribeLoadBalancerPoliciesOutput>;
  } = {},
) => {
  const lb = { ...CLB, ...over.lb };
  return elbLoadBalancerAsset(
    WHERE,
    lb,
    ok({ LoadBalancerAttributes: { ...GOOD_CLASSIC.LoadBalancerAttributes, ...over.attributes } }),
    hasTlsListener(lb) ? (over.policies ?? ok(GOOD_POLICIES)) : undefined,
  );
};
export const classicListener = (Protocol: string, LoadBalancerPort: number, SSLCertificateId?: string) => ({
  ListenerDescriptions: [
    {
      Listener: { Protocol, LoadBalancerPort, InstanceProtocol: "HTTP", InstancePort: 80, SSLCertificateId },
    },
  ],
});
