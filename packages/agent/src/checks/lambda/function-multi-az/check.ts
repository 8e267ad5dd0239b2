import { defineCheck, fail, pass } from "../../check.ts";

/** FSBP Lambda.5's default: at least two Availability Zones. */
const MIN_ZONES = 2;

export const lambdaFunctionMultiAz = defineCheck({
  id: "vigil.lambda.function-multi-az",
  title: "VPC Lambda functions should operate in multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.lambda.function",
  reads: ["vpcAvailabilityZones"],
  rationale:
    "A function attached to a VPC runs only in the zones of its subnets; with one zone, an outage of that zone stops the function although Lambda itself keeps running elsewhere.",
  remediation:
    "aws lambda update-function-configuration --function-name <name> --vpc-config SubnetIds=<subnet in zone a>,<subnet in zone b>,SecurityGroupIds=<groups> (console: Lambda > function > Configuration > VPC > Edit)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-5",
    "https://docs.aws.amazon.com/lambda/latest/dg/security-resilience.html",
  ],
  mappings: { cis: [], fsbp: ["Lambda.5"] },
  evaluate: (asset) => {
    const zones = asset.config.vpcAvailabilityZones;
    if (zones === null) return undefined;
    return zones.length >= MIN_ZONES
      ? pass(`its subnets are in ${zones.length} Availability Zones (${zones.join(", ")})`)
      : fail(
          zones.length === 0
            ? "none of its subnets is listed in the region"
            : `its subnets are all in ${zones[0]}: one Availability Zone`,
        );
  },
});
