import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the service's tasks get no public IP address");
const PUBLIC = fail("the service assigns public IP addresses to its tasks (assignPublicIp ENABLED)");

export const serviceNoPublicIp = defineCheck({
  id: "vigil.ecs.service-no-public-ip",
  title: "ECS services should not have public IP addresses assigned to them automatically",
  severity: "high",
  resourceType: "aws.ecs.service",
  reads: ["assignPublicIp"],
  rationale:
    "Tasks with public IP addresses can be reached from the internet wherever their security groups allow it; services belong in private subnets behind a load balancer.",
  remediation:
    "aws ecs update-service --cluster <cluster> --service <service> --network-configuration 'awsvpcConfiguration={subnets=[<private subnets>],securityGroups=[<sg>],assignPublicIp=DISABLED}' (console: ECS > cluster > service > Update > Networking > Public IP off)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html",
  ],
  mappings: { cis: [], fsbp: ["ECS.2"] },
  evaluate: (asset) => (asset.config.assignPublicIp ? PUBLIC : PRIVATE),
});
