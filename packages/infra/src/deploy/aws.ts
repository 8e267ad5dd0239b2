/** The real AWS adapter of the deploy port; credentials come from the SDK's standard chain. */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
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
import type { ChangeSetRequest, DeployTarget, StackChange } from "./port.ts";

export interface AwsClients {
  readonly s3: S3Client;
  readonly lambda: LambdaClient;
  readonly cloudformation: CloudFormationClient;
}

export function awsClients(region?: string): AwsClients {
  const config = region ? { region } : {};
  return {
    s3: new S3Client(config),
    lambda: new LambdaClient(config),
    cloudformation: new CloudFormationClient(config),
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
      await waitUntilChangeSetCreateComplete(
        { client: clients.cloudformation, ...wait },
        { ChangeSetName: changeSetId, StackName: request.stackName },
      );
      const described = await clients.cloudformation.send(
        new DescribeChangeSetCommand({ ChangeSetName: changeSetId }),
      );
      const changes: StackChange[] = (described.Changes ?? []).map((c) => ({
        action: c.ResourceChange?.Action ?? "Unknown",
        logicalId: c.ResourceChange?.LogicalResourceId ?? "",
        resourceType: c.ResourceChange?.ResourceType ?? "",
        ...(c.ResourceChange?.Replacement ? { replacement: c.ResourceChange.Replacement } : {}),
      }));
      return { changeSetId, changes };
    },
    async executeChangeSet(changeSetId) {
      await clients.cloudformation.send(new ExecuteChangeSetCommand({ ChangeSetName: changeSetId }));
    },
    async deleteChangeSet(changeSetId) {
      await clients.cloudformation.send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId }));
    },
  };
}
