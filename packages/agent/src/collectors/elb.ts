import {
  type DescribeLoadBalancerAttributesOutput as ClassicAttributesOutput,
  DescribeLoadBalancerAttributesCommand as DescribeClassicAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  type DescribeLoadBalancerPoliciesOutput,
  ElasticLoadBalancingClient,
  type LoadBalancerDescription,
  paginateDescribeLoadBalancers as paginateClassicLoadBalancers,
} from "@aws-sdk/client-elastic-load-balancing";
import {
  type DescribeListenersOutput,
  DescribeLoadBalancerAttributesCommand,
  type DescribeLoadBalancerAttributesOutput,
  ElasticLoadBalancingV2Client,
  type LoadBalancer,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type CollectContext, type Collector, mapLimit, notListed } from "./collector.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ elb: ElasticLoadBalancingClient, elbv2: ElasticLoadBalancingV2Client });

/**
 * Elastic Load Balancing: Application, Network and Gateway Load Balancers (elbv2) with their
 * listeners and attributes, and Classic Load Balancers (elb) with their attributes and, for those
 * with an HTTPS or SSL listener, their policies. The mappers from AWS's answers to assets are pure
 * and exported: the check cases build assets through them.
 */

type Where = Pick<CollectContext, "partition" | "region" | "accountId">;

const ATTRIBUTE_FIELDS = [
  "accessLogsEnabled",
  "deletionProtectionEnabled",
  "dropInvalidHeaderFields",
  "desyncMitigationMode",
] as const;

/** One elbv2 load balancer from `DescribeLoadBalancers` and its two per-resource answers. */
export function elbv2LoadBalancerAsset(
  c: Where,
  lb: LoadBalancer,
  listeners: RawOutcome<DescribeListenersOutput>,
  attributes: RawOutcome<DescribeLoadBalancerAttributesOutput>,
): AssetOf<"aws.elbv2.load-balancer"> {
  const name = lb.LoadBalancerName ?? "";
  const type = String(lb.Type ?? "application");
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.elbv2.load-balancer">["config"]> = {
    loadBalancerName: name,
    loadBalancerType: type,
    scheme: String(lb.Scheme ?? "internet-facing"),
    availabilityZones: (lb.AvailabilityZones ?? []).flatMap((z) => (z.ZoneName ? [z.ZoneName] : [])),
  };
  if (!unread.failed(listeners, "listeners") && listeners.ok)
    config.listeners = (listeners.value.Listeners ?? []).map((l) => ({
      port: l.Port ?? null,
      protocol: String(l.Protocol ?? ""),
      sslPolicy: l.SslPolicy ?? null,
      defaultActions: (l.DefaultActions ?? []).map((a) =>
        a.RedirectConfig?.Protocol !== undefined
          ? { type: String(a.Type ?? ""), redirectProtocol: a.RedirectConfig.Protocol }
          : { type: String(a.Type ?? "") },
      ),
    }));
  if (!unread.failed(attributes, ...ATTRIBUTE_FIELDS) && attributes.ok) {
    const values = new Map((attributes.value.Attributes ?? []).map((a) => [a.Key ?? "", a.Value]));
    config.accessLogsEnabled = values.get("access_logs.s3.enabled") === "true";
    config.deletionProtectionEnabled = values.get("deletion_protection.enabled") === "true";
    const drop = values.get("routing.http.drop_invalid_header_fields.enabled");
    config.dropInvalidHeaderFields = drop === undefined ? null : drop === "true";
    config.desyncMitigationMode = values.get("routing.http.desync_mitigation_mode") ?? null;
  }
  return unread.attach({
    arn:
      lb.LoadBalancerArn ??
      `arn:${c.partition}:elasticloadbalancing:${c.region}:${c.accountId}:loadbalancer/${name}`,
    type: "aws.elbv2.load-balancer",
    region: c.region,
    accountId: c.accountId,
    name,
    tags: {},
    config: config as AssetOf<"aws.elbv2.load-balancer">["config"],
  });
}

const CLASSIC_ATTRIBUTE_FIELDS = [
  "accessLogEnabled",
  "connectionDrainingEnabled",
  "crossZoneLoadBalancingEnabled",
  "desyncMitigationMode",
] as const;

const isTls = (protocol: string | undefined) => {
  const p = (protocol ?? "").toUpperCase();
  return p === "HTTPS" || p === "SSL";
};

/** The Classic Load Balancer has an HTTPS or SSL listener (its policies are read only then). */
export function hasTlsListener(lb: LoadBalancerDescription): boolean {
  return (lb.ListenerDescriptions ?? []).some((d) => isTls(d.Listener?.Protocol));
}

/**
 * Each HTTPS or SSL listener of `lb` with its SSL negotiation policy (the listener's policy whose
 * `DescribeLoadBalancerPolicies` description is an `SSLNegotiationPolicyType`) and the predefined
 * policy that one was created from (its `Reference-Security-Policy` attribute; none: custom).
 */
export function sslListenerPolicies(
  lb: LoadBalancerDescription,
  policies: DescribeLoadBalancerPoliciesOutput,
): AssetOf<"aws.elb.load-balancer">["config"]["sslListenerPolicies"] {
  const negotiation = (policies.PolicyDescriptions ?? []).filter(
    (p) => p.PolicyTypeName === "SSLNegotiationPolicyType",
  );
  return (lb.ListenerDescriptions ?? []).flatMap((d) => {
    if (!d.Listener || !isTls(d.Listener.Protocol)) return [];
    const names = new Set(d.PolicyNames ?? []);
    const policy = negotiation.find((p) => names.has(p.PolicyName ?? ""));
    return [
      {
        protocol: (d.Listener.Protocol ?? "").toUpperCase(),
        loadBalancerPort: d.Listener.LoadBalancerPort ?? 0,
        policyName: policy?.PolicyName ?? null,
        referenceSecurityPolicy:
          policy?.PolicyAttributeDescriptions?.find((a) => a.AttributeName === "Reference-Security-Policy")
            ?.AttributeValue ?? null,
      },
    ];
  });
}

