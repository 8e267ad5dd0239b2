import { defineCheck, fail, pass } from "../../check.ts";

const OFF = pass("root access is disabled");
const ON = fail("users have root access on the notebook instance");
export const notebookRootAccessDisabled = defineCheck({
  id: "vigil.sagemaker.notebook-root-access-disabled",
  title: "Users should not have root access to SageMaker notebook instances",
  severity: "high",
  resourceType: "aws.sagemaker.notebook-instance",
  reads: ["rootAccess"],
  rationale:
    "A root user on the notebook instance can change its software and its configuration, and reach everything its execution role can.",
  remediation:
    "aws sagemaker stop-notebook-instance --notebook-instance-name <name>, then aws sagemaker update-notebook-instance --notebook-instance-name <name> --root-access Disabled",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-3",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html",
  ],
  mappings: { cis: [], fsbp: ["SageMaker.3"] },
  evaluate: (asset) => (asset.config.rootAccess === "Disabled" ? OFF : ON),
});
