import {
  type CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from "@aws-sdk/client-cloudformation";
import type { ChangeSetState, StackDeployer, StackUpdateState } from "./port.ts";

export interface CloudFormationDeployerOptions {
  pollMs?: number;
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** CloudFormation behind `StackDeployer`; existing parameters keep their previous values. */
export class CloudFormationStackDeployer implements StackDeployer {
  private readonly pollMs: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly cfn: CloudFormationClient,
    options: CloudFormationDeployerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 5_000;
    this.maxWaitMs = options.maxWaitMs ?? 600_000;
    this.sleep = options.sleep ?? realSleep;
  }

  async createChangeSet(input: {
    stackName: string;
    changeSetName: string;
    templateBody: string;
  }): Promise<{ changeSetId: string }> {
    const stacks = await this.cfn.send(new DescribeStacksCommand({ StackName: input.stackName }));
    const parameters = (stacks.Stacks?.[0]?.Parameters ?? []).map((p) => ({
      ParameterKey: p.ParameterKey,
      UsePreviousValue: true,
    }));
    const out = await this.cfn.send(
      new CreateChangeSetCommand({
        StackName: input.stackName,
        ChangeSetName: input.changeSetName,
        ChangeSetType: "UPDATE",
        TemplateBody: input.templateBody,
        Parameters: parameters,
        Capabilities: ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
      }),
    );
    if (!out.Id) throw new Error(`CloudFormation did not return an id for change set ${input.changeSetName}`);
    return { changeSetId: out.Id };
  }

  async waitForChangeSet(changeSetId: string, stackName: string): Promise<ChangeSetState> {
    for (let waited = 0; ; waited += this.pollMs) {
      const out = await this.cfn.send(
        new DescribeChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName }),
      );
      if (out.Status === "CREATE_COMPLETE") return { status: "ready", changes: out.Changes?.length ?? 0 };
      if (out.Status === "FAILED") {
        const reason = out.StatusReason ?? "no reason given";
        // CloudFormation reports an identical template as a failed change set.
        if (/didn't contain changes|No updates are to be performed/i.test(reason))
          return { status: "no-changes" };
        return { status: "failed", reason };
      }
      if (waited >= this.maxWaitMs)
        return { status: "failed", reason: `change set still ${out.Status} after ${this.maxWaitMs} ms` };
      await this.sleep(this.pollMs);
    }
  }

  async executeChangeSet(changeSetId: string, stackName: string): Promise<void> {
    await this.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName }));
  }

  async waitForStackUpdate(stackName: string): Promise<StackUpdateState> {
    for (let waited = 0; ; waited += this.pollMs) {
      const out = await this.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
      const stack = out.Stacks?.[0];
      const status = stack?.StackStatus ?? "UNKNOWN";
      if (status === "UPDATE_COMPLETE") return { ok: true, status };
      if (/ROLLBACK_COMPLETE$|FAILED$/.test(status))
        return { ok: false, status, reason: stack?.StackStatusReason ?? "stack update failed" };
      if (waited >= this.maxWaitMs)
        return { ok: false, status, reason: `stack still ${status} after ${this.maxWaitMs} ms` };
      await this.sleep(this.pollMs);
    }
  }

  async deleteChangeSet(changeSetId: string, stackName: string): Promise<void> {
    await this.cfn.send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName }));
  }
}
