import { defineCheck, fail, pass } from "../../check.ts";

const VPC = pass("the notebook instance runs in a subnet of your VPC");
const SERVICE = fail("the notebook instance runs in SageMaker's own VPC");
export const notebookInVpc = defineCheck({
  id: "vigil.sagemaker.notebook-in-vpc",
  title: "SageMaker notebook instances should be launched in a custom VPC",
  severity: "high",
  resourceType: "aws.sagemaker.notebook-instance",
  reads: ["subnetId"],
  rationale:
    "In your own VPC the notebook's traffic is subject to your security groups, network ACLs, endpoints and flow logs.",
  remediation:
    "The subnet is set at creation: create the notebook instance again with --subnet-id <subnet> --security-group-ids <sg>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-2",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html",
  ],
  mappings: { cis: [], fsbp: ["SageMaker.2"] },
  evaluate: (asset) => (asset.config.subnetId !== null ? VPC : SERVICE),
});
