import { AccessAnalyzerClient, ListAnalyzersCommand } from "@aws-sdk/client-accessanalyzer";
import { DescribeVpcBlockPublicAccessOptionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutPermissionCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from "@aws-sdk/client-eventbridge";
import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from "@aws-sdk/client-iam";
import { BatchGetAccountStatusCommand, Inspector2Client } from "@aws-sdk/client-inspector2";
import { EnableMacieCommand, GetMacieSessionCommand, Macie2Client } from "@aws-sdk/client-macie2";
import {
  CreateBucketCommand,
  ListBucketsCommand,
  ListDirectoryBucketsCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import {
  DescribeInstanceInformationCommand,
  GetServiceSettingCommand,
  ListResourceComplianceSummariesCommand,
  SSMClient,
} from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEmulatedOrganization,
  type EmulatedAccount,
  type EmulatedOrganization,
  startEmulatedAccount,
} from "../src/index.ts";

/**
 * What the emulated AWS adds for organizations, checked on its own: one moto serving several
 * accounts, and EventBridge delivering to another account's bus only as AWS would — with the
 * rule's role, when the receiving bus's policy admits the sender's organization — with the
 * sender's `account` kept.
 */

let account: EmulatedAccount;
let org: EmulatedOrganization;
let member: string;
let other: EmulatedOrganization;
let queueUrl: string;
let busArn: string;

beforeAll(async () => {
  account = await startEmulatedAccount();
  org = await createEmulatedOrganization(account);
  member = await org.createAccount("member");
  other = await createEmulatedOrganization(account, { managementAccountId: "299999999999" });
  // The receiving side, in the management account: a bus admitting the organization, a rule to a queue.
  const events = new EventBridgeClient(account.clientConfig());
  const sqs = new SQSClient(account.clientConfig());
  busArn = (await events.send(new CreateEventBusCommand({ Name: "receiver" }))).EventBusArn as string;
  await events.send(
    new PutPermissionCommand({
      EventBusName: "receiver",
      Policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "organization",
            Effect: "Allow",
            Principal: "*",
            Action: "events:PutEvents",
            Resource: busArn,
            Condition: { StringEquals: { "aws:PrincipalOrgID": org.organizationId } },
          },
        ],
      }),
    }),
  );
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "received" }))).QueueUrl as string;
  const queueArn = (
    await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }))
  ).Attributes?.QueueArn as string;
  await events.send(
    new PutRuleCommand({
      Name: "to-queue",
      EventBusName: "receiver",
      EventPattern: JSON.stringify({ source: [{ prefix: "test." }] }),
    }),
  );
  await events.send(
    new PutTargetsCommand({
      Rule: "to-queue",
      EventBusName: "receiver",
      Targets: [{ Id: "q", Arn: queueArn }],
    }),
  );
  events.destroy();
  sqs.destroy();
}, 120_000);

afterAll(async () => {
  org?.destroy();
  other?.destroy();
  await account?.stop();
});

/** A sender's bus with a rule forwarding to the receiver's bus, with or without a role. */
async function sender(accountId: string, withRole: boolean): Promise<void> {
  const events = new EventBridgeClient(account.clientConfig(accountId));
  await events.send(new CreateEventBusCommand({ Name: "sender" }));
  await events.send(
    new PutRuleCommand({
      Name: "forward",
      EventBusName: "sender",
      EventPattern: JSON.stringify({ source: [{ prefix: "test." }] }),
    }),
  );
  await events.send(
    new PutTargetsCommand({
      Rule: "forward",
      EventBusName: "sender",
      Targets: [
        {
          Id: "bus",
          Arn: busArn,
          ...(withRole ? { RoleArn: `arn:aws:iam::${accountId}:role/forward` } : {}),
        },
      ],
    }),
  );
  events.destroy();
}

async function received(): Promise<{ account: string; source: string }[]> {
  const sqs = new SQSClient(account.clientConfig());
  const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
  sqs.destroy();
  return (out.Messages ?? []).map((m) => JSON.parse(m.Body ?? "{}"));
}

describe("EventBridge across the accounts of the emulated organization", () => {
  it("delivers a member's event to the organization's bus with the member's account", async () => {
    await sender(member, true);
    await account.putEvent({
      source: "test.member",
      detailType: "t",
      detail: {},
      eventBusName: "sender",
      accountId: member,
    });
    expect((await received()).map((e) => [e.source, e.account])).toEqual([["test.member", member]]);
  });

  it("refuses an account of another organization, and a rule without a role", async () => {
    const refusals = account.runner.refusals.length;
    await sender(other.managementAccountId, true);
    await account.putEvent({
      source: "test.outsider",
      detailType: "t",
      detail: {},
      eventBusName: "sender",
      accountId: other.managementAccountId,
    });
    const roleless = await org.createAccount("roleless");
    await sender(roleless, false);
    await account.putEvent({
      source: "test.roleless",
      detailType: "t",
      detail: {},
      eventBusName: "sender",
      accountId: roleless,
    });
    expect(await received()).toEqual([]);
    expect(account.runner.refusals.slice(refusals).map((r) => r.reason)).toEqual([
      expect.stringContaining(`does not let account ${other.managementAccountId} put events`),
      expect.stringContaining("needs a RoleArn"),
    ]);
  });
});

