import { describe, expect, it } from "vitest";
import { elasticBeanstalkEnvironmentAsset, stateMachineAsset } from "../../src/collectors/index.ts";

const WHERE = { accountId: "123456789012", region: "eu-west-1", partition: "aws" };

describe("the Step Functions and Elastic Beanstalk assets", () => {
  it("keep the state machine when DescribeStateMachine was throttled", () => {
    const asset = stateMachineAsset(
      WHERE,
      { stateMachineArn: "arn:aws:states:eu-west-1:123456789012:stateMachine:flow", name: "flow" },
      {
        ok: false,
        kind: "error",
        code: "ThrottlingException",
        message: "Rate exceeded",
        call: "stepfunctions:DescribeStateMachine",
      },
    );
    expect(asset.arn).toBe("arn:aws:states:eu-west-1:123456789012:stateMachine:flow");
    expect(asset.config).toEqual({ stateMachineName: "flow" });
    expect(Object.keys(asset.unread ?? {})).toEqual(["loggingLevel"]);
  });

  it("keep the environment when DescribeConfigurationSettings was denied", () => {
    const asset = elasticBeanstalkEnvironmentAsset(
      WHERE,
      { EnvironmentName: "shop-prod", ApplicationName: "shop" },
      {
        ok: false,
        kind: "denied",
        code: "AccessDenied",
        message: "not authorized",
        call: "elasticbeanstalk:DescribeConfigurationSettings",
      },
    );
    expect(asset.arn).toBe("arn:aws:elasticbeanstalk:eu-west-1:123456789012:environment/shop/shop-prod");
    expect(asset.config).toEqual({ environmentName: "shop-prod", applicationName: "shop" });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual([
      "healthReportingSystem",
      "managedActionsEnabled",
      "streamLogs",
    ]);
  });
});
