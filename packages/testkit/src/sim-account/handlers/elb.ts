import { apiError } from "../errors.ts";
import { type Call, type Handler, type Output, paginate, read, readList, str, strings } from "./context.ts";

/**
 * Elastic Load Balancing: elbv2 (Application, Network and Gateway Load Balancers) and the classic
 * elb API. Both are query APIs paginated by `Marker` / `NextMarker`; per-load-balancer answers are
 * the snapshot files keyed by the load balancer's name.
 */

function markerPage(call: Call, items: readonly unknown[], member: string): Output {
  const { page, next } = paginate(items, {
    token: call.input.Marker,
    limit: call.input.PageSize,
    defaultLimit: 400,
    minLimit: 1,
    maxLimit: 400,
  });
  return { [member]: page, ...(next ? { NextMarker: next } : {}) };
}

/** `arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>` → the name, if it is one of ours. */
function elbv2Name(call: Call, member: string): string {
  const arn = str(call.input, member) ?? "";
  const found = readList(call, "describe-load-balancers", "LoadBalancers").find(
    (lb) => lb.LoadBalancerArn === arn,
  );
  if (!found) throw apiError("LoadBalancerNotFound", `One or more load balancers not found: '${arn}'`);
  return String(found.LoadBalancerName);
}

export const ELBV2_HANDLERS: Record<string, Handler> = {
  DescribeLoadBalancers: (call) => {
    const arns = strings(call.input, "LoadBalancerArns");
    const names = strings(call.input, "Names");
    const items = readList(call, "describe-load-balancers", "LoadBalancers").filter(
      (lb) =>
        (arns.length === 0 || arns.includes(String(lb.LoadBalancerArn))) &&
        (names.length === 0 || names.includes(String(lb.LoadBalancerName))),
    );
    return markerPage(call, items, "LoadBalancers");
  },
  DescribeListeners: (call) => {
    const name = elbv2Name(call, "LoadBalancerArn");
    const items = readList(call, "describe-listeners", "Listeners", { resource: name });
    return markerPage(call, items, "Listeners");
  },
  DescribeLoadBalancerAttributes: (call) =>
    read(call, "describe-load-balancer-attributes", { resource: elbv2Name(call, "LoadBalancerArn") }),
};

function classicName(call: Call): string {
  const name = str(call.input, "LoadBalancerName") ?? "";
  const found = readList(call, "describe-load-balancers", "LoadBalancerDescriptions").some(
    (lb) => lb.LoadBalancerName === name,
  );
  if (!found) throw apiError("LoadBalancerNotFound", `There is no ACTIVE Load Balancer named '${name}'`);
  return name;
}

export const ELB_HANDLERS: Record<string, Handler> = {
  DescribeLoadBalancers: (call) => {
    const names = strings(call.input, "LoadBalancerNames");
    const items = readList(call, "describe-load-balancers", "LoadBalancerDescriptions").filter(
      (lb) => names.length === 0 || names.includes(String(lb.LoadBalancerName)),
    );
    return markerPage(call, items, "LoadBalancerDescriptions");
  },
  DescribeLoadBalancerAttributes: (call) =>
    read(call, "describe-load-balancer-attributes", { resource: classicName(call) }),
  // The load balancer's own policies (a missing file: none); the `PolicyNames` filter narrows them.
  DescribeLoadBalancerPolicies: (call) => {
    const names = strings(call.input, "PolicyNames");
    const policies = readList(call, "describe-load-balancer-policies", "PolicyDescriptions", {
      resource: classicName(call),
    });
    const missing = names.find((n) => !policies.some((p) => p.PolicyName === n));
    if (missing !== undefined) throw apiError("PolicyNotFound", `There is no policy with name ${missing}`);
    return {
      PolicyDescriptions:
        names.length === 0 ? policies : policies.filter((p) => names.includes(String(p.PolicyName))),
    };
  },
};