describe("what a fresh account answers, added to moto", () => {
  it("answers VPC Block Public Access options as AWS does where they were never set (moto lacks the API)", async () => {
    const ec2 = new EC2Client({ ...account.clientConfig(), region: "eu-west-1" });
    try {
      const out = await ec2.send(new DescribeVpcBlockPublicAccessOptionsCommand({}));
      expect(out.VpcBlockPublicAccessOptions).toMatchObject({
        AwsAccountId: expect.stringMatching(/^\d{12}$/),
        AwsRegion: "eu-west-1",
        State: "default-state",
        InternetGatewayBlockMode: "off",
      });
    } finally {
      ec2.destroy();
    }
  });

  it("answers SSM's managed instances, compliance and Automation's log destination as an account without agents", async () => {
    const ssm = new SSMClient(account.clientConfig());
    try {
      expect((await ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toEqual(
        [],
      );
      expect(
        (await ssm.send(new ListResourceComplianceSummariesCommand({}))).ResourceComplianceSummaryItems,
      ).toEqual([]);
      const setting = await ssm.send(
        new GetServiceSettingCommand({ SettingId: "/ssm/automation/customer-script-log-destination" }),
      );
      expect(setting.ServiceSetting).toMatchObject({ SettingValue: "None", Status: "Default" });
      const sharing = await ssm.send(
        new GetServiceSettingCommand({ SettingId: "/ssm/documents/console/public-sharing-permission" }),
      );
      expect(sharing.ServiceSetting).toMatchObject({ SettingValue: "Enable", Status: "Default" });
    } finally {
      ssm.destroy();
    }
  });

  it("reports Inspector off for the caller's own account, and the root user first in the credential report", async () => {
    const inspector = new Inspector2Client(account.clientConfig());
    const iam = new IAMClient(account.clientConfig());
    try {
      const id = (await inspector.send(new BatchGetAccountStatusCommand({ accountIds: ["123456789012"] })))
        .accounts;
      expect(id).toEqual([
        expect.objectContaining({ accountId: "123456789012", state: { status: "DISABLED" } }),
      ]);
      await iam.send(new GenerateCredentialReportCommand({}));
      const report = Buffer.from((await iam.send(new GetCredentialReportCommand({}))).Content ?? []).toString(
        "utf8",
      );
      const [header = "", root = ""] = report.split("\n");
      expect(root.split(",")).toHaveLength(header.split(",").length);
      expect(root).toMatch(/^<root_account>,arn:aws:iam::123456789012:root,/);
    } finally {
      inspector.destroy();
      iam.destroy();
    }
  });

  it("answers IAM Access Analyzer, which moto does not serve: no analyzer", async () => {
    const analyzer = new AccessAnalyzerClient(account.clientConfig());
    try {
      expect((await analyzer.send(new ListAnalyzersCommand({ type: "ACCOUNT" }))).analyzers).toEqual([]);
    } finally {
      analyzer.destroy();
    }
  });

  it("answers S3 Express One Zone's ListDirectoryBuckets, which moto would take for ListBuckets: no directory bucket", async () => {
    // As the agent's client: S3's API signed as `s3express`, no session (control-plane calls only).
    const s3 = new S3Client({ ...account.clientConfig(), disableS3ExpressSessionAuth: true });
    try {
      await s3.send(new CreateBucketCommand({ Bucket: "vigil-general-purpose-probe" }));
      expect((await s3.send(new ListDirectoryBucketsCommand({}))).Buckets ?? []).toEqual([]);
      const general = (await s3.send(new ListBucketsCommand({}))).Buckets ?? [];
      expect(general.map((b) => b.Name)).toContain("vigil-general-purpose-probe");
    } finally {
      s3.destroy();
    }
  });

  it("starts with Macie off, as a fresh account does; once enabled, its dates carry their time zone (the SDK refuses moto's)", async () => {
    const macie = new Macie2Client(account.clientConfig());
    try {
      await expect(macie.send(new GetMacieSessionCommand({}))).rejects.toMatchObject({
        name: "AccessDeniedException",
        message: expect.stringMatching(/Macie is not enabled/),
      });
      await macie.send(new EnableMacieCommand({}));
      const session = await macie.send(new GetMacieSessionCommand({}));
      expect(session.status).toBe("ENABLED");
      expect(session.createdAt).toBeInstanceOf(Date);
    } finally {
      macie.destroy();
    }
  });
});
