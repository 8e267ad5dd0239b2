import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from "@aws-sdk/client-cloudformation";
import { mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-vitest/extend";
import { beforeEach, describe, expect, it } from "vitest";
import { applyTemplate, CloudFormationStackDeployer } from "../src/index.ts";

const cfn = mockClient(CloudFormationClient);
const deployer = new CloudFormationStackDeployer(new CloudFormationClient({ region: "eu-west-1" }), {
  pollMs: 1,
  maxWaitMs: 50,
  sleep: async () => {},
});
const template = Buffer.from('{"Resources":{}}');

describe("CloudFormationStackDeployer through applyTemplate", () => {
  beforeEach(() => {
    cfn.reset();
    cfn.on(CreateChangeSetCommand).resolves({ Id: "arn:cs/1" });
  });

  it("creates a change set keeping previous parameters, waits, executes, waits for the stack", async () => {
    cfn
      .on(DescribeStacksCommand)
      .resolvesOnce({
        Stacks: [
          {
            StackName: "vigil",
            StackStatus: "CREATE_COMPLETE",
            CreationTime: new Date(),
            Parameters: [{ ParameterKey: "PlatformUrl" }],
          },
        ],
      })
      .resolvesOnce({
        Stacks: [{ StackName: "vigil", StackStatus: "UPDATE_IN_PROGRESS", CreationTime: new Date() }],
      })
      .resolves({
        Stacks: [{ StackName: "vigil", StackStatus: "UPDATE_COMPLETE", CreationTime: new Date() }],
      });
    cfn
      .on(DescribeChangeSetCommand)
      .resolvesOnce({ Status: "CREATE_PENDING" })
      .resolves({ Status: "CREATE_COMPLETE", Changes: [{ Type: "Resource" }] });

    expect(
      await applyTemplate(deployer, { stackName: "vigil", changeSetName: "vigil-update-1", template }),
    ).toEqual({
      ok: true,
      changed: true,
    });
    expect(cfn).toHaveReceivedCommandWith(CreateChangeSetCommand, {
      StackName: "vigil",
      ChangeSetName: "vigil-update-1",
      ChangeSetType: "UPDATE",
      TemplateBody: template.toString(),
      Parameters: [{ ParameterKey: "PlatformUrl", UsePreviousValue: true }],
    });
    expect(cfn).toHaveReceivedCommandWith(ExecuteChangeSetCommand, {
      ChangeSetName: "arn:cs/1",
      StackName: "vigil",
    });
    expect(cfn).not.toHaveReceivedCommand(DeleteChangeSetCommand);
  });

  it("deletes a failed change set and never executes it", async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: "vigil", StackStatus: "UPDATE_COMPLETE", CreationTime: new Date() }],
    });
    cfn.on(DescribeChangeSetCommand).resolves({ Status: "FAILED", StatusReason: "Template format error" });
    expect(await applyTemplate(deployer, { stackName: "vigil", changeSetName: "cs", template })).toEqual({
      ok: false,
      executed: false,
      detail: "change set failed: Template format error",
    });
    expect(cfn).toHaveReceivedCommandWith(DeleteChangeSetCommand, { ChangeSetName: "arn:cs/1" });
    expect(cfn).not.toHaveReceivedCommand(ExecuteChangeSetCommand);
  });

  it("treats an identical template as no change (and cleans up)", async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: "vigil", StackStatus: "UPDATE_COMPLETE", CreationTime: new Date() }],
    });
    cfn.on(DescribeChangeSetCommand).resolves({
      Status: "FAILED",
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
    expect(await applyTemplate(deployer, { stackName: "vigil", changeSetName: "cs", template })).toEqual({
      ok: true,
      changed: false,
    });
    expect(cfn).toHaveReceivedCommand(DeleteChangeSetCommand);
    expect(cfn).not.toHaveReceivedCommand(ExecuteChangeSetCommand);
  });

  it("reports an execution CloudFormation rolled back", async () => {
    cfn
      .on(DescribeStacksCommand)
      .resolvesOnce({
        Stacks: [{ StackName: "vigil", StackStatus: "UPDATE_COMPLETE", CreationTime: new Date() }],
      })
      .resolves({
        Stacks: [
          {
            StackName: "vigil",
            StackStatus: "UPDATE_ROLLBACK_COMPLETE",
            StackStatusReason: "Role missing",
            CreationTime: new Date(),
          },
        ],
      });
    cfn.on(DescribeChangeSetCommand).resolves({ Status: "CREATE_COMPLETE" });
    expect(
      await applyTemplate(deployer, { stackName: "vigil", changeSetName: "cs", template }),
    ).toMatchObject({
      ok: false,
      executed: true,
      detail: expect.stringContaining("UPDATE_ROLLBACK_COMPLETE"),
    });
  });

  it("refuses a template over the inline limit without calling CloudFormation", async () => {
    const big = Buffer.alloc(51_201, 32);
    expect(
      await applyTemplate(deployer, { stackName: "vigil", changeSetName: "cs", template: big }),
    ).toMatchObject({ ok: false, executed: false });
    expect(cfn).not.toHaveReceivedAnyCommand();
  });
});
