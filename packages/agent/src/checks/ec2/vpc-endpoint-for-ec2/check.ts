import { defineCheck } from "../../check.ts";
import { endpointOutcome } from "../vpc-endpoints.ts";

export const ec2VpcEndpointForEc2 = defineCheck({
  id: "vigil.ec2.vpc-endpoint-for-ec2",
  title: "Amazon EC2 should be configured to use VPC endpoints that are created for the Amazon EC2 service",
  severity: "medium",
  resourceType: "aws.ec2.vpc",
  reads: ["endpoints"],
  rationale:
    "With an interface endpoint for Amazon EC2 in the VPC, its instances reach the service over AWS's private network: no internet gateway, NAT or public address is needed for those calls, and the endpoint's policy can limit them.",
  remediation:
    "aws ec2 create-vpc-endpoint --vpc-id <vpc> --vpc-endpoint-type Interface --service-name com.amazonaws.<region>.ec2 --subnet-ids <subnets> --security-group-ids <group> --private-dns-enabled (console: VPC > Endpoints > Create endpoint).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-10",
    "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.10"] },
  evaluate: (asset) => endpointOutcome(asset, "ec2"),
});
