import { defineCheck, fail, pass } from "../../check.ts";

const ON_DEMAND = pass("on-demand capacity: the table scales with demand");
export const tableAutoscalingEnabled = defineCheck({
  id: "vigil.dynamodb.table-autoscaling-enabled",
  title: "DynamoDB tables should automatically scale capacity with demand",
  severity: "medium",
  resourceType: "aws.dynamodb.table",
  reads: ["billingMode", "capacityWithoutAutoScaling"],
  rationale:
    "A table with fixed provisioned capacity throttles reads and writes once demand exceeds it, which makes the data unavailable; on-demand capacity, or auto scaling of the read and write capacity of the table and of each global secondary index, keeps it available.",
  remediation:
    "aws dynamodb update-table --table-name <table> --billing-mode PAY_PER_REQUEST (or register scalable targets: aws application-autoscaling register-scalable-target --service-namespace dynamodb --resource-id table/<table> --scalable-dimension dynamodb:table:WriteCapacityUnits --min-capacity <n> --max-capacity <m>, and the same for ReadCapacityUnits and each index)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-1",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html",
  ],
  mappings: { cis: [], fsbp: ["DynamoDB.1"] },
  evaluate: (asset) => {
    const { billingMode, capacityWithoutAutoScaling: unscaled } = asset.config;
    if (billingMode === "PAY_PER_REQUEST") return ON_DEMAND;
    if (unscaled.length === 0)
      return pass("auto scaling covers the read and write capacity of the table and its indexes");
    const shown = unscaled.slice(0, 4).join(", ");
    const more = unscaled.length > 4 ? ` and ${unscaled.length - 4} more` : "";
    return fail(`provisioned capacity without auto scaling: ${shown}${more}`);
  },
});
