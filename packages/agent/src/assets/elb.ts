import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** An action of a listener's default rule: only what the checks need (a redirect's target protocol). */
const listenerActionSchema = lazySchema(() =>
  z.object({
    type: z.string(),
    /** `RedirectConfig.Protocol` (`HTTPS`, `HTTP`, `#{protocol}`) of a `redirect` action. */
    redirectProtocol: z.string().optional(),
  }),
);

/**
 * An Application, Network or Gateway Load Balancer (`DescribeLoadBalancers`), with its listeners
 * (`DescribeListeners`) and attributes (`DescribeLoadBalancerAttributes`). An attribute the API
 * does not return for this type of load balancer is `null` (NLBs have no desync mitigation mode).
 */
export const elbv2LoadBalancerSchema = assetSchemaOf("aws.elbv2.load-balancer", () =>
  z.object({
    loadBalancerName: z.string(),
    /** `application`, `network` or `gateway`. */
    loadBalancerType: z.string(),
    scheme: z.string(),
    /** Zone names the load balancer has nodes in. */
    availabilityZones: z.array(z.string()),
    listeners: z.array(
      z.object({
        port: z.number().int().nullable(),
        /** `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `GENEVE`. */
        protocol: z.string(),
        sslPolicy: z.string().nullable(),
        defaultActions: z.array(listenerActionSchema),
      }),
    ),
    /** `access_logs.s3.enabled`. */
    accessLogsEnabled: z.boolean(),
    /** `deletion_protection.enabled`. */
    deletionProtectionEnabled: z.boolean(),
    /** `routing.http.drop_invalid_header_fields.enabled` (ALB only). */
    dropInvalidHeaderFields: z.boolean().nullable(),
    /** `routing.http.desync_mitigation_mode`: `monitor`, `defensive` or `strictest` (ALB only). */
    desyncMitigationMode: z.string().nullable(),
  }),
);

/**
 * A Classic Load Balancer (`elb DescribeLoadBalancers`) with its attributes
 * (`DescribeLoadBalancerAttributes`) and, when it has an HTTPS or SSL listener, its policies
 * (`DescribeLoadBalancerPolicies`).
 */
export const elbLoadBalancerSchema = assetSchemaOf("aws.elb.load-balancer", () =>
  z.object({
    loadBalancerName: z.string(),
    scheme: z.string(),
    availabilityZones: z.array(z.string()),
    listeners: z.array(
      z.object({
        /** Front-end protocol: `HTTP`, `HTTPS`, `TCP` or `SSL`. */
        protocol: z.string(),
        loadBalancerPort: z.number().int(),
        /** `SSLCertificateId`: an ACM or IAM server certificate ARN. */
        sslCertificateId: z.string().nullable(),
      }),
    ),
    accessLogEnabled: z.boolean(),
    connectionDrainingEnabled: z.boolean(),
    crossZoneLoadBalancingEnabled: z.boolean(),
    /**
     * `elb.http.desyncmitigationmode` of `AdditionalAttributes`: `monitor`, `defensive` or
     * `strictest`; AWS's default `defensive` when the attribute is not returned.
     */
    desyncMitigationMode: z.string(),
    /**
     * Each HTTPS or SSL listener with its SSL negotiation policy: the listener's `PolicyNames` entry
     * whose `DescribeLoadBalancerPolicies` description is of type `SSLNegotiationPolicyType`
     * (`null`: none), and that policy's `Reference-Security-Policy` attribute, the predefined
     * security policy it was created from (`null`: a custom policy, or no policy). Empty, without a
     * read, for a load balancer with no HTTPS or SSL listener.
     */
    sslListenerPolicies: z.array(
      z.object({
        /** `HTTPS` or `SSL`. */
        protocol: z.string(),
        loadBalancerPort: z.number().int(),
        policyName: z.string().nullable(),
        referenceSecurityPolicy: z.string().nullable(),
      }),
    ),
  }),
);
