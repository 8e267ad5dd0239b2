import { defineCheck, fail, pass } from "../../check.ts";

export const taskSetNoPublicIp = defineCheck({
  id: "vigil.ecs.task-set-no-public-ip",
  title: "ECS task sets should not automatically assign public IP addresses",
  severity: "high",
  resourceType: "aws.ecs.service",
  reads: ["taskSets"],
  rationale:
    "A task set of a service deployed by CodeDeploy or an external controller that assigns public IP addresses puts its tasks on the internet wherever their security groups allow it, whatever the service's own network settings say.",
  remediation:
    "Task sets cannot be changed in place: aws ecs create-task-set --cluster <cluster> --service <service> --task-definition <task definition> --network-configuration 'awsvpcConfiguration={subnets=[<private subnets>],securityGroups=[<sg>],assignPublicIp=DISABLED}', then aws ecs update-service-primary-task-set and aws ecs delete-task-set for the old one (console: ECS > cluster > service > Deployments)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-16",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskSet.html",
  ],
  mappings: { cis: [], fsbp: ["ECS.16"] },
  evaluate: (asset) => {
    const sets = asset.config.taskSets;
    // A service deployed by ECS itself has no task sets: nothing to decide.
    if (sets.length === 0) return undefined;
    const publicSets = sets.filter((t) => t.assignPublicIp).map((t) => t.id);
    return publicSets.length > 0
      ? fail(`task sets assigning public IP addresses (assignPublicIp ENABLED): ${publicSets.join(", ")}`)
      : pass(`none of the service's ${sets.length} task sets assigns public IP addresses`);
  },
});
