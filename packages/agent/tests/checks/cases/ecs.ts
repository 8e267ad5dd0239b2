import type { Cluster, ContainerDefinition, TaskDefinition } from "@aws-sdk/client-ecs";
import { ecsClusterAsset, ecsTaskDefinitionAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** A container definition as a careful owner writes it. */
const CONTAINER: ContainerDefinition = {
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
const TASK: TaskDefinition = {
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

const task = (over: Partial<TaskDefinition> = {}, container: Partial<ContainerDefinition> = {}) =>
  ecsTaskDefinitionAsset(WHERE, "api", {
    ok: true,
    value: { taskDefinition: { ...TASK, containerDefinitions: [{ ...CONTAINER, ...container }], ...over } },
  });
const HOST = { networkMode: "host" as const, requiresCompatibilities: ["EC2" as const] };

const CLUSTER_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/prod`;
const cluster = (settings: Cluster["settings"]) =>
  ecsClusterAsset(WHERE, CLUSTER_ARN, {
    ok: true,
    value: {
      clusters: [{ clusterArn: CLUSTER_ARN, clusterName: "prod", status: "ACTIVE", settings }],
      failures: [],
    },
  });

export const ecsCases: CheckCase[] = [
  {
    check: "vigil.ecs.task-definition-host-network-user",
    name: "awsvpc",
    asset: task(),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-host-network-user",
    name: "host network, user 1000",
    asset: task(HOST),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-host-network-user",
    name: "host network, no user",
    asset: task(HOST, { user: undefined }),
    expect: "fail",
    evidence: /api/,
  },
  {
    check: "vigil.ecs.task-definition-host-network-user",
    name: "host network, user root",
    asset: task(HOST, { user: "root" }),
    expect: "fail",
  },
  { check: "vigil.ecs.task-definition-no-host-pid", name: "no pidMode", asset: task(), expect: "pass" },
  {
    check: "vigil.ecs.task-definition-no-host-pid",
    name: "pidMode host",
    asset: task({ ...HOST, pidMode: "host" }),
    expect: "fail",
  },
  {
    check: "vigil.ecs.task-definition-no-privileged",
    name: "privileged false",
    asset: task(),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-no-privileged",
    name: "privileged true",
    asset: task(HOST, { privileged: true }),
    expect: "fail",
    evidence: /api/,
  },
  {
    check: "vigil.ecs.task-definition-read-only-root",
    name: "readonlyRootFilesystem true",
    asset: task(),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-read-only-root",
    name: "readonlyRootFilesystem absent",
    asset: task({}, { readonlyRootFilesystem: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.ecs.task-definition-no-environment-secrets",
    name: "secrets from Secrets Manager",
    asset: task(),
    expect: "pass",
  },
  {
    check: "vigil.ecs.task-definition-no-environment-secrets",
    name: "AWS_SECRET_ACCESS_KEY in environment",
    asset: task(
      {},
      {
        environment: [
          { name: "PORT", value: "8080" },
          { name: "AWS_SECRET_ACCESS_KEY", value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        ],
      },
    ),
    expect: "fail",
    evidence: /AWS_SECRET_ACCESS_KEY/,
  },
  { check: "vigil.ecs.task-definition-logging", name: "awslogs", asset: task(), expect: "pass" },
  {
    check: "vigil.ecs.task-definition-logging",
    name: "no logConfiguration",
    asset: task({}, { logConfiguration: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.ecs.cluster-container-insights",
    name: "containerInsights enabled",
    asset: cluster([{ name: "containerInsights", value: "enabled" }]),
    expect: "pass",
  },
  {
    check: "vigil.ecs.cluster-container-insights",
    name: "containerInsights enhanced",
    asset: cluster([{ name: "containerInsights", value: "enhanced" }]),
    expect: "pass",
  },
  {
    check: "vigil.ecs.cluster-container-insights",
    name: "containerInsights disabled",
    asset: cluster([{ name: "containerInsights", value: "disabled" }]),
    expect: "fail",
  },
];
