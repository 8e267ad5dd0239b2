import type { CheckCase } from "../../_cases/case.ts";
import { CLB, classicListener, clb, ok, sslNegotiationPolicy } from "../../_cases/elb.ts";

const check = "vigil.elb.ssl-listeners-use-predefined-tls12-policy";

/** `CLB`'s HTTPS listener on 443 with the named policy, and an SSL listener on 8443 with the second. */
const twoListeners = (https: string, ssl: string) => ({
  ListenerDescriptions: [
    { ...CLB.ListenerDescriptions?.[0], PolicyNames: [https] },
    {
      Listener: {
        Protocol: "SSL",
        LoadBalancerPort: 8443,
        InstanceProtocol: "TCP",
        InstancePort: 8443,
        SSLCertificateId: CLB.ListenerDescriptions?.[0]?.Listener?.SSLCertificateId,
      },
      PolicyNames: [ssl],
    },
  ],
});

/** Compliant and non-compliant cases of `vigil.elb.ssl-listeners-use-predefined-tls12-policy`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "HTTPS on ELBSecurityPolicy-TLS-1-2-2017-01", asset: clb(), expect: "pass" },
  {
    check,
    name: "a policy created from ELBSecurityPolicy-TLS-1-2-2017-01 under a name of its own",
    asset: clb({
      lb: { ListenerDescriptions: [{ ...CLB.ListenerDescriptions?.[0], PolicyNames: ["tls12"] }] },
      policies: ok({
        PolicyDescriptions: [sslNegotiationPolicy("tls12", "ELBSecurityPolicy-TLS-1-2-2017-01")],
      }),
    }),
    expect: "pass",
  },
  {
    check,
    name: "AWS's default ELBSecurityPolicy-2016-08",
    asset: clb({
      lb: {
        ListenerDescriptions: [
          { ...CLB.ListenerDescriptions?.[0], PolicyNames: ["ELBSecurityPolicy-2016-08"] },
        ],
      },
      policies: ok({
        PolicyDescriptions: [sslNegotiationPolicy("ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-2016-08")],
      }),
    }),
    expect: "fail",
    evidence: /HTTPS listener on port 443 uses ELBSecurityPolicy-2016-08/,
  },
  {
    check,
    name: "a custom policy (no Reference-Security-Policy)",
    asset: clb({
      lb: { ListenerDescriptions: [{ ...CLB.ListenerDescriptions?.[0], PolicyNames: ["my-ciphers"] }] },
      policies: ok({ PolicyDescriptions: [sslNegotiationPolicy("my-ciphers", null)] }),
    }),
    expect: "fail",
    evidence: /custom policy my-ciphers/,
  },
  {
    check,
    name: "an SSL listener with no SSL negotiation policy",
    asset: clb({
      lb: twoListeners("ELBSecurityPolicy-TLS-1-2-2017-01", "sticky"),
    }),
    expect: "fail",
    evidence: /SSL listener on port 8443 has no SSL negotiation policy/,
  },
  {
    check,
    name: "two listeners on weak policies",
    asset: clb({
      lb: twoListeners("ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-2016-08"),
      policies: ok({
        PolicyDescriptions: [sslNegotiationPolicy("ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-2016-08")],
      }),
    }),
    expect: "fail",
    evidence: /port 443 uses ELBSecurityPolicy-2016-08.*\(and 1 more\)/,
  },
  {
    check,
    name: "HTTP only: no policy read",
    asset: clb({ lb: classicListener("HTTP", 80) }),
    expect: "n/a",
  },
  {
    check,
    name: "DescribeLoadBalancerPolicies denied: not assessed",
    asset: clb({
      policies: {
        ok: false,
        kind: "denied",
        code: "AccessDenied",
        message: "User is not authorized to perform: elasticloadbalancing:DescribeLoadBalancerPolicies",
        call: "elb:DescribeLoadBalancerPolicies",
      },
    }),
    expect: "error",
  },
];
