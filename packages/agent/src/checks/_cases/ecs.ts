import type { Cluster, ContainerDefinition, TaskDefinition } from "@aws-sdk/client-ecs";
import { ecsClusterAsset, ecsTaskDefinitionAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** A container definition as a careful owner writes it. */
export const CONTAINER: ContainerDefinition = {
  name: "api",
  image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/api:1.0.0`,
  cpu: 256,
  memory: 512,
  essential: true,
  user: "1000",
  readonlyRootFilesystem: true,
  privileged: false,
  environment: [{ name: "PORT", value: "8080" }],
  secrets: [
    { name: "DB_PASSWORD", valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-AbCdEf` },
  ],
  logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api" } },
};
/** `DescribeTaskDefinition` `taskDefinition` of a Fargate service. */
export const TASK: TaskDefinition = {
  taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/api:12`,
  family: "api",
  revision: 12,
  status: "ACTIVE",
  networkMode: "awsvpc",
  requiresCompatibilities: ["FARGATE"],
  cpu: "256",
  memory: "512",
  containerDefinitions: [CONTAINER],
};
export const task = (over: Partial<TaskDefinition> = {}, container: Partial<ContainerDefinition> = {}) =>
  ecsTaskDefinitionAsset(WHERE, "api", {
    ok: true,
    value: { taskDefinition: { ...TASK, containerDefinitions: [{ ...CONTAINER, ...container }], ...over } },
  });
export const HOST = { networkMode: "host" as const, requiresCompatibilities: ["EC2" as const] };
export const CLUSTER_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/prod`;
export const cluster = (settings: Cluster["settings"]) =>
  ecsClusterAsset(WHERE, CLUSTER_ARN, {
    ok: true,
    value: {
      clusters: [{ clusterArn: CLUSTER_ARN, clusterName: "prod", status: "ACTIVE", settings }],
      failures: [],
    },
  });