/**
 * One Classic Load Balancer from `DescribeLoadBalancers`, its `DescribeLoadBalancerAttributes`, and
 * its `DescribeLoadBalancerPolicies`: `undefined` when not read, as for a load balancer with no
 * HTTPS or SSL listener (whose `sslListenerPolicies` is then empty without it).
 */
export function elbLoadBalancerAsset(
  c: Where,
  lb: LoadBalancerDescription,
  attributes: RawOutcome<ClassicAttributesOutput>,
  policies?: RawOutcome<DescribeLoadBalancerPoliciesOutput>,
): AssetOf<"aws.elb.load-balancer"> {
  const name = lb.LoadBalancerName ?? "";
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.elb.load-balancer">["config"]> = {
    loadBalancerName: name,
    scheme: lb.Scheme ?? "internet-facing",
    availabilityZones: lb.AvailabilityZones ?? [],
    listeners: (lb.ListenerDescriptions ?? []).flatMap((d) =>
      d.Listener
        ? [
            {
              protocol: (d.Listener.Protocol ?? "").toUpperCase(),
              loadBalancerPort: d.Listener.LoadBalancerPort ?? 0,
              sslCertificateId: d.Listener.SSLCertificateId ?? null,
            },
          ]
        : [],
    ),
  };
  if (!unread.failed(attributes, ...CLASSIC_ATTRIBUTE_FIELDS) && attributes.ok) {
    const a = attributes.value.LoadBalancerAttributes;
    config.accessLogEnabled = a?.AccessLog?.Enabled === true;
    config.connectionDrainingEnabled = a?.ConnectionDraining?.Enabled === true;
    config.crossZoneLoadBalancingEnabled = a?.CrossZoneLoadBalancing?.Enabled === true;
    config.desyncMitigationMode =
      a?.AdditionalAttributes?.find((x) => x.Key === "elb.http.desyncmitigationmode")?.Value ?? "defensive";
  }
  if (!hasTlsListener(lb)) config.sslListenerPolicies = [];
  // Not given for a load balancer with a TLS listener: left out, so the asset fails its schema
  // (a collector's mistake shows) rather than reading as a listener without a policy.
  else if (policies && !unread.failed(policies, "sslListenerPolicies") && policies.ok)
    config.sslListenerPolicies = sslListenerPolicies(lb, policies.value);
  return unread.attach({
    arn: `arn:${c.partition}:elasticloadbalancing:${c.region}:${c.accountId}:loadbalancer/${name}`,
    type: "aws.elb.load-balancer",
    region: c.region,
    accountId: c.accountId,
    name,
    tags: {},
    config: config as AssetOf<"aws.elb.load-balancer">["config"],
  });
}

export const elbv2LoadBalancersCollector: Collector = {
  id: "elbv2-load-balancers",
  scope: "regional",
  resourceTypes: ["aws.elbv2.load-balancer"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "elbv2", command: "describe-load-balancers" },
      () => paginateDescribeLoadBalancers({ client: c.clients.elbv2, pageSize: 400 }, {}),
    );
    if (!out.ok) return notListed(c, elbv2LoadBalancersCollector);
    const assets = await mapLimit(out.value.LoadBalancers ?? [], 4, async (lb) => {
      const resource = lb.LoadBalancerName ?? "";
      const LoadBalancerArn = lb.LoadBalancerArn ?? "";
      const [listeners, attributes] = await Promise.all([
        c.read.pages({ scope: c.region, service: "elbv2", command: "describe-listeners", resource }, () =>
          paginateDescribeListeners({ client: c.clients.elbv2, pageSize: 400 }, { LoadBalancerArn }),
        ),
        c.read.one(
          { scope: c.region, service: "elbv2", command: "describe-load-balancer-attributes", resource },
          () => c.clients.elbv2.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn })),
        ),
      ]);
      return elbv2LoadBalancerAsset(c, lb, listeners, attributes);
    });
    return { assets };
  },
};

export const elbLoadBalancersCollector: Collector = {
  id: "elb-load-balancers",
  scope: "regional",
  resourceTypes: ["aws.elb.load-balancer"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "elb", command: "describe-load-balancers" },
      () => paginateClassicLoadBalancers({ client: c.clients.elb, pageSize: 400 }, {}),
    );
    if (!out.ok) return notListed(c, elbLoadBalancersCollector);
    const assets = await mapLimit(out.value.LoadBalancerDescriptions ?? [], 4, async (lb) => {
      const LoadBalancerName = lb.LoadBalancerName ?? "";
      const [attributes, policies] = await Promise.all([
        c.read.one(
          {
            scope: c.region,
            service: "elb",
            command: "describe-load-balancer-attributes",
            resource: LoadBalancerName,
          },
          () => c.clients.elb.send(new DescribeClassicAttributesCommand({ LoadBalancerName })),
        ),
        // Only a load balancer with an HTTPS or SSL listener has an SSL negotiation policy to read.
        hasTlsListener(lb)
          ? c.read.one(
              {
                scope: c.region,
                service: "elb",
                command: "describe-load-balancer-policies",
                resource: LoadBalancerName,
              },
              () => c.clients.elb.send(new DescribeLoadBalancerPoliciesCommand({ LoadBalancerName })),
            )
          : undefined,
      ]);
      return elbLoadBalancerAsset(c, lb, attributes, policies);
    });
    return { assets };
  },
};
