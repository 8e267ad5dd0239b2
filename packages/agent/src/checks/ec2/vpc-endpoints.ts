import type { AssetOf } from "../../assets/index.ts";
import { type CheckOutcome, fail, pass } from "../check.ts";

/** States in which an endpoint carries no traffic (`DescribeVpcEndpoints` spells them in either case). */
const NOT_SERVING = new Set(["deleting", "deleted", "rejected", "failed", "expired"]);

/**
 * FSBP's VPC endpoint controls (EC2.10, EC2.55–EC2.60): the VPC has an interface endpoint for
 * `com.amazonaws.<its region>.<service>` that is not rejected, failed or going away.
 */
export function endpointOutcome(asset: AssetOf<"aws.ec2.vpc">, service: string): CheckOutcome {
  const name = `com.amazonaws.${asset.region}.${service}`;
  const endpoint = asset.config.endpoints.find(
    (e) => e.serviceName === name && e.type === "Interface" && !NOT_SERVING.has(e.state.toLowerCase()),
  );
  return endpoint
    ? pass(`interface endpoint ${endpoint.vpcEndpointId} for ${name}`)
    : fail(`no interface endpoint for ${name}`);
}
