import { defineCheck, fail, pass } from "../../check.ts";

const MANY = pass("every production variant starts with more than one instance");
const ONE = fail("a production variant starts with a single instance");
export const endpointConfigMultipleInstances = defineCheck({
  id: "vigil.sagemaker.endpoint-config-multiple-instances",
  title: "SageMaker endpoint production variants should have an initial instance count greater than 1",
  severity: "medium",
  resourceType: "aws.sagemaker.endpoint-config",
  reads: ["variantInstanceCounts"],
  rationale:
    "With more than one instance SageMaker spreads a variant across Availability Zones, so the endpoint keeps serving when an instance or a zone fails.",
  remediation:
    "Create an endpoint configuration whose variants have --production-variants ...,InitialInstanceCount=2 and aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <new-config>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-4",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/best-practice-endpoint-security.html",
  ],
  mappings: { cis: [], fsbp: ["SageMaker.4"] },
  evaluate: (asset) => {
    const counts = asset.config.variantInstanceCounts;
    // Only serverless variants: no instance count to decide on.
    if (counts.length === 0) return undefined;
    return counts.every((n) => n > 1) ? MANY : ONE;
  },
});
