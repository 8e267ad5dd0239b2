/** The real AWS adapter of the deploy port; credentials come from the SDK's standard chain. */

import { setTimeout as sleep } from "node:timers/promises";
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  waitUntilChangeSetCreateComplete,
} from "@aws-sdk/client-cloudformation";
import {
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  waitUntilFunctionUpdatedV2,
} from "@aws-sdk/client-lambda";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { DeployError } from "./deploy.ts";
import type { ChangeSetRequest, DeployTarget, StackChange } from "./port.ts";

export interface AwsClients {
  readonly s3: S3Client;
  readonly lambda: LambdaClient;
  readonly cloudformation: CloudFormationClient;
}

/** Where the clients go: a region (the standard chain's credentials), or an endpoint such as an emulator's. */
export interface AwsClientsConfig {
  readonly region?: string;
  readonly endpoint?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly forcePathStyle?: boolean;
}

export function awsClients(config: string | AwsClientsConfig = {}): AwsClients {
  const { forcePathStyle, ...common } = typeof config === "string" ? { region: config } : config;
  return {
    s3: new S3Client({ ...common, ...(forcePathStyle ? { forcePathStyle } : {}) }),
    lambda: new LambdaClient(common),
    cloudformation: new CloudFormationClient(common),
  };
}

export interface WaitOptions {
  readonly maxWaitTime: number;
  readonly minDelay: number;
  readonly maxDelay: number;
}

const WAIT: WaitOptions = { maxWaitTime: 600, minDelay: 2, maxDelay: 10 };

export function awsDeployTarget(clients: AwsClients, wait: WaitOptions = WAIT): DeployTarget {
  return {
    async uploadArtifact(bucket, key, body, sha256Hex) {
      await clients.s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          // S3 verifies the upload against this hash, so a corrupted transfer is rejected.
          ChecksumSHA256: Buffer.from(sha256Hex, "hex").toString("base64"),
        }),
      );
    },
    async updateFunctionCode(functionName, bucket, key) {
      const out = await clients.lambda.send(
        new UpdateFunctionCodeCommand({ FunctionName: functionName, S3Bucket: bucket, S3Key: key }),
      );
      await waitUntilFunctionUpdatedV2({ client: clients.lambda, ...wait }, { FunctionName: functionName });
      return { codeSha256: out.CodeSha256 ?? "" };
    },
    async publishToAlias(functionName, alias, input) {
      const published = await clients.lambda.send(
        new PublishVersionCommand({
          FunctionName: functionName,
          ...(input.codeSha256 ? { CodeSha256: input.codeSha256 } : {}),
          Description: input.description,
        }),
      );
      if (!published.Version) throw new Error(`Lambda published no version of ${functionName}`);
      await clients.lambda.send(
        new UpdateAliasCommand({
          FunctionName: functionName,
          Name: alias,
          FunctionVersion: published.Version,
          Description: input.description,
        }),
      );
      return { functionVersion: published.Version };
    },
    async createChangeSet(request: ChangeSetRequest) {
      // Only CloudFormation's "does not exist" means a new stack: a throttle or a denial is not an answer.
      const exists = await clients.cloudformation
        .send(new DescribeStacksCommand({ StackName: request.stackName }))
        .then(
          () => true,
          (error: { name?: string; message?: string }) => {
            if (error.name === "ValidationError" && /does not exist/.test(error.message ?? "")) return false;
            throw error;
          },
        );
      const created = await clients.cloudformation.send(
        new CreateChangeSetCommand({
          StackName: request.stackName,
          ChangeSetName: `vigil-${Date.now()}`,
          ChangeSetType: exists ? "UPDATE" : "CREATE",
          TemplateURL: request.templateUrl,
          Capabilities: ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"],
          Parameters: Object.entries(request.parameters).map(([ParameterKey, ParameterValue]) => ({
            ParameterKey,
            ParameterValue,
          })),
          Tags: Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      );
      const changeSetId = created.Id ?? "";
      // A change set that cannot be made ends FAILED, which the waiter throws on: the status says why.
      await waitUntilChangeSetCreateComplete(
        { client: clients.cloudformation, ...wait },
        { ChangeSetName: changeSetId, StackName: request.stackName },
      ).catch(() => undefined);
      const described = await clients.cloudformation.send(
        new DescribeChangeSetCommand({ ChangeSetName: changeSetId }),
      );
      if (described.Status === "FAILED") {
        const reason = described.StatusReason ?? "no reason given";
        // CloudFormation fails a change set that changes nothing.
        if (/didn't contain changes|No updates are to be performed/i.test(reason))
          return { changeSetId, changes: [], unchanged: true };
        throw new DeployError(
          `CloudFormation could not make the change set for ${request.stackName}: ${reason}`,
        );
      }
      if (described.Status !== "CREATE_COMPLETE")
        throw new DeployError(
          `the change set for ${request.stackName} is still ${described.Status ?? "unknown"} after ${wait.maxWaitTime} s`,
        );
      const changes: StackChange[] = (described.Changes ?? []).map((c) => ({
        action: c.ResourceChange?.Action ?? "Unknown",
        logicalId: c.ResourceChange?.LogicalResourceId ?? "",
        resourceType: c.ResourceChange?.ResourceType ?? "",
        ...(c.ResourceChange?.Replacement ? { replacement: c.ResourceChange.Replacement } : {}),
      }));
      return { changeSetId, changes };
    },
    async executeChangeSet(changeSetId, stackName) {
      await clients.cloudformation.send(new ExecuteChangeSetCommand({ ChangeSetName: changeSetId }));
      return { stackStatus: await settledStack(clients.cloudformation, stackName, wait) };
    },
    async deleteChangeSet(changeSetId) {
      await clients.cloudformation.send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId }));
    },
  };
}

