import { defineCheck, fail, pass } from "../../check.ts";

const NO_HTTP = pass("the load balancer has no plain HTTP listener");
const REDIRECTS = pass("every HTTP listener redirects to HTTPS");
const PLAIN = fail("an HTTP listener serves requests without redirecting them to HTTPS");

export const albHttpRedirectsToHttps = defineCheck({
  id: "vigil.elbv2.alb-http-redirects-to-https",
  title: "Application Load Balancers should redirect all HTTP requests to HTTPS",
  severity: "medium",
  resourceType: "aws.elbv2.load-balancer",
  reads: ["loadBalancerType", "listeners"],
  rationale:
    "Requests answered over plain HTTP travel unencrypted: anyone on the path can read or alter them. A redirect sends every client to the HTTPS listener.",
  remediation:
    "aws elbv2 modify-listener --listener-arn <http-listener-arn> --default-actions 'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}' (console: EC2 > Load Balancers > Listeners > Edit).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-1",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions",
  ],
  mappings: { cis: [], fsbp: ["ELB.1"] },
  evaluate: (asset) => {
    if (asset.config.loadBalancerType !== "application") return undefined;
    const http = asset.config.listeners.filter((l) => l.protocol === "HTTP");
    if (http.length === 0) return NO_HTTP;
    const redirected = (l: (typeof http)[number]) =>
      l.defaultActions.some((a) => a.type === "redirect" && a.redirectProtocol === "HTTPS");
    return http.every(redirected) ? REDIRECTS : PLAIN;
  },
});
