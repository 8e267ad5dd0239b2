import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from "@aws-sdk/client-cloudformation";
import {
  GetFunctionCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import {
  awsDeployTarget,
  DeployError,
  deployPackage,
  deployStack,
  describeDeploy,
  type Release,
  renderTemplate,
  rootTemplate,
  sha256,
  stackParameterProblems,
} from "../src/index.ts";

const s3 = mockClient(S3Client);
const lambda = mockClient(LambdaClient);
const cfn = mockClient(CloudFormationClient);
const clients = {
  s3: new S3Client({ region: "us-east-1" }),
  lambda: new LambdaClient({ region: "us-east-1" }),
  cloudformation: new CloudFormationClient({ region: "us-east-1" }),
};

const FAST = { maxWaitTime: 5, minDelay: 0.01, maxDelay: 0.01 };
const agentZip = Buffer.from("agent-zip-bytes");
const release: Release = {
  version: "1.2.3",
  artifacts: [
    { name: "agent.zip", data: agentZip, function: "agent" },
    { name: "updater.zip", data: Buffer.from("updater"), function: "updater" },
    {
      name: "vigil-root.template.json",
      data: Buffer.from(renderTemplate(rootTemplate({ releaseVersion: "1.2.3" }))),
    },
  ],
  manifest: {
    version: "1.2.3",
    createdAt: "2025-01-01T00:00:00.000Z",
    files: [],
  } as unknown as Release["manifest"],
  manifestJson: "{}\n",
  bundles: [],
};

beforeEach(() => {
  s3.reset();
  lambda.reset();
  cfn.reset();
  s3.on(PutObjectCommand).resolves({});
  lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: "abc" });
  lambda.on(PublishVersionCommand).resolves({ Version: "7" });
  lambda.on(UpdateAliasCommand).resolves({});
  lambda
    .on(GetFunctionCommand)
    .resolves({ Configuration: { LastUpdateStatus: "Successful", State: "Active" } });
});

describe("deploy agent", () => {
  it("uploads only the agent zip and updates only the agent function", async () => {
    const target = awsDeployTarget(clients, FAST);
    const report = await deployPackage({
      target,
      release,
      pkg: "agent",
      bucket: "rel",
      integrationId: "i1",
      dryRun: false,
    });
    const puts = s3.commandCalls(PutObjectCommand);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.args[0].input).toMatchObject({
      Bucket: "rel",
      Key: "releases/1.2.3/agent.zip",
      ChecksumSHA256: Buffer.from(sha256(agentZip), "hex").toString("base64"),
    });
    const updates = lambda.commandCalls(UpdateFunctionCodeCommand);
    expect(updates.map((c) => c.args[0].input)).toEqual([
      { FunctionName: "vigil-agent-i1", S3Bucket: "rel", S3Key: "releases/1.2.3/agent.zip" },
    ]);
    expect(describeDeploy(report)).toContain("vigil-agent-i1");
  });

  it("publishes the uploaded code and moves live to it (every trigger invokes live, not $LATEST)", async () => {
    const target = awsDeployTarget(clients, FAST);
    await deployPackage({ target, release, pkg: "agent", bucket: "rel", integrationId: "i1", dryRun: false });
    expect(lambda.commandCalls(PublishVersionCommand).map((c) => c.args[0].input)).toEqual([
      // Only the code just uploaded is published (CodeSha256 is Lambda's own, base64).
      { FunctionName: "vigil-agent-i1", CodeSha256: "abc", Description: "vigil 1.2.3" },
    ]);
    expect(lambda.commandCalls(UpdateAliasCommand).map((c) => c.args[0].input)).toEqual([
      // The description is how the updater reads back the running release.
      { FunctionName: "vigil-agent-i1", Name: "live", FunctionVersion: "7", Description: "vigil 1.2.3" },
    ]);
  });

  it("names the step that AWS refused, AWS's error and what to do", async () => {
    const target = awsDeployTarget(clients, FAST);
    const deploy = () =>
      deployPackage({ target, release, pkg: "agent", bucket: "rel", integrationId: "i1", dryRun: false });
    s3.on(PutObjectCommand).rejects(
      Object.assign(new Error("The specified bucket does not exist"), { name: "NoSuchBucket" }),
    );
    await expect(deploy()).rejects.toThrow(
      new DeployError(
        "uploading s3://rel/releases/1.2.3/agent.zip failed: NoSuchBucket: The specified bucket does not exist; " +
          "create the bucket rel in the target region first, or name another with --bucket",
      ),
    );
    expect(lambda.commandCalls(UpdateFunctionCodeCommand)).toHaveLength(0);

    s3.on(PutObjectCommand).resolves({});
    lambda
      .on(UpdateFunctionCodeCommand)
      .rejects(
        Object.assign(new Error("Function not found: vigil-agent-i1"), { name: "ResourceNotFoundException" }),
      );
    await expect(deploy()).rejects.toThrow(
      /^updating the code of vigil-agent-i1 failed: ResourceNotFoundException: Function not found: vigil-agent-i1; no function vigil-agent-i1 in this account and region: deploy the stack first/,
    );
    expect(lambda.commandCalls(PublishVersionCommand)).toHaveLength(0);

    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: "abc" });
    lambda
      .on(UpdateAliasCommand)
      .rejects(Object.assign(new Error("Alias not found"), { name: "ResourceNotFoundException" }));
    await expect(deploy()).rejects.toThrow(
      "publishing vigil-agent-i1 to its live alias failed: ResourceNotFoundException: Alias not found",
    );
  });

  it("changes nothing on a dry run", async () => {
    const target = awsDeployTarget(clients, FAST);
    const report = await deployPackage({
      target,
      release,
      pkg: "agent",
      bucket: "rel",
      integrationId: "i1",
      dryRun: true,
    });
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(lambda.commandCalls(UpdateFunctionCodeCommand)).toHaveLength(0);
    expect(lambda.commandCalls(PublishVersionCommand)).toHaveLength(0);
    expect(lambda.commandCalls(UpdateAliasCommand)).toHaveLength(0);
    expect(report.steps.map((s) => s.kind)).toEqual(["upload", "update-function", "move-alias"]);
  });
});

