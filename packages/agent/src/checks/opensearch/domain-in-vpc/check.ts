import { defineCheck, fail, pass } from "../../check.ts";

const IN_VPC = pass("the domain is reachable only through its VPC endpoints");
const PUBLIC = fail("the domain has a public endpoint (not in a VPC)");
export const openSearchDomainInVpc = defineCheck({
  id: "vigil.opensearch.domain-in-vpc",
  title: "OpenSearch domains should not be publicly accessible",
  severity: "critical",
  resourceType: "aws.opensearch.domain",
  reads: ["inVpc"],
  rationale:
    "A domain with a public endpoint is reachable from the internet, protected only by its access policy; in a VPC, security groups and the network keep it private.",
  remediation:
    "Create the domain in a VPC (aws opensearch create-domain --vpc-options SubnetIds=<subnets>,SecurityGroupIds=<groups>) and migrate the data: a public domain cannot be moved into a VPC",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-2",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html",
  ],
  mappings: { cis: [], fsbp: ["Opensearch.2"] },
  evaluate: (asset) => (asset.config.inVpc ? IN_VPC : PUBLIC),
});
