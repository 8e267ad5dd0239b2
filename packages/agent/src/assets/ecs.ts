import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

export const ecsContainerSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    /** `privileged` is `true`. */
    privileged: z.boolean(),
    /** `user`, or `null` when not set (the image's user, root by default). */
    user: z.string().nullable(),
    readonlyRootFilesystem: z.boolean(),
    /** `logConfiguration.logDriver` is set. */
    logging: z.boolean(),
    /** Names (never values) of the plain `environment` variables. */
    environmentNames: z.array(z.string()),
  }),
);
export type EcsContainer = z.infer<typeof ecsContainerSchema>;

/**
 * The latest ACTIVE revision of one ECS task definition family (`DescribeTaskDefinition` of the
 * family). The asset is the family (`arn` without the revision), so it stays one asset across revisions.
 */
export const ecsTaskDefinitionSchema = assetSchemaOf("aws.ecs.task-definition", () =>
  z.object({
    family: z.string(),
    revision: z.number().int().positive(),
    /** `networkMode`: `awsvpc`, `bridge`, `host`, `none` (`bridge` when unset on EC2). */
    networkMode: z.string(),
    /** `pidMode`: `host`, `task`, or `null`. */
    pidMode: z.string().nullable(),
    containers: z.array(ecsContainerSchema),
  }),
);

/** One ECS service, as `DescribeServices` describes it. */
export const ecsServiceSchema = assetSchemaOf("aws.ecs.service", () =>
  z.object({
    serviceName: z.string(),
    clusterName: z.string(),
    /** Runs on Fargate: `launchType` `FARGATE`, or a `FARGATE`/`FARGATE_SPOT` capacity provider. */
    fargate: z.boolean(),
    /** `platformVersion` (`LATEST` or `1.4.0`), null where it does not apply (EC2, external). */
    platformVersion: z.string().nullable(),
    /** `platformFamily` (`Linux`, `WINDOWS_SERVER_2019_FULL`, ...), null when AWS did not say. */
    platformFamily: z.string().nullable(),
    /** `networkConfiguration.awsvpcConfiguration.assignPublicIp` is `ENABLED`. */
    assignPublicIp: z.boolean(),
    /**
     * `taskSets[]` (services with an `EXTERNAL` or `CODE_DEPLOY` deployment controller; none for
     * `ECS`): each task set's id and whether its tasks get a public IP (`assignPublicIp` `ENABLED`).
     */
    taskSets: z.array(z.object({ id: z.string(), assignPublicIp: z.boolean() })),
  }),
);

/** One ECS cluster: `DescribeClusters` with `SETTINGS`. */
export const ecsClusterSchema = assetSchemaOf("aws.ecs.cluster", () =>
  z.object({
    clusterName: z.string(),
    /** The `containerInsights` setting: `enabled`, `enhanced`, `disabled`. */
    containerInsights: z.string(),
  }),
);
