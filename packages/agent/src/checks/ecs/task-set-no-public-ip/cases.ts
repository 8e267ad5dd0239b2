import type { CheckCase } from "../../_cases/case.ts";
import { NETWORK, SERVICE_ARN, service } from "../../_cases/ecs.ts";

const check = "vigil.ecs.task-set-no-public-ip";

/** `DescribeServices` `taskSets[]` member of a service deployed by an external controller. */
const taskSet = (id: string, assignPublicIp: "ENABLED" | "DISABLED") => ({
  id,
  taskSetArn: `${SERVICE_ARN.replace(":service/", ":task-set/")}/${id}`,
  status: "PRIMARY",
  launchType: "FARGATE" as const,
  networkConfiguration: { awsvpcConfiguration: { ...NETWORK.awsvpcConfiguration, assignPublicIp } },
});

/** Compliant and non-compliant cases of `vigil.ecs.task-set-no-public-ip`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check, name: "deployed by ECS itself: no task sets", asset: service(), expect: "n/a" },
  {
    check,
    name: "external deployment, every task set without public IP",
    asset: service({
      deploymentController: { type: "EXTERNAL" },
      taskSets: [taskSet("ecs-svc/1111111111111111111", "DISABLED")],
    }),
    expect: "pass",
  },
  {
    check,
    name: "a task set assigns public IP addresses",
    asset: service({
      deploymentController: { type: "EXTERNAL" },
      taskSets: [
        taskSet("ecs-svc/1111111111111111111", "DISABLED"),
        taskSet("ecs-svc/2222222222222222222", "ENABLED"),
      ],
    }),
    expect: "fail",
    evidence: /ecs-svc\/2222222222222222222/,
  },
];
