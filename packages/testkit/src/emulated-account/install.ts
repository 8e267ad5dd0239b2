import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  type Parameter,
  type Stack,
  type StackEvent,
  type StackResource,
  UpdateStackCommand,
} from "@aws-sdk/client-cloudformation";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { EmulatedAccount } from "./account.ts";

/**
 * Installs a release into the emulated account exactly as a user does: the release directory
 * (`vigil templates` → dist/release) uploaded to an S3 bucket, then CreateStack from the root
 * template's S3 URL. Nothing here knows what the template contains.
 */
export interface StackOutcome {
  readonly stackId: string;
  readonly status: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly events: readonly StackEvent[];
  readonly resources: readonly StackResource[];
}

/** Uploads every file of `dir` under `prefix/` in `bucket` (created if missing); returns the keys. */
export async function uploadRelease(
  account: EmulatedAccount,
  options: { dir: string; bucket: string; prefix: string },
): Promise<string[]> {
  const s3 = new S3Client(account.clientConfig());
  try {
    try {
      await s3.send(new CreateBucketCommand({ Bucket: options.bucket }));
    } catch (error) {
      const name = (error as Error).name;
      if (name !== "BucketAlreadyOwnedByYou" && name !== "BucketAlreadyExists") throw error;
    }
    const keys: string[] = [];
    for (const name of readdirSync(options.dir).sort()) {
      const key = `${options.prefix}/${name}`;
      await s3.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: key,
          Body: readFileSync(join(options.dir, name)),
        }),
      );
      keys.push(key);
    }
    return keys;
  } finally {
    s3.destroy();
  }
}

const IN_PROGRESS = /_IN_PROGRESS$/;

/** moto answered 500: the error the SDK reports says nothing; moto's last traceback says why. */
async function explained<T>(account: EmulatedAccount, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== undefined && status < 500) throw error;
    const log = account.motoLog();
    const at = log.lastIndexOf("Traceback (most recent call last)");
    throw new Error(
      `${(error as Error).message}${at >= 0 ? `\nmoto's last traceback:\n${log.slice(at).split("\n127.0.0.1")[0]}` : ""}`,
      { cause: error },
    );
  }
}

/** Creates the stack from a template in S3 and waits until CloudFormation is done with it. */
export async function createStack(
  account: EmulatedAccount,
  options: {
    stackName: string;
    bucket: string;
    templateKey: string;
    parameters: Readonly<Record<string, string>>;
    timeoutMs?: number;
  },
): Promise<StackOutcome> {
  // One attempt: a retried CreateStack would only report AlreadyExists over the first one's error.
  const cfn = new CloudFormationClient({ ...account.clientConfig(), maxAttempts: 1 });
  try {
    const parameters: Parameter[] = Object.entries(options.parameters).map(([k, v]) => ({
      ParameterKey: k,
      ParameterValue: v,
    }));
    const created = await explained(account, () =>
      cfn.send(
        new CreateStackCommand({
          StackName: options.stackName,
          // Virtual-hosted style, as the console and `aws cloudformation create-stack` users pass it.
          TemplateURL: `https://${options.bucket}.s3.${account.region}.amazonaws.com/${options.templateKey}`,
          Parameters: parameters,
          Capabilities: ["CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
        }),
      ),
    );
    return await waitForStack(account, created.StackId ?? options.stackName, options.timeoutMs);
  } finally {
    cfn.destroy();
  }
}

/** Updates the stack with a template in S3 (the same or a new release's) and new parameter values, and waits. */
export async function updateStack(
  account: EmulatedAccount,
  options: {
    stackId: string;
    bucket: string;
    templateKey: string;
    parameters: Readonly<Record<string, string>>;
    timeoutMs?: number;
  },
): Promise<StackOutcome> {
  const cfn = new CloudFormationClient({ ...account.clientConfig(), maxAttempts: 1 });
  try {
    await explained(account, () =>
      cfn.send(
        new UpdateStackCommand({
          StackName: options.stackId,
          TemplateURL: `https://${options.bucket}.s3.${account.region}.amazonaws.com/${options.templateKey}`,
          Parameters: Object.entries(options.parameters).map(([k, v]) => ({
            ParameterKey: k,
            ParameterValue: v,
          })),
          Capabilities: ["CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
        }),
      ),
    );
    return await waitForStack(account, options.stackId, options.timeoutMs);
  } finally {
    cfn.destroy();
  }
}

/** Deletes the stack and waits: DELETE_COMPLETE, or DELETE_FAILED with the reason in its events. */
export async function deleteStack(
  account: EmulatedAccount,
  stackId: string,
  timeoutMs?: number,
): Promise<StackOutcome> {
  const cfn = new CloudFormationClient({ ...account.clientConfig(), maxAttempts: 1 });
  try {
    await explained(account, () => cfn.send(new DeleteStackCommand({ StackName: stackId })));
    return await waitForStack(account, stackId, timeoutMs);
  } finally {
    cfn.destroy();
  }
}

export async function waitForStack(
  account: EmulatedAccount,
  stackId: string,
  timeoutMs = 180_000,
): Promise<StackOutcome> {
  const cfn = new CloudFormationClient(account.clientConfig());
  try {
    const deadline = Date.now() + timeoutMs;
    let stack: Stack | undefined;
    for (;;) {
      stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackId }))).Stacks?.[0];
      if (stack && !IN_PROGRESS.test(stack.StackStatus ?? "")) break;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (!stack) throw new Error(`stack ${stackId} does not exist`);
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: stackId }))).StackEvents ?? [];
    const resources =
      stack.StackStatus === "DELETE_COMPLETE"
        ? []
        : ((await cfn.send(new DescribeStackResourcesCommand({ StackName: stackId }))).StackResources ?? []);
    return {
      stackId: stack.StackId ?? stackId,
      status: stack.StackStatus ?? "UNKNOWN",
      outputs: Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? "", o.OutputValue ?? ""])),
      events,
      resources,
    };
  } finally {
    cfn.destroy();
  }
}
