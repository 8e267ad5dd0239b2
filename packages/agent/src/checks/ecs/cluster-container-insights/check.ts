import { defineCheck, fail, pass } from "../../check.ts";

export const clusterContainerInsights = defineCheck({
  id: "vigil.ecs.cluster-container-insights",
  title: "ECS clusters should have Container Insights enabled",
  severity: "medium",
  resourceType: "aws.ecs.cluster",
  reads: ["containerInsights"],
  rationale:
    "Container Insights records per-task CPU, memory, network and restart metrics, the signals that show a compromised or failing workload.",
  remediation:
    "aws ecs update-cluster-settings --cluster <name> --settings name=containerInsights,value=enabled",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12",
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html",
  ],
  mappings: { cis: [], fsbp: ["ECS.12"] },
  evaluate: (asset) => {
    const value = asset.config.containerInsights;
    return value === "enabled" || value === "enhanced"
      ? pass(`Container Insights is ${value}`)
      : fail("Container Insights is disabled");
  },
});