describe("deploy the stack", () => {
  beforeEach(() => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: "vigil-i1", CreationTime: new Date(), StackStatus: "CREATE_COMPLETE" }],
    });
    cfn.on(CreateChangeSetCommand).resolves({ Id: "cs-1" });
    cfn.on(DescribeChangeSetCommand).resolves({
      Status: "CREATE_COMPLETE",
      Changes: [
        {
          ResourceChange: {
            Action: "Modify",
            LogicalResourceId: "AgentFunction",
            ResourceType: "AWS::Lambda::Function",
            Replacement: "False",
          },
        },
      ],
    });
  });

  it("--dry-run prints the change set and deletes it instead of executing", async () => {
    const report = await deployI1(true);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    const created = cfn.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
    expect(created?.ChangeSetType).toBe("UPDATE");
    expect(created?.TemplateURL).toBe(
      "https://rel.s3.us-east-1.amazonaws.com/releases/1.2.3/vigil-root.template.json",
    );
    expect(created?.Tags).toContainEqual({ Key: "Created By", Value: "Vigil" });
    expect(describeDeploy(report)).toMatch(/Modify\s+AgentFunction/);
  });

  it("waits for the stack after executing, and fails naming the resource when it rolled back", async () => {
    let describes = 0;
    cfn.on(DescribeStacksCommand).callsFake(async () => ({
      Stacks: [
        {
          StackName: "vigil-i1",
          CreationTime: new Date(),
          StackStatus: describes++ < 2 ? "UPDATE_IN_PROGRESS" : "UPDATE_ROLLBACK_COMPLETE",
        },
      ],
    }));
    const event = {
      StackId: "arn:stack/vigil-i1",
      EventId: "e",
      StackName: "vigil-i1",
      Timestamp: new Date(),
    };
    cfn.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        { ...event, ResourceStatus: "UPDATE_ROLLBACK_COMPLETE", LogicalResourceId: "vigil-i1" },
        {
          ...event,
          ResourceStatus: "UPDATE_FAILED",
          LogicalResourceId: "AgentRole",
          ResourceType: "AWS::IAM::Role",
          ResourceStatusReason: "Resource update cancelled",
        },
        {
          ...event,
          ResourceStatus: "UPDATE_FAILED",
          LogicalResourceId: "AgentFunction",
          ResourceType: "AWS::Lambda::Function",
          ResourceStatusReason: "Code storage limit exceeded",
        },
        { ...event, ResourceStatus: "UPDATE_IN_PROGRESS", LogicalResourceId: "vigil-i1" },
        // An earlier deploy's failure: not this one's cause.
        {
          ...event,
          ResourceStatus: "CREATE_FAILED",
          LogicalResourceId: "OldTable",
          ResourceType: "AWS::DynamoDB::Table",
          ResourceStatusReason: "an earlier deploy",
        },
      ],
    });
    const run = deployI1();
    await expect(run).rejects.toThrow(DeployError);
    await expect(run).rejects.toThrow(
      "stack vigil-i1 ended UPDATE_ROLLBACK_COMPLETE: AgentFunction (AWS::Lambda::Function): Code storage limit exceeded",
    );
  });

  it("executes nothing when CloudFormation finds nothing to change", async () => {
    cfn.on(DescribeChangeSetCommand).resolves({
      Status: "FAILED",
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
    const report = await deployI1();
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(describeDeploy(report)).toContain("stack   vigil-i1: 0 change(s)");
  });

  it("stops when CloudFormation cannot make the change set, saying why", async () => {
    cfn
      .on(DescribeChangeSetCommand)
      .resolves({ Status: "FAILED", StatusReason: "Template format error: bad" });
    const run = deployI1();
    await expect(run).rejects.toThrow(
      /could not make the change set for vigil-i1: Template format error: bad/,
    );
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });

  it("publishes every artifact and the manifest, then executes the change set", async () => {
    await deployI1();
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual([
      "releases/1.2.3/agent.zip",
      "releases/1.2.3/updater.zip",
      "releases/1.2.3/vigil-root.template.json",
      "releases/1.2.3/manifest.json",
    ]);
    expect(cfn.commandCalls(ExecuteChangeSetCommand).map((c) => c.args[0].input)).toEqual([
      { ChangeSetName: "cs-1" },
    ]);
  });
});