/**
 * Waits until the stack leaves its `_IN_PROGRESS` states; returns its status when it is
 * `CREATE_COMPLETE`/`UPDATE_COMPLETE`, else throws with the first resource that failed and why.
 */
async function settledStack(
  cfn: CloudFormationClient,
  stackName: string,
  wait: WaitOptions,
): Promise<string> {
  const deadline = Date.now() + wait.maxWaitTime * 1000;
  let delay = wait.minDelay;
  for (;;) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
    const status = stack?.StackStatus ?? "UNKNOWN";
    if (status === "CREATE_COMPLETE" || status === "UPDATE_COMPLETE") return status;
    if (!status.endsWith("_IN_PROGRESS")) {
      const events =
        (await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }))).StackEvents ?? [];
      // Newest first, back to the stack's own CREATE/UPDATE_IN_PROGRESS that began this operation (older
      // events are earlier deploys'); its earliest failure is the cause, the later ones follow from it.
      const began = events.findIndex(
        (e) =>
          e.LogicalResourceId === (stack?.StackName ?? stackName) &&
          /^(CREATE|UPDATE)_IN_PROGRESS$/.test(e.ResourceStatus ?? ""),
      );
      const failed = (began === -1 ? events : events.slice(0, began))
        .filter((e) => /FAILED$/.test(e.ResourceStatus ?? "") && e.ResourceStatusReason)
        .at(-1);
      const cause = failed
        ? `${failed.LogicalResourceId} (${failed.ResourceType}): ${failed.ResourceStatusReason}`
        : (stack?.StackStatusReason ?? "no reason given");
      throw new DeployError(`stack ${stack?.StackName ?? stackName} ended ${status}: ${cause}`);
    }
    if (Date.now() > deadline)
      throw new DeployError(
        `stack ${stack?.StackName ?? stackName} still ${status} after ${wait.maxWaitTime} s`,
      );
    await sleep(delay * 1000);
    delay = Math.min(wait.maxDelay, delay * 2);
  }
}
