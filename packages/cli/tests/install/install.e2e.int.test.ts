import {
  CreateVolumeCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { GetParametersByPathCommand, SSMClient } from "@aws-sdk/client-ssm";
import { createEvent, SnsSqsBus } from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReleaseDir, EmulatedInstallation } from "../../src/install/index.ts";

/**
 * The release a user deploys, run as AWS runs it: built as `vigil templates` builds it, deployed by
 * CloudFormation from S3 into the emulated account, every function running from its built zip in
 * Node 22 when the deployed subscriptions, rules and custom resources say so.
 */

const ADMIN_TOKEN = "install-e2e-admin-token-0123456789abcdef";
const INSTANCES = 160;

let world: EmulatedInstallation;
let release: string;

beforeAll(async () => {
  release = await buildReleaseDir("0.1.0");
  world = await EmulatedInstallation.start({
    adminToken: ADMIN_TOKEN,
    account:
      process.env.VIGIL_RUNNER_LOGS === "1"
        ? { onLog: (fn: string, line: string) => console.log(`[${fn}] ${line.slice(0, 500)}`) }
        : {},
  });
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

async function taggedWith(integrationId: string): Promise<string[]> {
  const tagging = new ResourceGroupsTaggingAPIClient(world.account.clientConfig());
  try {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await tagging.send(
        new GetResourcesCommand({
          TagFilters: [{ Key: "Vigil Integration", Values: [integrationId] }],
          PaginationToken: token,
        }),
      );
      out.push(...(page.ResourceTagMappingList ?? []).map((r) => r.ResourceARN ?? ""));
      token = page.PaginationToken || undefined;
    } while (token);
    return out;
  } finally {
    tagging.destroy();
  }
}

describe("the built release in the emulated account", () => {
  it("installs, registers, scans 160 instances in one shard, tears down only its own resources, and installs again", async () => {
    const { account } = world;
    const ec2 = new EC2Client(account.clientConfig());
    const ssm = new SSMClient(account.clientConfig());
    // The customer's account before Vigil: 160 instances in the region to scan.
    await ec2.send(
      new RunInstancesCommand({
        ImageId: "ami-12345678",
        InstanceType: "t3.micro",
        MinCount: INSTANCES,
        MaxCount: INSTANCES,
      }),
    );

    // 1. The admin creates the integration; the user deploys the stack with its token.
    const { integrationId, registrationToken } = await world.createIntegration();
    // The stack switches one check off for this account (its DisabledChecks parameter).
    const created = await world.install({
      releaseDir: release,
      version: "0.1.0",
      integrationId,
      registrationToken,
      parameters: { DisabledChecks: "vigil.ec2.instance-uses-iam-role" },
    });
    expect(world.failureReport()).toBe("");
    expect(created.status).toBe("CREATE_COMPLETE");
    // CloudFormation completed because the custom resource answered SUCCESS at its ResponseURL.
    const registrations = account.runner.invocations({ source: "cloudformation" });
    expect(registrations.map((i) => (i.result as { Status?: string }).Status)).toEqual(["SUCCESS"]);
    expect((await world.integration(integrationId)).integration.status).toBe("active");

    // Volumes in the account: one Vigil made for this integration, one for another, one nobody tagged.
    const volume = async (tags: Record<string, string>) =>
      (
        await ec2.send(
          new CreateVolumeCommand({
            AvailabilityZone: `${account.region}a`,
            Size: 8,
            ...(Object.keys(tags).length > 0
              ? {
                  TagSpecifications: [
                    {
                      ResourceType: "volume",
                      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
                    },
                  ],
                }
              : {}),
          }),
        )
      ).VolumeId as string;
    const ours = await volume({ "Created By": "Vigil", "Vigil Integration": integrationId });
    const theirs = await volume({ "Created By": "Vigil", "Vigil Integration": "another-integration" });
    const untagged = await volume({});

    // The platform's settings command mutes one instance's IMDSv2 failure; the agent records it
    // and the next scan's jobs read it.
    const described = await ec2.send(new DescribeInstancesCommand({}));
    const first = described.Reservations?.[0]?.Instances?.[0]?.InstanceId as string;
    const firstArn = `arn:aws:ec2:${account.region}:${account.accountId}:instance/${first}`;
    const sns = new SNSClient(account.clientConfig());
    const sqs = new SQSClient(account.clientConfig());
    // What goes on the events topic from here on, as a queue subscribed to it would see it.
    const tap = (await sqs.send(new CreateQueueCommand({ QueueName: "topic-tap" }))).QueueUrl as string;
    await sns.send(
      new SubscribeCommand({
        TopicArn: created.outputs.EventsTopicArn as string,
        Protocol: "sqs",
        Endpoint: `arn:aws:sqs:${account.region}:${account.accountId}:topic-tap`,
        Attributes: { RawMessageDelivery: "true" },
      }),
    );

    await new SnsSqsBus({
      sns,
      sqs,
      topicArn: created.outputs.EventsTopicArn as string,
      integrationId,
    }).publish([
      createEvent(
        "vigil.scan.settings-changed.v1",
        {
          enabledChecks: [],
          disabledChecks: [],
          mutes: [
            {
              id: "mute-first-instance",
              owner: "secops@example.com",
              reason: "a test instance",
              expiresAt: "2099-01-01T00:00:00.000Z",
              match: { checkId: "vigil.ec2.instance-imdsv2-required", arn: firstArn },
            },
          ],
          changedBy: "admin@example.com",
        },
        { source: "urn:vigil:platform", integrationId },
      ),
    ]);
    await account.runner.settle();
    world.throwOnFailures("the settings command");

    // 2. The scan schedule fires; heartbeats drain its jobs until the platform shows it completed.
    await world.scheduledScan(integrationId);
    world.throwOnFailures("the scan");
    // The results reached the platform over signed HTTP (below), not the topic: no subscriber in
    // the account takes them, and the agent's own scan request is not echoed back to it.
    const onTopic: string[] = [];
    for (;;) {
      const got = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: tap, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      if (!got.Messages?.length) break;
      onTopic.push(...got.Messages.map((m) => (JSON.parse(m.Body ?? "{}") as { type?: string }).type ?? "?"));
    }
    // The tap works: the settings command went on the topic (the agent received it through its
    // subscription); nothing of the scan did.
    expect(onTopic).toEqual(["vigil.scan.settings-changed.v1"]);
    const report = await world.api<{
      reports: { results: { checkId: string; status: string; muteId?: string }[] }[];
    }>(`/api/integrations/${integrationId}/reports?arn=${encodeURIComponent(firstArn)}`);
    const results = report.body.reports[0]?.results ?? [];
    expect(results.find((r) => r.checkId === "vigil.ec2.instance-imdsv2-required")).toMatchObject({
      status: "muted",
      muteId: "mute-first-instance",
    });
    expect(results.map((r) => r.checkId)).not.toContain("vigil.ec2.instance-uses-iam-role");
    const assets = await world.api<{ assets: { type: string }[] }>(
      `/api/integrations/${integrationId}/assets`,
    );
    expect(assets.body.assets.filter((a) => a.type === "aws.ec2.instance")).toHaveLength(INSTANCES);
    expect(await taggedWith(integrationId)).not.toEqual([]);

    // 3. Stack deletion: the agent removes what it made for this integration, nothing else.
    await world.uninstall();
    world.throwOnFailures("the deletion");
    const left = new Set(
      ((await ec2.send(new DescribeVolumesCommand({}))).Volumes ?? []).map((v) => v.VolumeId as string),
    );
    expect(left.has(ours)).toBe(false);
    expect(left.has(theirs)).toBe(true);
    expect(left.has(untagged)).toBe(true);
    expect(await taggedWith(integrationId)).toEqual([]);
    const parameters = await ssm.send(
      new GetParametersByPathCommand({ Path: `/vigil/${integrationId}`, Recursive: true }),
    );
    expect(parameters.Parameters ?? []).toEqual([]);
    const removal = account.runner.invocations({ source: "cloudformation" }).at(-1);
    expect({ request: removal?.event, answer: removal?.result }).toMatchObject({
      request: { RequestType: "Delete" },
      answer: { Status: "SUCCESS" },
    });
    expect((await world.integration(integrationId)).integration.status).toBe("deleted");
    // Nothing is lost on the platform's side: the reports stay.
    const kept = await world.api<{ assets: unknown[]; removed: unknown[] }>(
      `/api/integrations/${integrationId}/assets`,
    );
    expect(kept.body.assets.length + kept.body.removed.length).toBeGreaterThanOrEqual(INSTANCES);

    // 4. Installed again with a new token: active again, its history kept.
    const again = await world.install({
      releaseDir: release,
      version: "0.1.0",
      integrationId,
      registrationToken: await world.newRegistrationToken(integrationId),
    });
    expect(again.status).toBe("CREATE_COMPLETE");
    world.throwOnFailures("the second install");
    expect((await world.integration(integrationId)).integration.status).toBe("active");
    const history = await world.api<{ events: { type: string }[] }>(
      `/api/integrations/${integrationId}/events`,
    );
    const types = history.body.events.map((e) => e.type);
    expect(types.filter((t) => t === "vigil.integration.stack-created.v1")).toHaveLength(2);
    expect(types).toContain("vigil.integration.deleted.v1");
    ec2.destroy();
    ssm.destroy();
    sns.destroy();
    sqs.destroy();
  }, 600_000);
});
