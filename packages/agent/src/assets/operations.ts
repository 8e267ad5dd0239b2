import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One Step Functions state machine: `DescribeStateMachine`. */
export const sfnStateMachineSchema = assetSchemaOf(
  "aws.stepfunctions.state-machine",
  z.object({
    stateMachineName: z.string(),
    /** `loggingConfiguration.level`: `ALL`, `ERROR`, `FATAL` or `OFF` (absent: `OFF`). */
    loggingLevel: z.string(),
  }),
);

/** One Elastic Beanstalk environment: `DescribeEnvironments` + `DescribeConfigurationSettings`. */
export const elasticBeanstalkEnvironmentSchema = assetSchemaOf(
  "aws.elasticbeanstalk.environment",
  z.object({
    environmentName: z.string(),
    applicationName: z.string(),
    /** Option `aws:elasticbeanstalk:healthreporting:system` `SystemType`: `basic` or `enhanced`. */
    healthReportingSystem: z.string(),
    /** Option `aws:elasticbeanstalk:managedactions` `ManagedActionsEnabled` is `true`. */
    managedActionsEnabled: z.boolean(),
    /** Option `aws:elasticbeanstalk:cloudwatch:logs` `StreamLogs` is `true`. */
    streamLogs: z.boolean(),
  }),
);
