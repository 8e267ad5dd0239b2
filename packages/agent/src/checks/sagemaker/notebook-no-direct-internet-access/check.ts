import { defineCheck, fail, pass } from "../../check.ts";

const OFF = pass("direct internet access is disabled");
const ON = fail("the notebook instance has direct internet access");
export const notebookNoDirectInternetAccess = defineCheck({
  id: "vigil.sagemaker.notebook-no-direct-internet-access",
  title: "SageMaker notebook instances should not have direct internet access",
  severity: "high",
  resourceType: "aws.sagemaker.notebook-instance",
  reads: ["directInternetAccess"],
  rationale:
    "With direct internet access a notebook, which holds data and an execution role, can be reached from and send data to the internet outside your VPC's controls.",
  remediation:
    "Direct internet access is set at creation: create the notebook instance again with --subnet-id <subnet> --security-group-ids <sg> --direct-internet-access Disabled",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-1",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html",
  ],
  mappings: { cis: [], fsbp: ["SageMaker.1"] },
  evaluate: (asset) => (asset.config.directInternetAccess === "Disabled" ? OFF : ON),
});
