import type { Cluster, ContainerDefinition, Service, TaskDefinition } from "@aws-sdk/client-ecs";
import { ecsClusterAsset, ecsServiceAsset, ecsTaskDefinitionAsset } from "../../collectors/index.ts";
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

/** A Fargate service's `networkConfiguration`: private subnets, no public IP. */
export const NETWORK = {
  awsvpcConfiguration: {
    subnets: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
    securityGroups: ["sg-0a1b2c3d4e5f60001"],
    assignPublicIp: "DISABLED" as const,
  },
};
export const SERVICE_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:service/prod/api`;
/** `DescribeServices` `services[]`: a Fargate service on the latest platform version, in private subnets. */
export const SERVICE: Service = {
  serviceArn: SERVICE_ARN,
  serviceName: "api",
  clusterArn: CLUSTER_ARN,
  status: "ACTIVE",
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  launchType: "FARGATE",
  platformVersion: "LATEST",
  platformFamily: "Linux",
  taskDefinition: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/api:12`,
  networkConfiguration: NETWORK,
  schedulingStrategy: "REPLICA",
};
export const service = (over: Partial<Service> = {}) =>
  ecsServiceAsset(WHERE, "prod", SERVICE_ARN, {
    ok: true,
    value: { services: [{ ...SERVICE, ...over }], failures: [] },
  });