describe("stack parameters are checked against the template before anything is deployed", () => {
  const deploy = (parameters: Record<string, string>) =>
    deployStack({
      target: awsDeployTarget(clients, FAST),
      release,
      bucket: "rel",
      region: "us-east-1",
      stackName: "vigil-i1",
      parameters: { IntegrationId: "i1", ...parameters },
      dryRun: false,
    });

  it("refuses a plain-http PlatformUrl with a clear message, before uploading or creating a change set", async () => {
    const refused = deploy({ PlatformUrl: "http://vigil.example.com" });
    await expect(refused).rejects.toThrow(DeployError);
    await expect(refused).rejects.toThrow(
      /PlatformUrl "http:\/\/vigil\.example\.com" is refused: must be an https:\/\/ URL/,
    );
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it("accepts https, and plain http to a loopback address (local runs)", async () => {
    newStackEachDeploy();
    cfn.on(CreateChangeSetCommand).resolves({ Id: "cs-1" });
    cfn.on(DescribeChangeSetCommand).resolves({ Status: "CREATE_COMPLETE", Changes: [] });
    for (const url of [
      "https://vigil.example.com",
      "http://127.0.0.1:8787",
      "http://localhost",
      "http://[::1]:9000",
    ])
      await expect(deploy({ PlatformUrl: url, RegistrationToken: "t" })).resolves.toBeDefined();
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(4);
  });

  it("creates the stack only when CloudFormation says it does not exist; a failed read stops the deploy", async () => {
    newStackEachDeploy();
    cfn.on(CreateChangeSetCommand).resolves({ Id: "cs-1" });
    cfn.on(DescribeChangeSetCommand).resolves({ Status: "CREATE_COMPLETE", Changes: [] });
    await deploy({});
    expect(cfn.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.ChangeSetType).toBe("CREATE");

    cfn.reset();
    const throttled = Object.assign(new Error("Rate exceeded"), { name: "Throttling" });
    cfn.on(DescribeStacksCommand).rejects(throttled);
    await expect(deploy({})).rejects.toThrow(/Rate exceeded/);
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it("names every refused parameter, never echoing a NoEcho value", () => {
    const problems = stackParameterProblems(rootTemplate(), {
      IntegrationId: "bad id",
      PlatformUrl: "ftp://x",
      RegistrationToken: "t".repeat(300),
      HeartbeatMinutes: "0",
      EnableEbsScanning: "yes",
      Nope: "1",
    });
    expect(problems.map((p) => p.parameter)).toEqual([
      "IntegrationId",
      "PlatformUrl",
      "RegistrationToken",
      "HeartbeatMinutes",
      "EnableEbsScanning",
      "Nope",
    ]);
    expect(problems.find((p) => p.parameter === "RegistrationToken")?.message).toContain("(hidden)");
    expect(JSON.stringify(problems)).not.toContain("t".repeat(300));
  });
});

/** CloudFormation's answer for a stack it does not know. */
function stackMissing(): Error {
  return Object.assign(new Error("Stack with id vigil-i1 does not exist"), { name: "ValidationError" });
}

/** DescribeStacks as CloudFormation answers a deploy of a new stack: missing, then created. */
function newStackEachDeploy(): void {
  let calls = 0;
  cfn.on(DescribeStacksCommand).callsFake(async () => {
    if (calls++ % 2 === 0) throw stackMissing();
    return { Stacks: [{ StackName: "vigil-i1", CreationTime: new Date(), StackStatus: "CREATE_COMPLETE" }] };
  });
}

/** The agent's stack `vigil-i1` deployed through the SDK adapter (over the mocked clients). */
function deployI1(dryRun = false) {
  return deployStack({
    target: awsDeployTarget(clients, FAST),
    release,
    bucket: "rel",
    region: "us-east-1",
    stackName: "vigil-i1",
    parameters: { IntegrationId: "i1" },
    dryRun,
  });
}
