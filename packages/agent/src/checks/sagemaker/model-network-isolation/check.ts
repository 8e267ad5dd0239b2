import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("network isolation is enabled");
const OFF = fail("network isolation is disabled");
export const modelNetworkIsolation = defineCheck({
  id: "vigil.sagemaker.model-network-isolation",
  title: "SageMaker models should block inbound traffic",
  severity: "medium",
  resourceType: "aws.sagemaker.model",
  reads: ["networkIsolation"],
  rationale:
    "With network isolation the model's containers make and accept no network calls, so a compromised model cannot reach out or be reached.",
  remediation:
    "Network isolation is set at creation: aws sagemaker create-model --model-name <name> --enable-network-isolation ... and point the endpoint configuration to the new model",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-5",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html",
  ],
  mappings: { cis: [], fsbp: ["SageMaker.5"] },
  evaluate: (asset) => (asset.config.networkIsolation ? ON : OFF),
});
