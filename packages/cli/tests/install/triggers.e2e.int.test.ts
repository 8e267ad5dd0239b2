import { EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { createEvent, SnsSqsBus } from "@vigil/events";
import type { Invocation } from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReleaseDir, EmulatedInstallation, failedInvocationsReport } from "../../src/install/index.ts";

/**
 * Every event kind the deployed functions' triggers send, sent as AWS sends it — through the
 * deployed custom resource, subscriptions and their filter policies, rules and permissions — to the
 * built zips in Node 22. None may fail, and none may be refused.
 */

const ADMIN_TOKEN = "triggers-e2e-admin-token-0123456789abcdef";

let world: EmulatedInstallation;
let release: string;

beforeAll(async () => {
  release = await buildReleaseDir("0.1.0");
  world = await EmulatedInstallation.start({ adminToken: ADMIN_TOKEN });
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

/** The invocations a step caused: those recorded since `from`. */
function since(from: number): readonly Invocation[] {
  return world.account.runner.invocations().slice(from);
}

describe("every trigger of the installed release", () => {
  it("delivers each event kind to the built functions, which handle it", async () => {
    const { account } = world;
    const ec2 = new EC2Client(account.clientConfig());
    const sns = new SNSClient(account.clientConfig());
    const sqs = new SQSClient(account.clientConfig());
    const instances = await ec2.send(
      new RunInstancesCommand({
        ImageId: "ami-12345678",
        InstanceType: "t3.micro",
        MinCount: 2,
        MaxCount: 2,
      }),
    );
    const { integrationId, registrationToken } = await world.createIntegration();

    // Custom resource Create.
    const stack = await world.install({
      releaseDir: release,
      version: "0.1.0",
      integrationId,
      registrationToken,
    });
    const topicArn = stack.outputs.EventsTopicArn as string;
    expect(topicArn).toMatch(/^arn:aws:sns:/);
    const bus = new SnsSqsBus({ sns, sqs, topicArn, integrationId });
    const steps: Record<string, readonly Invocation[]> = {};

    // Custom resource Update: a parameter the registration resource carries changes.
    let mark = account.runner.invocations().length;
    await world.updateParameters({ ScanRegions: `${account.region},eu-west-1` });
    steps.update = since(mark);
    expect(
      steps.update.map((i) => [i.trigger.source, (i.event as { RequestType?: string }).RequestType]),
    ).toContainEqual(["cloudformation", "Update"]);
    const logged = await world.platform.eventStore.readStream(`integration#${integrationId}`);
    const updated = logged.events.filter((e) => e.event.type === "vigil.integration.stack-updated.v1");
    expect(
      (updated.at(-1)?.event.data as { enabledRegions?: string[] } | undefined)?.enabledRegions,
    ).toContain("eu-west-1");

    // The heartbeat schedule.
    mark = account.runner.invocations().length;
    expect(await account.fireSchedules(/Heartbeat/)).toHaveLength(1);
    await account.runner.settle();
    steps.heartbeat = since(mark);
    expect((await world.integration(integrationId)).integration.lastHeartbeat).toMatchObject({
      agentVersion: "0.1.0",
    });

    // The scan schedule, then heartbeats until it completes.
    mark = account.runner.invocations().length;
    await world.scheduledScan(integrationId);
    steps.scan = since(mark);

    // An EC2 state change, through the rule's event pattern.
    mark = account.runner.invocations().length;
    const instanceId = instances.Instances?.[0]?.InstanceId as string;
    await account.putEvent({
      source: "aws.ec2",
      detailType: "EC2 Instance State-change Notification",
      detail: { "instance-id": instanceId, state: "running" },
      resources: [`arn:aws:ec2:${account.region}:${account.accountId}:instance/${instanceId}`],
    });
    await account.runner.settle();
    steps.instanceStateChange = since(mark);
    expect(steps.instanceStateChange.map((i) => i.trigger.source)).toContain("events");

    // Commands on the events topic, as the platform's would arrive: a scan, an update (the channel
    // names the running release, so the updater finds itself up to date).
    await world.publish(release, "0.1.0");
    mark = account.runner.invocations().length;
    await bus.publish([
      createEvent(
        "vigil.scan.requested.v1",
        { scanId: "scan-on-demand-1", trigger: "on-demand", requestedBy: "admin@example.com" },
        { source: "urn:vigil:platform", integrationId },
      ),
      createEvent(
        "vigil.update.requested.v1",
        { requestedBy: "admin@example.com" },
        { source: "urn:vigil:platform", integrationId },
      ),
    ]);
    await account.runner.settle();
    steps.commands = since(mark);
    const bySns = steps.commands.filter((i) => i.trigger.source === "sns");
    const updaterAnswer = bySns.find((i) => i.function.functionName.startsWith("vigil-updater-"))?.result;
    expect(JSON.stringify(updaterAnswer)).toContain("up-to-date");
    expect(new Set(bySns.map((i) => i.function.functionName))).toEqual(
      new Set([`vigil-agent-${integrationId}`, `vigil-updater-${integrationId}`]),
    );

    // A message that is not an event: dead-lettered with the reason, never retried forever.
    mark = account.runner.invocations().length;
    await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: "{not json",
        MessageAttributes: { type: { DataType: "String", StringValue: "vigil.scan.requested.v1" } },
      }),
    );
    await account.runner.settle();
    steps.malformed = since(mark);
    const dlq = stack.outputs.AgentDeadLetterQueueUrl as string;
    const letters = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: dlq, MaxNumberOfMessages: 10, MessageAttributeNames: ["All"] }),
    );
    const letter = (letters.Messages ?? []).find((m) => m.Body?.includes("{not json"));
    expect(letter, "the malformed message in the agent's DLQ").toBeDefined();
    expect(JSON.stringify(letter?.MessageAttributes)).toMatch(/reason|Reason/);

    // A settings command naming a check that does not exist: refused, in the DLQ with why.
    mark = account.runner.invocations().length;
    await bus.publish([
      createEvent(
        "vigil.scan.settings-changed.v1",
        {
          enabledChecks: [],
          disabledChecks: ["vigil.no-such-check"],
          mutes: [],
          changedBy: "admin@example.com",
        },
        { source: "urn:vigil:platform", integrationId },
      ),
    ]);
    await account.runner.settle();
    steps.badSettings = since(mark);
    const refused = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: dlq, MaxNumberOfMessages: 10, MessageAttributeNames: ["All"] }),
    );
    const refusedLetter = (refused.Messages ?? []).find((m) => m.Body?.includes("vigil.no-such-check"));
    expect(JSON.stringify(refusedLetter?.MessageAttributes)).toMatch(/does not exist/);

    // Custom resource Delete.
    mark = account.runner.invocations().length;
    await world.uninstall();
    steps.delete = since(mark);

    for (const [step, invocations] of Object.entries(steps)) {
      expect(invocations.length, `${step} invoked nothing`).toBeGreaterThan(0);
      expect(failedInvocationsReport(invocations), step).toBe("");
    }
    expect(account.runner.refusals).toEqual([]);
    ec2.destroy();
    sns.destroy();
    sqs.destroy();
  }, 600_000);
});
