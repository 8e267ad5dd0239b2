import { defineCheck } from "../../check.ts";
import { endpointOutcome } from "../vpc-endpoints.ts";

export const ec2VpcInterfaceEndpointEcrApi = defineCheck({
  id: "vigil.ec2.vpc-interface-endpoint-ecr-api",
  title: "VPCs should be configured with an interface endpoint for ECR API",
  severity: "medium",
  resourceType: "aws.ec2.vpc",
  reads: ["endpoints"],
  rationale:
    "With an interface endpoint for the ECR API in the VPC, its instances reach the service over AWS's private network: no internet gateway, NAT or public address is needed for those calls, and the endpoint's policy can limit them.",
  remediation:
    "aws ec2 create-vpc-endpoint --vpc-id <vpc> --vpc-endpoint-type Interface --service-name com.amazonaws.<region>.ecr.api --subnet-ids <subnets> --security-group-ids <group> --private-dns-enabled (console: VPC > Endpoints > Create endpoint).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-55",
    "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.55"] },
  evaluate: (asset) => endpointOutcome(asset, "ecr.api"),
});
